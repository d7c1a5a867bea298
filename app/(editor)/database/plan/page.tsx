import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PlanForSelection } from "@/components/database/plan-for-selection";
import { PlanPanel } from "@/components/database/plan-panel";
import { Alert } from "@/components/ui/alert";
import { toUserError } from "@/lib/db/errors";
import { inLocale } from "@/lib/i18n/messages";
import { inRequestLocale } from "@/lib/i18n/locale-scope";
import { requestLocale } from "@/lib/i18n/request-locale";
import { selectionKeySchema } from "@/lib/schemas/sync";
import { planView } from "@/lib/sync/apply";
import { currentPlan } from "@/lib/sync/last-result";
import { withPoolClient } from "@/lib/sync/with-client";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("pages.database"))("planTitle") };
}
export const dynamic = "force-dynamic";

/** The plan for every difference, or (`?selection=<key>`) for the differences chosen on the Drift page. */
export default async function PlanPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [{ selection, item }, t] = await Promise.all([searchParams, getTranslations("pages.database")]);
  // Links of earlier versions carried the chosen items as ?item=…: never read as "the plan for everything".
  if (item !== undefined) return <Alert tone="error" title={t("planMalformed")}>{t("planOldLink")}</Alert>;
  if (selection !== undefined) {
    const key = selectionKeySchema.safeParse(selection);
    if (!key.success) return <Alert tone="error" title={t("planMalformed")}>{key.error.issues[0].message}</Alert>;
    // The ids are in this tab's session storage: the browser asks for their plan (previewPlanAction).
    return <PlanForSelection selectionKey={key.data} />;
  }
  let preview;
  try {
    // Notes, dangers and problems are said in the request's language (the kept results are per language).
    preview = await inRequestLocale(() => withPoolClient((client) => currentPlan(client)));
  } catch (error) {
    return <Alert tone="error" title={t("planFailed")}>{inLocale(await requestLocale(), () => toUserError(error).message)}</Alert>;
  }
  return <PlanPanel plan={planView(preview)} itemIds={[]} />;
}
