import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

/** The editor pages whose heading and introduction live in the catalogs (pages.<page>.title / .intro). */
type PageKey = "project" | "tables" | "relations" | "diagram" | "endpoints" | "history";

/** A page's heading and its one-paragraph introduction, in the request's language (<code> kept). */
export async function PageHeader({ page }: { page: PageKey }) {
  const t = await getTranslations("pages");
  return (
    <div>
      <h1 className="text-2xl font-semibold">{t(`${page}.title`)}</h1>
      <p className="text-sm text-zinc-600">{t.rich(`${page}.intro`, { code: (chunks) => <code>{chunks}</code> })}</p>
    </div>
  );
}

/** The page's <title>, in the request's language (the root layout adds the editor's name). */
export async function pageMetadata(page: PageKey | "table" | "tools"): Promise<Metadata> {
  const t = await getTranslations("pages");
  return { title: t(`${page}.title`) };
}
