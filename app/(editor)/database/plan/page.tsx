import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PlanPanel } from "@/components/database/plan-panel";
import { Alert } from "@/components/ui/alert";
import { toUserError } from "@/lib/db/errors";
import { inLocale } from "@/lib/i18n/messages";
import { requestLocale } from "@/lib/i18n/request-locale";
import { planRequestSchema } from "@/lib/schemas/sync";
import { planView, previewPlan } from "@/lib/sync/apply";
import { withPoolClient } from "@/lib/sync/with-client";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("pages.database"))("planTitle") };
}
export const dynamic = "force-dynamic";

export default async function PlanPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [{ item }, t] = await Promise.all([searchParams, getTranslations("pages.database")]);
  const parsed = planRequestSchema.safeParse({ itemIds: item === undefined ? [] : [item].flat() });
  if (!parsed.success) return <Alert tone="error" title={t("planMalformed")}>{parsed.error.issues[0].message}</Alert>;
  let preview;
  try {
    preview = await withPoolClient((client) => previewPlan(client, { itemIds: parsed.data.itemIds }));
  } catch (error) {
    return <Alert tone="error" title={t("planFailed")}>{inLocale(await requestLocale(), () => toUserError(error).message)}</Alert>;
  }
  return <PlanPanel plan={planView(preview)} itemIds={parsed.data.itemIds} />;
}
