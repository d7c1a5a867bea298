"use client";

import { toast } from "sonner";
import { say } from "@/lib/i18n/messages";
import { restoreAction, undoDeletionAction } from "@/app/(editor)/history/actions";

type DeletedTable = "mappings_table" | "mappings_column" | "mappings_relation" | "mappings_api_endpoint";

const UNDO_MS = 10_000;

/**
 * The toast after a delete: says what went and offers Undo for a while. Undo brings the row back with
 * everything deleted with it, from the history (undoDeletionAction); `onUndone` refreshes what shows it.
 */
export function deletedToast(message: string, deleted: { table: DeletedTable; id: number }, onUndone: () => void) {
  toast.success(message, {
    duration: UNDO_MS,
    action: {
      label: say("undo.undo"),
      onClick: async () => {
        const result = await undoDeletionAction(deleted);
        if (result.ok) {
          toast.success(say("undo.broughtBack", { count: result.data.restored }));
          onUndone();
        } else toast.error(result.formError ?? say("undo.undoDeleteFailed"));
      },
    },
  });
}

/** The toast after a history restore that updated a row: Undo puts back the version it replaced. */
export function restoredToast(message: string, undoEntryId: number | null, onUndone: () => void) {
  if (undoEntryId === null) {
    toast.success(message);
    return;
  }
  toast.success(message, {
    duration: UNDO_MS,
    action: {
      label: say("undo.undo"),
      onClick: async () => {
        const result = await restoreAction({ entryId: undoEntryId, which: "before" });
        if (result.ok) {
          toast.success(say("undo.restoreUndone"));
          onUndone();
        } else toast.error(result.formError ?? say("undo.undoRestoreFailed"));
      },
    },
  });
}
