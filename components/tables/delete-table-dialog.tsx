"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { deleteTableAction, tableImpactAction } from "@/app/(editor)/tables/actions";
import { deletedToast } from "@/components/history/undo-toast";
import { ConfirmDialog, deleteFailure } from "@/components/ui/confirm-dialog";

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Says what goes with the table (its columns and relations) before anything is deleted; Undo afterwards. */
export function DeleteTableDialog({
  table,
  onClose,
  onDeleted,
}: {
  table: { id: number; rowVersion: string; table_name: string } | null;
  onClose: () => void;
  onDeleted: (id: number) => void;
}) {
  const router = useRouter();
  const [impact, setImpact] = useState<{ columns: number; relations: number } | null>(null);
  const [countError, setCountError] = useState<string | null>(null);

  useEffect(() => {
    setImpact(null);
    setCountError(null);
    if (!table) return;
    let live = true;
    tableImpactAction(table.id).then((r) => {
      if (!live) return;
      if (r.ok) setImpact(r.data);
      else setCountError(r.formError ?? "Could not count what goes with it.");
    });
    return () => {
      live = false;
    };
  }, [table]);

  const confirm = async () => {
    if (!table) return null;
    const result = await deleteTableAction({ id: table.id, rowVersion: table.rowVersion });
    if (!result.ok) return deleteFailure(result, "table");
    const what = impact ? ` with ${plural(impact.columns, "column", "columns")} and ${plural(impact.relations, "relation", "relations")}` : "";
    deletedToast(`Table ${table.table_name} deleted${what}.`, { table: "mappings_table", id: table.id }, () => router.refresh());
    onDeleted(table.id);
    return null;
  };

  return (
    <ConfirmDialog
      open={table !== null}
      onClose={onClose}
      title={`Delete table ${table?.table_name ?? ""}?`}
      ready={impact !== null}
      onConfirm={confirm}
    >
      {impact ? (
        <p>
          This deletes the metadata of <strong>{table?.table_name}</strong> with its{" "}
          <strong>{plural(impact.columns, "column", "columns")}</strong> and{" "}
          <strong>{plural(impact.relations, "relation", "relations")}</strong>. The database table itself is not
          touched. You can undo it right after.
        </p>
      ) : countError ? (
        <p role="alert" className="text-red-700">
          {countError}
        </p>
      ) : (
        <p className="text-zinc-500">Counting its columns and relations…</p>
      )}
    </ConfirmDialog>
  );
}
