"use client";

import { useEffect, useState, useTransition } from "react";
import { deleteRelationAction, relationReverseAction } from "@/app/(editor)/relations/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/field";
import { Dialog } from "@/components/ui/dialog";
import type { RelationRow } from "@/lib/metadata/relations";

const describe = (r: RelationRow) =>
  `${r.from_table}.${r.from_column} → ${r.to_table}.${r.to_column} (${r.relation_type}${r.graphql_field ? ` ${r.graphql_field}` : ""})`;

/** Confirms a relation's deletion and offers to delete its reverse (the other side) with it. */
export function DeleteRelationDialog({
  relation,
  onClose,
  onDeleted,
}: {
  relation: RelationRow | null;
  onClose: () => void;
  onDeleted: (ids: number[]) => void;
}) {
  const [reverse, setReverse] = useState<RelationRow | null | undefined>(undefined);
  const [withReverse, setWithReverse] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();

  useEffect(() => {
    setReverse(undefined);
    setError(null);
    setWithReverse(true);
    if (!relation) return;
    let live = true;
    relationReverseAction(relation.id).then((r) => {
      if (!live) return;
      if (r.ok) setReverse(r.data);
      else setError(r.formError ?? "Could not look for its reverse.");
    });
    return () => {
      live = false;
    };
  }, [relation]);

  const confirm = () =>
    start(async () => {
      if (!relation) return;
      const result = await deleteRelationAction({
        id: relation.id,
        rowVersion: relation.rowVersion,
        with_reverse: withReverse && !!reverse,
      });
      if (result.ok) {
        onDeleted(result.data.deleted);
        onClose();
        return;
      }
      setError(
        "conflict" in result
          ? result.conflict
            ? "Someone changed this relation meanwhile; it was not deleted. Reload and check."
            : "It was already deleted by someone else."
          : (result.formError ?? "Not deleted."),
      );
    });

  return (
    <Dialog open={relation !== null} onClose={onClose} title="Delete relation?">
      <div className="space-y-4 text-sm">
        {relation && <p className="font-mono">{describe(relation)}</p>}
        {reverse === undefined && !error && <p className="text-zinc-500">Looking for its reverse…</p>}
        {reverse && (
          <Checkbox
            label="Also delete its reverse relation"
            hint={describe(reverse)}
            checked={withReverse}
            onChange={(event) => setWithReverse(event.target.checked)}
          />
        )}
        {reverse === null && <p className="text-zinc-600">It has no reverse relation.</p>}
        {error && <Alert tone="error">{error}</Alert>}
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button variant="danger" onClick={confirm} pending={pending} disabled={reverse === undefined && !error}>
            Delete
          </Button>
        </div>
      </div>
    </Dialog>
  );
}
