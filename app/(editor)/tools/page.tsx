import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { pageMetadata } from "@/components/app-shell/page-header";
import { BackupPanel } from "@/components/tools/backup-panel";
import { ResetPanel } from "@/components/tools/reset-panel";
import { VerifyPanel } from "@/components/tools/verify-panel";
import { getPool } from "@/lib/db/pool";
import { readCatalog } from "@/lib/metadata/catalog";
import { compareCatalog } from "@/lib/metadata/check";
import { getProject } from "@/lib/metadata/project";
import { requireReady } from "@/lib/metadata/require-ready";

export const generateMetadata = () => pageMetadata("tools");

const TONE = {
  present: "text-emerald-700",
  missing: "text-red-700",
  different: "text-amber-700",
  extra: "text-blue-700",
};

export default async function ToolsPage() {
  await requireReady();
  const summary = compareCatalog(await readCatalog(getPool()));
  const [project, t] = await Promise.all([getProject(), getTranslations("pages.tools")]);
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <section aria-labelledby="verify" className="space-y-2">
        <h2 id="verify" className="text-lg font-semibold">
          {t("verify")}
        </h2>
        <p className="text-sm text-zinc-600">{t("verifyIntro")}</p>
        <VerifyPanel />
      </section>
      <section aria-labelledby="backup" className="space-y-2">
        <h2 id="backup" className="text-lg font-semibold">
          {t("backup")}
        </h2>
        <BackupPanel />
      </section>
      <section aria-labelledby="generated" className="space-y-2">
        <h2 id="generated" className="text-lg font-semibold">
          {t("generated")}
        </h2>
        <p className="text-sm text-zinc-600">{t.rich("generatedIntro", { code: (chunks) => <code>{chunks}</code> })}</p>
        <Link
          href="/tools/generated"
          download
          prefetch={false}
          className="inline-flex items-center rounded-md border border-zinc-300 bg-white px-3.5 py-2 text-sm font-medium text-zinc-800 hover:bg-zinc-100"
        >
          {t("downloadZip")}
        </Link>
      </section>
      {project && (
        <section aria-labelledby="reset" className="space-y-2">
          <h2 id="reset" className="text-lg font-semibold text-red-800">
            {t("reset")}
          </h2>
          <ResetPanel projectId={project.project_id} />
        </section>
      )}
      <section aria-labelledby="check" className="space-y-2">
        <h2 id="check" className="text-lg font-semibold">
          {t("check")}
        </h2>
        <p className="text-sm text-zinc-600">
          {t("summary", { count: summary.items.length, missing: summary.missing, different: summary.different, extra: summary.extra })}
        </p>
        <table className="w-full text-left text-sm">
          <thead className="text-xs text-zinc-500">
            <tr>
              <th className="py-1">{t("kind")}</th>
              <th className="py-1">{t("object")}</th>
              <th className="py-1">{t("state")}</th>
            </tr>
          </thead>
          <tbody>
            {summary.items.map((item) => (
              <tr key={`${item.kind}:${item.name}`} className="border-t border-zinc-200 align-top">
                <td className="py-1 text-zinc-500">{item.kind}</td>
                <td className="py-1 font-mono text-xs">
                  {item.name}
                  {item.status === "different" && (
                    <span className="block text-zinc-500">
                      {t("expected", { value: String(item.expected) })}
                      <br />
                      {t("actual", { value: String(item.actual) })}
                    </span>
                  )}
                </td>
                <td className={`py-1 ${TONE[item.status]}`}>{t(`status.${item.status}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
