"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { restoreAction } from "@/app/(editor)/history/actions";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { cn } from "@/components/ui/cn";
import type { HistoryView } from "@/lib/metadata/diff";
import { restoredToast } from "./undo-toast";

const OP_TONE: Record<string, string> = {
  INSERT: "bg-emerald-100 text-emerald-800",
  UPDATE: "bg-blue-100 text-blue-800",
  DELETE: "bg-red-100 text-red-800",
};

function Entry({ entry, onRestored }: { entry: HistoryView; onRestored: () => void }) {
  const [open, setOpen] = useState(false);
  const [asking, setAsking] = useState<"before" | "after" | null>(null);
  const { changes, name } = entry;
  const t = useTranslations("history");

  const restore = async () => {
    if (!asking) return null;
    const result = await restoreAction({ entryId: entry.id, which: asking });
    if (!result.ok) return result.formError ?? t("notRestored");
    restoredToast(t("restoredToast", { name: name || t("row"), action: result.data.action }), result.data.undoEntryId, onRestored);
    onRestored();
    return null;
  };

  return (
    <li
      className="rounded-lg border border-zinc-200 bg-white"
      aria-label={`${entry.operation} ${entry.table_name} ${name}`}
    >
      <button
        type="button"
        className="flex w-full flex-wrap items-center gap-3 px-4 py-2 text-left text-sm"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
      >
        <span className={cn("rounded px-1.5 py-0.5 text-xs font-semibold", OP_TONE[entry.operation] ?? "bg-zinc-100")}>
          {entry.operation}
        </span>
        <span className="font-mono text-xs text-zinc-500">{entry.table_name}</span>
        <span className="font-medium">{name || `#${entry.record_id}`}</span>
        <span className="text-xs text-zinc-500">
          {t("fields", { count: changes.length })}
          {entry.operation === "UPDATE" &&
            changes.length > 0 &&
            `: ${changes
              .slice(0, 3)
              .map((c) => c.field)
              .join(", ")}${changes.length > 3 ? "…" : ""}`}
        </span>
        <span className="ml-auto text-xs text-zinc-500">
          {entry.changed_at.slice(0, 19)} ·{" "}
          {entry.changed_by_role ?? (entry.changed_by !== null ? `#${entry.changed_by}` : t("unknown"))}
        </span>
      </button>
      {open && (
        <div className="border-t border-zinc-100 px-4 py-3">
          <table className="w-full table-fixed text-left text-xs" aria-label={t("changes")}>
            <thead className="text-zinc-500">
              <tr>
                <th className="w-48 py-1">{t("field")}</th>
                <th className="py-1">{t("before")}</th>
                <th className="py-1">{t("after")}</th>
              </tr>
            </thead>
            <tbody>
              {changes.map((c) => (
                <tr key={c.field} className="border-t border-zinc-100 align-top">
                  <th scope="row" className="py-1 font-mono font-normal">
                    {c.field}
                  </th>
                  <td className="break-words py-1 font-mono text-red-800">{c.before}</td>
                  <td className="break-words py-1 font-mono text-emerald-800">{c.after}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="mt-3 flex gap-2">
            {entry.hasOld && (
              <Button variant="secondary" onClick={() => setAsking("before")}>
                {entry.operation === "DELETE" ? t("restoreDeleted") : t("restorePrevious")}
              </Button>
            )}
            {entry.hasNew && entry.operation === "UPDATE" && (
              <Button variant="ghost" onClick={() => setAsking("after")}>
                {t("restoreThis")}
              </Button>
            )}
          </div>
        </div>
      )}
      <ConfirmDialog
        open={asking !== null}
        onClose={() => setAsking(null)}
        title={t("restoreTitle", { table: entry.table_name, id: String(entry.record_id ?? "") })}
        confirmLabel={t("restore")}
        tone="primary"
        onConfirm={restore}
      >
        <p>
          {t.rich("restoreBody", { name: name || `#${entry.record_id}`, which: asking ?? "before", strong: (chunks) => <strong>{chunks}</strong> })}
        </p>
      </ConfirmDialog>
    </li>
  );
}

export function HistoryList({ entries, onRestored }: { entries: HistoryView[]; onRestored?: () => void }) {
  const router = useRouter();
  const t = useTranslations("history");
  if (entries.length === 0)
    return <p className="py-8 text-center text-sm text-zinc-600">{t("empty")}</p>;
  return (
    <ol className="space-y-2" aria-label={t("entries")}>
      {entries.map((e) => (
        <Entry key={e.id} entry={e} onRestored={onRestored ?? (() => router.refresh())} />
      ))}
    </ol>
  );
}
