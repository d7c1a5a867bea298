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
  /** The cell element `move` goes to, when it is in the page; null for "none". */
  cellAfterCommit: (move: CommitMove) => HTMLElement | null;
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
  /** Whether the edit's save is in flight (before its busy look is drawn too): the editor then takes no input. */
  saving: () => boolean;
}

/**
 * How long a save runs before the cell takes its busy look (greyed, aria-busy, the editor read-only; the spinner
 * follows at 300 ms). A quick save goes straight from the editor to the saved value: drawing the busy state for a
 * save that is over before anyone could read it cost a render and a frame (style, paint, the compositor's commit)
 * while the browser waited on the server, on the same cores.
 */
export const BUSY_LOOK_MS = 100;

const failure = (error: unknown) =>
  error instanceof Error && error.message ? error.message : say("common.notSaved");

/**
 * Hands focus from the editor to a cell before the editor is removed: removing the focused element costs the
 * browser a focus fixup in the middle of React's commit (measured: several ms of `removeChild` per edit), while a
 * focus move inside the grid is cheap. Focus goes straight to the cell the commit moves to when it is in the page
 * (the grid's own focus move after the render then finds it focused already: one focus change an edit, not two),
 * else to the edited cell before the move. Called once the edit is over (`current` cleared), so the blur this
 * fires commits nothing.
 */
function leaveEditor<T>(options: EditingOptions<T>, move: CommitMove) {
  const editor = document.activeElement?.closest("[data-editor]");
  const to = editor ? options.cellAfterCommit(move) : null;
  if (editor && !to) editor.closest<HTMLElement>("[data-c]")?.focus({ preventScroll: true });
  options.moveAfterCommit(move);
  // After the move, so the grid's focus handler finds this cell active already.
  to?.focus({ preventScroll: true });
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
      if (!movedOn) leaveEditor(latest.current, move);
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
        // The ref guards the edit at once (no second commit, no cancel, no input: `saving`); the busy look is
        // drawn only if the save is still running after BUSY_LOOK_MS.
        const pending = { ...edit, pending: true, error: null };
        current.current = pending;
        setTimeout(() => current.current === pending && setEditing(pending), BUSY_LOOK_MS);
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
        leaveEditor(latest.current, "stay");
      },

      dismiss() {
        const edit = current.current;
        if (edit?.mode === "toggle" && !edit.pending) update(null);
      },

      saving: () => current.current?.pending === true,
    };
  }, [toggle, update]);

  return { editing, api };
}
