import { useTranslations } from "next-intl";
import type { RestorePreview, RowRef } from "@/lib/metadata/backup";

function Refs({ kind, refs, total }: { kind: "added" | "changed" | "removed"; refs: RowRef[]; total: number }) {
  const t = useTranslations("tools");
  if (total === 0) return null;
  return (
    <li>
      <span className="font-medium">{t(kind)}:</span>{" "}
      {refs.map((r) => `#${r.id} ${r.label}${r.fields ? ` (${r.fields.join(", ")})` : ""}`).join("; ")}
      {total > refs.length && t("more", { count: total - refs.length })}
    </li>
  );
}

/** What a restore would do, table by table, with the first few rows of each kind. */
export function RestorePreviewTable({ preview }: { preview: RestorePreview }) {
  const { source, exportedAt, rows } = preview.backup;
  const t = useTranslations("tools");
  return (
    <div className="space-y-2">
      <p className="text-sm text-zinc-700">
        {t.rich("backupOf", { database: source.database, version: source.serverVersion, at: exportedAt, rows, strong: (chunks) => <span className="font-medium">{chunks}</span> })}
      </p>
      <table className="w-full text-left text-sm" aria-label={t("previewLabel")}>
        <thead className="text-xs text-zinc-500">
          <tr>
            <th className="py-1">{t("table")}</th>
            <th className="py-1">{t("added")}</th>
            <th className="py-1">{t("changed")}</th>
            <th className="py-1">{t("removed")}</th>
            <th className="py-1">{t("unchanged")}</th>
            <th className="py-1">{t("rows")}</th>
          </tr>
        </thead>
        <tbody>
          {preview.tables.map((row) => (
            <tr key={row.table} className="border-t border-zinc-200 align-top">
              <th scope="row" className="py-1 font-mono text-xs font-normal">
                {row.table}
              </th>
              <td className={`py-1 ${row.added ? "text-emerald-700" : "text-zinc-500"}`}>{row.added}</td>
              <td className={`py-1 ${row.changed ? "text-amber-700" : "text-zinc-500"}`}>{row.changed}</td>
              <td className={`py-1 ${row.removed ? "text-red-700" : "text-zinc-500"}`}>{row.removed}</td>
              <td className="py-1 text-zinc-500">{row.unchanged}</td>
              <td className="py-1 text-xs text-zinc-600">
                <ul>
                  <Refs kind="added" refs={row.samples.added} total={row.added} />
                  <Refs kind="changed" refs={row.samples.changed} total={row.changed} />
                  <Refs kind="removed" refs={row.samples.removed} total={row.removed} />
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {preview.totals.added + preview.totals.changed + preview.totals.removed === 0 && (
        <p className="text-sm text-zinc-600">{t("equal")}</p>
      )}
    </div>
  );
}
