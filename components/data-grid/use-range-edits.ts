import { useCallback, useLayoutEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import type { Column, Row } from "@tanstack/react-table";
import type { CellChange, ChangePlan } from "./range";
import { columnEditor } from "./types";

/** The parent's save of many cells at once (one transaction): null, or the message and the cells at fault by index. */
export type CellsCommit<T> = (changes: { row: T; columnId: string; value: unknown }[]) => Promise<CellsCommitResult>;
export type CellsCommitResult = null | { message: string; cells?: Record<number, string> };

/** What made an undo step (its words come from the catalog: grid.op / grid.step). */
export type StepKind = "paste" | "fillDown" | "clear" | "edit";

/** One undo step: every cell a paste, fill or edit changed, with its value before and after. */
interface Step {
  what: StepKind;
  cells: { rowId: string; colId: string; before: unknown; after: unknown }[];
}

export const cellKey = (rowId: string, colId: string) => `${rowId}\u0000${colId}`;
// An empty text cell may come back from the database as "" or NULL: both are "empty".
const empty = (v: unknown) => (v === "" || v === undefined ? null : v);
const same = (a: unknown, b: unknown) => JSON.stringify(empty(a)) === JSON.stringify(empty(b));
const MAX_STEPS = 100;

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
  const t = useTranslations("grid");
  const common = useTranslations("common");
  const tRef = useRef(t);
  const commonRef = useRef(common);
  const undoStack = useRef<Step[]>([]);
  const redoStack = useRef<Step[]>([]);
  const running = useRef(false);
  const latest = useRef(options);
  useLayoutEffect(() => {
    latest.current = options;
    tRef.current = t;
    commonRef.current = common;
  });

  const push = (stack: Step[], step: Step) => {
    stack.push(step);
    if (stack.length > MAX_STEPS) stack.shift();
  };

  /** Saves changes as one batch; returns whether they were saved. */
  const save = useCallback(async (changes: CellChange<T>[], what: string): Promise<boolean> => {
    const t = tRef.current;
    const commit = latest.current.onCellsCommit;
    if (!commit || running.current) return false;
    running.current = true;
    setBusy(true);
    let result: CellsCommitResult;
    try {
      result = await commit(changes.map((c) => ({ row: c.row.original, columnId: c.column.id, value: c.value })));
    } catch {
      result = { message: commonRef.current("serverGoneNothing") };
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
      const column = typeof header === "string" ? header : change?.column.id;
      const text =
        change && first[1] !== result.message
          ? t("refusedFirst", { what, message: result.message, column: column ?? "", reason: first[1] })
          : t("refused", { what, message: result.message });
      setStatus({ text, error: true });
      return false;
    }
    setCellErrors(new Map());
    setStatus({ text: t("saved", { what, count: changes.length }), error: false });
    return true;
  }, []);

  const apply = useCallback(
    async (plan: ChangePlan<T>, kind: Exclude<StepKind, "edit">) => {
      const t = tRef.current;
      const what = t("op", { op: kind, step: "" });
      if (plan.problems.length > 0) {
        setCellErrors(new Map(plan.problems.map((p) => [cellKey(p.rowId, p.colId), p.message])));
        const first = plan.problems[0];
        const column = latest.current.columnById(first.colId)?.columnDef.header;
        setStatus({
          text: t("invalid", { what, count: plan.problems.length, column: typeof column === "string" ? column : first.colId, reason: first.message }),
          error: true,
        });
        return;
      }
      if (plan.changes.length === 0) {
        setStatus({ text: t("nothingToChange", { what }), error: false });
        return;
      }
      const cells = plan.changes.map((c) => ({ rowId: c.row.id, colId: c.column.id, before: c.before, after: c.value }));
      if (await save(plan.changes, what)) {
        push(undoStack.current, { what: kind, cells });
        redoStack.current = [];
      }
    },
    [save],
  );

  /** A single cell saved through the inline editor: one undo step. */
  const record = useCallback((rowId: string, colId: string, before: unknown, after: unknown) => {
    push(undoStack.current, { what: "edit", cells: [{ rowId, colId, before, after }] });
    redoStack.current = [];
  }, []);

  const travel = useCallback(
    async (direction: "undo" | "redo") => {
      const [from, to] = direction === "undo" ? [undoStack.current, redoStack.current] : [redoStack.current, undoStack.current];
      const t = tRef.current;
      const step = from.at(-1);
      if (!step) {
        setStatus({ text: t(direction === "undo" ? "nothingToUndo" : "nothingToRedo"), error: false });
        return;
      }
      const what = t("op", { op: direction, step: t("step", { step: step.what }) });
      const changes: CellChange<T>[] = [];
      for (const cell of step.cells) {
        const row = latest.current.rowById(cell.rowId);
        const column = latest.current.columnById(cell.colId);
        const [expected, value] = direction === "undo" ? [cell.after, cell.before] : [cell.before, cell.after];
        if (!row || !column || !same(row.getValue(cell.colId), expected)) {
          from.pop();
          setStatus({ text: t("changedSince", { what }), error: true });
          return;
        }
        // A text cell's editor commits "" for empty: an old NULL goes back the same way.
        const committed = value == null && columnEditor(column).kind === "text" ? "" : value;
        changes.push({ row, column, before: expected, value: committed });
      }
      if (await save(changes, what)) {
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
