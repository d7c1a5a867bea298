import { useCallback, useLayoutEffect, useRef, useState } from "react";
import type { Column, Row } from "@tanstack/react-table";
import type { CellChange, ChangePlan } from "./range";
import { columnEditor } from "./types";

/** The parent's save of many cells at once (one transaction): null, or the message and the cells at fault by index. */
export type CellsCommit<T> = (changes: { row: T; columnId: string; value: unknown }[]) => Promise<CellsCommitResult>;
export type CellsCommitResult = null | { message: string; cells?: Record<number, string> };

/** One undo step: every cell a paste, fill or edit changed, with its value before and after. */
interface Step {
  what: string;
  cells: { rowId: string; colId: string; before: unknown; after: unknown }[];
}

export const cellKey = (rowId: string, colId: string) => `${rowId}\u0000${colId}`;
// An empty text cell may come back from the database as "" or NULL: both are "empty".
const empty = (v: unknown) => (v === "" || v === undefined ? null : v);
const same = (a: unknown, b: unknown) => JSON.stringify(empty(a)) === JSON.stringify(empty(b));
const MAX_STEPS = 100;
const cellsWord = (n: number) => (n === 1 ? "1 cell" : `${n} cells`);

/**
 * Paste, fill down, clear, and undo / redo of the user's own edits, all through one batch save. A plan with
 * any bad cell saves nothing and marks the cells; undo writes the old values back with the rows' current
 * versions, and is refused when a cell no longer holds what this user put there.
 */
export function useRangeEdits<T>(options: {
  onCellsCommit?: CellsCommit<T>;
  rowById: (id: string) => Row<T> | undefined;
  columnById: (id: string) => Column<T, unknown> | undefined;
}) {
  const [cellErrors, setCellErrors] = useState<ReadonlyMap<string, string>>(new Map());
  const [status, setStatus] = useState<{ text: string; error: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const undoStack = useRef<Step[]>([]);
  const redoStack = useRef<Step[]>([]);
  const running = useRef(false);
  const latest = useRef(options);
  useLayoutEffect(() => {
    latest.current = options;
  });

  const push = (stack: Step[], step: Step) => {
    stack.push(step);
    if (stack.length > MAX_STEPS) stack.shift();
  };

  /** Saves changes as one batch; returns whether they were saved. */
  const save = useCallback(async (changes: CellChange<T>[], what: string): Promise<boolean> => {
    const commit = latest.current.onCellsCommit;
    if (!commit || running.current) return false;
    running.current = true;
    setBusy(true);
    let result: CellsCommitResult;
    try {
      result = await commit(changes.map((c) => ({ row: c.row.original, columnId: c.column.id, value: c.value })));
    } catch {
      result = { message: "The editor's server did not answer; nothing was saved. Try again." };
    } finally {
      running.current = false;
      setBusy(false);
    }
    if (result) {
      const marks = new Map<string, string>();
      for (const [i, message] of Object.entries(result.cells ?? {})) {
        const change = changes[Number(i)];
        if (change) marks.set(cellKey(change.row.id, change.column.id), message);
      }
      setCellErrors(marks);
      // The first refused cell's own reason beside the summary (every refused cell is marked, with its reason as title).
      const first = Object.entries(result.cells ?? {})[0];
      const change = first ? changes[Number(first[0])] : undefined;
      const header = change?.column.columnDef.header;
      const detail = change && first[1] !== result.message ? ` (first: ${typeof header === "string" ? header : change.column.id}, ${first[1]})` : "";
      setStatus({ text: `${what}: ${result.message}${detail}`, error: true });
      return false;
    }
    setCellErrors(new Map());
    setStatus({ text: `${what}: ${cellsWord(changes.length)} saved.`, error: false });
    return true;
  }, []);

  const apply = useCallback(
    async (plan: ChangePlan<T>, what: string) => {
      if (plan.problems.length > 0) {
        setCellErrors(new Map(plan.problems.map((p) => [cellKey(p.rowId, p.colId), p.message])));
        const first = plan.problems[0];
        const column = latest.current.columnById(first.colId)?.columnDef.header;
        setStatus({
          text: `${what}: nothing was saved, ${cellsWord(plan.problems.length)} not valid (first: ${typeof column === "string" ? column : first.colId}, ${first.message})`,
          error: true,
        });
        return;
      }
      if (plan.changes.length === 0) {
        setStatus({ text: `${what}: nothing to change.`, error: false });
        return;
      }
      const cells = plan.changes.map((c) => ({ rowId: c.row.id, colId: c.column.id, before: c.before, after: c.value }));
      if (await save(plan.changes, what)) {
        push(undoStack.current, { what, cells });
        redoStack.current = [];
      }
    },
    [save],
  );

  /** A single cell saved through the inline editor: one undo step. */
  const record = useCallback((rowId: string, colId: string, before: unknown, after: unknown) => {
    push(undoStack.current, { what: "Edit", cells: [{ rowId, colId, before, after }] });
    redoStack.current = [];
  }, []);

  const travel = useCallback(
    async (direction: "undo" | "redo") => {
      const [from, to] = direction === "undo" ? [undoStack.current, redoStack.current] : [redoStack.current, undoStack.current];
      const step = from.at(-1);
      const label = direction === "undo" ? "Undo" : "Redo";
      if (!step) {
        setStatus({ text: `${label}: nothing to ${direction}.`, error: false });
        return;
      }
      const changes: CellChange<T>[] = [];
      for (const cell of step.cells) {
        const row = latest.current.rowById(cell.rowId);
        const column = latest.current.columnById(cell.colId);
        const [expected, value] = direction === "undo" ? [cell.after, cell.before] : [cell.before, cell.after];
        if (!row || !column || !same(row.getValue(cell.colId), expected)) {
          from.pop();
          setStatus({ text: `${label} of ${step.what.toLowerCase()}: a cell changed since (someone else's edit, or a reload), so it was left as it is.`, error: true });
          return;
        }
        // A text cell's editor commits "" for empty: an old NULL goes back the same way.
        const committed = value == null && columnEditor(column).kind === "text" ? "" : value;
        changes.push({ row, column, before: expected, value: committed });
      }
      if (await save(changes, `${label} ${step.what.toLowerCase()}`)) {
        from.pop();
        to.push(step);
      }
    },
    [save],
  );

  const undo = useCallback(() => travel("undo"), [travel]);
  const redo = useCallback(() => travel("redo"), [travel]);
  const clearMarks = useCallback(() => setCellErrors((m) => (m.size ? new Map() : m)), []);

  return { cellErrors, status, busy, apply, record, undo, redo, clearMarks, enabled: Boolean(options.onCellsCommit) };
}
