import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { DriftList } from "@/components/database/drift-list";
import { Alert } from "@/components/ui/alert";
import { toUserError } from "@/lib/db/errors";
import { inLocale } from "@/lib/i18n/messages";
import { inRequestLocale } from "@/lib/i18n/locale-scope";
import { requestLocale } from "@/lib/i18n/request-locale";
import { currentSync } from "@/lib/sync/last-result";
import { driftPage } from "@/lib/sync/sync";
import { withPoolClient } from "@/lib/sync/with-client";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("pages.database"))("driftTitle") };
}
export const dynamic = "force-dynamic";

export default async function DriftPage() {
  const t = await getTranslations("pages.database");
  let state;
  try {
    // Skip reasons and problems are said in the request's language (the kept results are per language).
    state = await inRequestLocale(() => withPoolClient((client) => currentSync(client)));
  } catch (error) {
    return <Alert tone="error" title={t("driftFailed")}>{inLocale(await requestLocale(), () => toUserError(error).message)}</Alert>;
  }
  return (
    <DriftList
      schemas={state.schemas}
      first={driftPage(state.items)}
      problems={state.canonical.problems}
      notComparable={state.notComparable}
    />
  );
}
