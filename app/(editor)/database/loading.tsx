import { getTranslations } from "next-intl/server";

export default async function Loading() {
  const t = await getTranslations("database");
  return (
    <p role="status" className="text-sm text-zinc-500">
      {t("readingCatalog")}
    </p>
  );
}
