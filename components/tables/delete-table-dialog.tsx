"use client";

import { useEffect, useState, useTransition } from "react";
import { deleteTableAction, tableImpactAction } from "@/app/(editor)/tables/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";

/** Says what goes with the table (its columns and relations) before anything is deleted. */
export function DeleteTableDialog({
  table,
  onClose,
  onDeleted,
}: {
  table: { id: number; rowVersion: string; table_name: string } | null;
  onClose: () => void;
  onDeleted: (id: number) => void;
}) {
  const [impact, setImpact] = useState<{ columns: number; relations: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();

  useEffect(() => {
    setImpact(null);
    setError(null);
    if (!table) return;
    let live = true;
    tableImpactAction(table.id).then((r) => {
      if (!live) return;
      if (r.ok) setImpact(r.data);
      else setError(r.formError ?? "Could not count what goes with it.");
    });
    return () => {
      live = false;
    };
  }, [table]);

  const confirm = () =>
    start(async () => {
      if (!table) return;
      const result = await deleteTableAction({ id: table.id, rowVersion: table.rowVersion });
      if (result.ok) {
        onDeleted(table.id);
        return;
      }
      setError(
        "conflict" in result
          ? result.conflict
            ? "Someone changed this table meanwhile; reload the page and check before deleting."
            : "It was already deleted by someone else."
          : (result.formError ?? "Not deleted."),
      );
    });

  return (
    <Dialog open={table !== null} onClose={onClose} title={`Delete table ${table?.table_name ?? ""}?`}>
      <div className="space-y-4 text-sm">
        {impact ? (
          <p>
            This deletes the metadata of <strong>{table?.table_name}</strong> with its{" "}
            <strong>
              {impact.columns} {impact.columns === 1 ? "column" : "columns"}
            </strong>{" "}
            and{" "}
            <strong>
              {impact.relations} {impact.relations === 1 ? "relation" : "relations"}
            </strong>
            . The database table itself is not touched.
          </p>
        ) : (
          !error && <p className="text-zinc-500">Counting its columns and relations…</p>
        )}
        {error && <Alert tone="error">{error}</Alert>}
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button variant="danger" onClick={confirm} pending={pending} disabled={!impact}>
            Delete
          </Button>
        </div>
      </div>
    </Dialog>
  );
}
