import type { Metadata } from "next";
import Link from "next/link";
import { BackupPanel } from "@/components/tools/backup-panel";
import { ResetPanel } from "@/components/tools/reset-panel";
import { VerifyPanel } from "@/components/tools/verify-panel";
import { getPool } from "@/lib/db/pool";
import { readCatalog } from "@/lib/metadata/catalog";
import { compareCatalog } from "@/lib/metadata/check";
import { getProject } from "@/lib/metadata/project";
import { requireReady } from "@/lib/metadata/require-ready";

export const metadata: Metadata = { title: "Tools" };

const TONE = {
  present: "text-emerald-700",
  missing: "text-red-700",
  different: "text-amber-700",
  extra: "text-blue-700",
};

export default async function ToolsPage() {
  await requireReady();
  const summary = compareCatalog(await readCatalog(getPool()));
  const project = await getProject();
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-semibold">Tools</h1>
      <section aria-labelledby="verify" className="space-y-2">
        <h2 id="verify" className="text-lg font-semibold">
          Verify
        </h2>
        <p className="text-sm text-zinc-600">
          The seed&apos;s checks: tables, enums and indexes present; a sample project, table and column insert; cascade
          delete. They run in a transaction that is rolled back, so nothing is kept.
        </p>
        <VerifyPanel />
      </section>
      <section aria-labelledby="backup" className="space-y-2">
        <h2 id="backup" className="text-lg font-semibold">
          Backup and restore
        </h2>
        <BackupPanel />
      </section>
      <section aria-labelledby="generated" className="space-y-2">
        <h2 id="generated" className="text-lg font-semibold">
          Generated code
        </h2>
        <p className="text-sm text-zinc-600">
          The GraphQL schema, TypeScript types, zod schemas and a form component per table, as{" "}
          <code>npm run metadata:generate</code> writes them (each table&apos;s Code tab shows its part and its problems).
        </p>
        <Link
          href="/tools/generated"
          download
          prefetch={false}
          className="inline-flex items-center rounded-md border border-zinc-300 bg-white px-3.5 py-2 text-sm font-medium text-zinc-800 hover:bg-zinc-100"
        >
          Download generated code (zip)
        </Link>
      </section>
      {project && (
        <section aria-labelledby="reset" className="space-y-2">
          <h2 id="reset" className="text-lg font-semibold text-red-800">
            Reset
          </h2>
          <ResetPanel projectId={project.project_id} />
        </section>
      )}
      <section aria-labelledby="check" className="space-y-2">
        <h2 id="check" className="text-lg font-semibold">
          Check (metadata:check)
        </h2>
        <p className="text-sm text-zinc-600">
          {summary.items.length} objects: {summary.missing} missing, {summary.different} different, {summary.extra}{" "}
          extra.
        </p>
        <table className="w-full text-left text-sm">
          <thead className="text-xs text-zinc-500">
            <tr>
              <th className="py-1">Kind</th>
              <th className="py-1">Object</th>
              <th className="py-1">State</th>
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
                      expected {item.expected}
                      <br />
                      actual {item.actual}
                    </span>
                  )}
                </td>
                <td className={`py-1 ${TONE[item.status]}`}>{item.status}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
