"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { deleteRelationAction, relationReverseAction } from "@/app/(editor)/relations/actions";
import { deletedToast } from "@/components/history/undo-toast";
import { ConfirmDialog, deleteFailure } from "@/components/ui/confirm-dialog";
import { Checkbox } from "@/components/ui/field";
import type { RelationRow } from "@/lib/metadata/relations";

const describe = (r: RelationRow) =>
  `${r.from_table}.${r.from_column} → ${r.to_table}.${r.to_column} (${r.relation_type}${r.graphql_field ? ` ${r.graphql_field}` : ""})`;

/** Confirms a relation's deletion and offers to delete its reverse (the other side) with it; Undo afterwards. */
export function DeleteRelationDialog({
  relation,
  onClose,
  onDeleted,
  onUndone,
}: {
  relation: RelationRow | null;
  onClose: () => void;
  onDeleted: (ids: number[]) => void;
  /** After Undo brought them back (default: the page's server render again). */
  onUndone?: () => void;
}) {
  const router = useRouter();
  const [reverse, setReverse] = useState<RelationRow | null | undefined>(undefined);
  const t = useTranslations("relations");
  const [withReverse, setWithReverse] = useState(true);
  const [lookupError, setLookupError] = useState<string | null>(null);

  useEffect(() => {
    setReverse(undefined);
    setLookupError(null);
    setWithReverse(true);
    if (!relation) return;
    let live = true;
    relationReverseAction(relation.id).then((r) => {
      if (!live) return;
      if (r.ok) setReverse(r.data);
      else setLookupError(r.formError ?? t("lookupFailed"));
    });
    return () => {
      live = false;
    };
  }, [relation]);

  const confirm = async () => {
    if (!relation) return null;
    const result = await deleteRelationAction({
      id: relation.id,
      rowVersion: relation.rowVersion,
      with_reverse: withReverse && !!reverse,
    });
    if (!result.ok) return deleteFailure(result, "relation");
    const n = result.data.deleted.length;
    // Both sides go in one transaction, so one Undo brings both back.
    deletedToast(n > 1 ? t("deletedBoth") : t("deletedOne"), { table: "mappings_relation", id: relation.id }, () =>
      onUndone ? onUndone() : router.refresh(),
    );
    onDeleted(result.data.deleted);
    return null;
  };

  return (
    <ConfirmDialog
      open={relation !== null}
      onClose={onClose}
      title={t("deleteTitle")}
      ready={reverse !== undefined || lookupError !== null}
      onConfirm={confirm}
    >
      {relation && <p className="font-mono">{describe(relation)}</p>}
      {reverse === undefined && !lookupError && <p className="text-zinc-500">{t("lookingReverse")}</p>}
      {reverse && (
        <Checkbox
          label={t("alsoReverse")}
          hint={describe(reverse)}
          checked={withReverse}
          onChange={(event) => setWithReverse(event.target.checked)}
        />
      )}
      {reverse === null && <p className="text-zinc-600">{t("noReverse")}</p>}
      {lookupError && (
        <p role="alert" className="text-red-700">
          {lookupError}
        </p>
      )}
    </ConfirmDialog>
  );
}
