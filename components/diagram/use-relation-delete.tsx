"use client";

import { useState } from "react";
import { toast } from "sonner";
import { relationAction } from "@/app/(editor)/relations/actions";
import { DeleteRelationDialog } from "@/components/relations/delete-relation-dialog";
import type { RelationRow } from "@/lib/metadata/relations";
import { say } from "@/lib/i18n/messages";

/**
 * Deleting a relation from its line on the diagram: the Relations page's dialog (its reverse offered too, Undo
 * in the toast), started from the line's id. `changed` fetches the model again (after the delete or an Undo).
 */
export function useRelationDelete(changed: () => void) {
  const [deleting, setDeleting] = useState<RelationRow | null>(null);
  const [loading, setLoading] = useState(false);

  const ask = async (relationId: number) => {
    if (loading) return;
    setLoading(true);
    const result = await relationAction(relationId).finally(() => setLoading(false));
    if (!result.ok) return void toast.error(result.formError ?? say("diagram.relationFailed"));
    if (!result.data) {
      toast.error(say("diagram.relationGone"));
      return changed();
    }
    setDeleting(result.data);
  };

  const dialog = (
    <DeleteRelationDialog relation={deleting} onClose={() => setDeleting(null)} onDeleted={() => changed()} onUndone={changed} />
  );
  return { ask, dialog, loading };
}
