import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ImportPanel } from "@/components/database/import-panel";
import { Alert } from "@/components/ui/alert";
import { toUserError } from "@/lib/db/errors";
import { inLocale } from "@/lib/i18n/messages";
import { requestLocale } from "@/lib/i18n/request-locale";
import { getPool } from "@/lib/db/pool";
import { getProject } from "@/lib/metadata/project";
import { listSchemas } from "@/lib/sync/introspect";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("pages.database"))("importTitle") };
}
export const dynamic = "force-dynamic";

export default async function ImportPage() {
  const t = await getTranslations("pages.database");
  let schemas;
  let preselected: string[];
  try {
    schemas = await listSchemas(getPool());
    const project = await getProject();
    preselected = ["public", project?.default_schema ?? "public"];
  } catch (error) {
    return <Alert tone="error" title={t("schemasFailed")}>{inLocale(await requestLocale(), () => toUserError(error).message)}</Alert>;
  }
  if (schemas.length === 0) {
    return <Alert title={t("nothingToImport")}>{t("nothingToImportBody")}</Alert>;
  }
  return <ImportPanel schemas={schemas} preselected={schemas.map((s) => s.name).filter((n) => preselected.includes(n))} />;
}
