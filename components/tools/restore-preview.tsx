import type { RestorePreview, RowRef } from "@/lib/metadata/backup";

function Refs({ kind, refs, total }: { kind: string; refs: RowRef[]; total: number }) {
  if (total === 0) return null;
  return (
    <li>
      <span className="font-medium">{kind}:</span>{" "}
      {refs.map((r) => `#${r.id} ${r.label}${r.fields ? ` (${r.fields.join(", ")})` : ""}`).join("; ")}
      {total > refs.length && ` … and ${total - refs.length} more`}
    </li>
  );
}

/** What a restore would do, table by table, with the first few rows of each kind. */
export function RestorePreviewTable({ preview }: { preview: RestorePreview }) {
  const { source, exportedAt, rows } = preview.backup;
  return (
    <div className="space-y-2">
      <p className="text-sm text-zinc-700">
        Backup of <span className="font-medium">{source.database}</span> (PostgreSQL {source.serverVersion}), exported{" "}
        {exportedAt}: {rows} rows.
      </p>
      <table className="w-full text-left text-sm" aria-label="Restore preview">
        <thead className="text-xs text-zinc-500">
          <tr>
            <th className="py-1">Table</th>
            <th className="py-1">Added</th>
            <th className="py-1">Changed</th>
            <th className="py-1">Removed</th>
            <th className="py-1">Unchanged</th>
            <th className="py-1">Rows</th>
          </tr>
        </thead>
        <tbody>
          {preview.tables.map((t) => (
            <tr key={t.table} className="border-t border-zinc-200 align-top">
              <th scope="row" className="py-1 font-mono text-xs font-normal">
                {t.table}
              </th>
              <td className={`py-1 ${t.added ? "text-emerald-700" : "text-zinc-500"}`}>{t.added}</td>
              <td className={`py-1 ${t.changed ? "text-amber-700" : "text-zinc-500"}`}>{t.changed}</td>
              <td className={`py-1 ${t.removed ? "text-red-700" : "text-zinc-500"}`}>{t.removed}</td>
              <td className="py-1 text-zinc-500">{t.unchanged}</td>
              <td className="py-1 text-xs text-zinc-600">
                <ul>
                  <Refs kind="added" refs={t.samples.added} total={t.added} />
                  <Refs kind="changed" refs={t.samples.changed} total={t.changed} />
                  <Refs kind="removed" refs={t.samples.removed} total={t.removed} />
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {preview.totals.added + preview.totals.changed + preview.totals.removed === 0 && (
        <p className="text-sm text-zinc-600">The metadata already equals this backup.</p>
      )}
    </div>
  );
}
