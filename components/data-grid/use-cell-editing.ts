import { useCallback, useLayoutEffect, useMemo, useRef, useState } from "react";
import type { Column, Row } from "@tanstack/react-table";
import { columnEditor, type CommitMove, type EditState } from "./types";
import { draftOf, parseDraft } from "./values";
import { say } from "@/lib/i18n/messages";

interface EditingOptions<T> {
  onCellCommit?: (row: T, columnId: string, value: unknown) => Promise<string | null>;
  onRowOpen?: (row: T) => void;
  /** Moves the active cell after a successful commit (and puts focus back on the grid). */
  moveAfterCommit: (move: CommitMove) => void;
  /** Makes the given cell active and focuses its editor again, after a commit from blur failed. */
  returnToEditor: (rowId: string, colId: string) => void;
  /** Whether focus is still somewhere inside the grid. */
  focusInGrid: () => boolean;
}

/** The actions an editing cell needs; stable for the life of the grid so memoized rows never re-render for them. */
export interface EditingApi<T> {
  start: (row: Row<T>, column: Column<T, unknown>, draft?: string) => void;
  commit: (row: Row<T>, column: Column<T, unknown>, draft: string, move: CommitMove) => Promise<void>;
  cancel: () => void;
  /** Clears a checkbox's error message once the user moves on. */
  dismiss: () => void;
}

const failure = (error: unknown) =>
  error instanceof Error && error.message ? error.message : say("common.notSaved");

/**
 * Hands focus from the editor to its own cell before the editor is removed: removing the focused element costs
 * the browser a focus fixup in the middle of React's commit (measured: several ms of `removeChild` per edit),
 * while a focus move inside the grid is cheap. Called once the edit is over (`current` cleared), so the blur
 * this fires commits nothing.
 */
function focusEditedCell() {
  const editor = document.activeElement?.closest("[data-editor]");
  editor?.closest<HTMLElement>("[data-c]")?.focus({ preventScroll: true });
}

/**
 * The commit flow: validate, skip unchanged values, show pending, keep the editor (and the user's text) open
 * with the message on failure, leave edit mode on success. Only one cell is edited at a time.
 */
export function useCellEditing<T>(options: EditingOptions<T>) {
  const [editing, setEditing] = useState<EditState | null>(null);
  const current = useRef<EditState | null>(null);
  const sessions = useRef(0);
  const latest = useRef(options);
  useLayoutEffect(() => {
    latest.current = options;
  });

  // The ref is updated synchronously so a blur fired while the editor unmounts sees the edit as finished.
  const update = useCallback((next: EditState | null) => {
    current.current = next;
    setEditing(next);
  }, []);

  const toggle = useCallback(
    async (row: Row<T>, column: Column<T, unknown>) => {
      const { onCellCommit } = latest.current;
      if (!onCellCommit || current.current?.pending) return;
      const session = ++sessions.current;
      update({
        session,
        rowId: row.id,
        colId: column.id,
        initialDraft: "",
        pending: true,
        error: null,
        mode: "toggle",
      });
      let error: string | null;
      try {
        error = await onCellCommit(row.original, column.id, row.getValue(column.id) !== true);
      } catch (thrown) {
        error = failure(thrown);
      }
      if (current.current?.session !== session) return;
      update(error ? { ...current.current, pending: false, error } : null);
    },
    [update],
  );

  const api = useMemo<EditingApi<T>>(() => {
    const finish = (move: CommitMove) => {
      // If the user went on to another cell while the commit was pending, they keep their place.
      const movedOn = latest.current.focusInGrid() && !document.activeElement?.closest("[data-editor]");
      update(null);
      if (!movedOn) focusEditedCell();
      if (!movedOn) latest.current.moveAfterCommit(move);
    };

    const fail = (edit: EditState, error: string, move: CommitMove) => {
      update({ ...edit, pending: false, error });
      if (move !== "none") return;
      // A blur that moved focus to another cell pulls it back to the editor so the typed text stays in reach.
      // Checked after the focus change has landed: during the blur event focus is nowhere yet.
      setTimeout(() => {
        if (current.current?.session === edit.session && latest.current.focusInGrid()) {
          latest.current.returnToEditor(edit.rowId, edit.colId);
        }
      }, 0);
    };

    return {
      start(row, column, draft) {
        const { onCellCommit, onRowOpen } = latest.current;
        const editor = columnEditor(column);
        if (current.current?.pending) return;
        if (!onCellCommit || editor.kind === "readonly") {
          if (draft === undefined) onRowOpen?.(row.original);
          return;
        }
        if (editor.kind === "checkbox") {
          void toggle(row, column);
          return;
        }
        const initialDraft = draft ?? draftOf(row.getValue(column.id), editor);
        const session = ++sessions.current;
        update({ session, rowId: row.id, colId: column.id, initialDraft, pending: false, error: null, mode: "editor" });
      },

      async commit(row, column, draft, move) {
        const edit = current.current;
        const { onCellCommit } = latest.current;
        if (!edit || edit.pending || edit.mode !== "editor" || edit.rowId !== row.id || edit.colId !== column.id)
          return;
        if (!onCellCommit) return;
        const parsed = parseDraft(draft, columnEditor(column), row.getValue(column.id));
        if (!parsed.ok) return fail(edit, parsed.error, move);
        if (!parsed.changed) return finish(move);
        const invalid = column.columnDef.meta?.validate?.(parsed.value);
        if (invalid) return fail(edit, invalid, move);
        // The save's request goes out before the pending state is drawn: the ref guards the edit at once, the busy
        // look follows a task later (after the action's request is sent, which takes a few microtasks), instead
        // of rendering in front of the request.
        const pending = { ...edit, pending: true, error: null };
        current.current = pending;
        setTimeout(() => current.current === pending && setEditing(pending), 0);
        let error: string | null;
        try {
          error = await onCellCommit(row.original, column.id, parsed.value);
        } catch (thrown) {
          error = failure(thrown);
        }
        const now = current.current;
        if (now?.session !== edit.session) return;
        if (error) fail(now, error, move);
        else finish(move);
      },

      cancel() {
        if (!current.current || current.current.pending) return;
        update(null);
        focusEditedCell();
        latest.current.moveAfterCommit("stay");
      },

      dismiss() {
        const edit = current.current;
        if (edit?.mode === "toggle" && !edit.pending) update(null);
      },
    };
  }, [toggle, update]);

  return { editing, api };
}
