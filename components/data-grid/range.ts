import type { Column, Row } from "@tanstack/react-table";
import type { CellPos } from "./grid-keyboard";
import { columnEditor, type CellEditor } from "./types";
import { parseDraft } from "./values";
import { say } from "@/lib/i18n/messages";

/** A rectangle of rendered rows × visible data columns, inclusive. */
export interface CellRange {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

export const rangeOf = (a: CellPos, b: CellPos): CellRange => ({
  top: Math.min(a.row, b.row),
  bottom: Math.max(a.row, b.row),
  left: Math.min(a.col, b.col),
  right: Math.max(a.col, b.col),
});

export const rangeSize = (r: CellRange) => (r.bottom - r.top + 1) * (r.right - r.left + 1);

/** One planned cell change; `before` is what the cell holds now (an undo writes it back). */
export interface CellChange<T> {
  row: Row<T>;
  column: Column<T, unknown>;
  before: unknown;
  value: unknown;
}

export interface CellProblem {
  rowId: string;
  colId: string;
  message: string;
}

export interface ChangePlan<T> {
  changes: CellChange<T>[];
  problems: CellProblem[];
}

const TRUE_TEXT = new Set(["true", "1", "yes", "y", "✓", "x", "on"]);
const FALSE_TEXT = new Set(["false", "0", "no", "n", "–", "-", "", "off"]);

/** A cell's value as text for the clipboard: what a spreadsheet would show (TRUE/FALSE, compact JSON). */
export function copyText(value: unknown, editor: CellEditor): string {
  if (value === null || value === undefined) return "";
  if (editor.kind === "checkbox") return value === true ? "TRUE" : "FALSE";
  if (typeof value === "object" && !(value instanceof Date)) return JSON.stringify(value) ?? "";
  return String(value);
}

/** Pasted text into a cell's value, as its editor would commit it; an error message when it cannot be one. */
export function pasteValue(text: string, editor: CellEditor, current: unknown): { ok: true; value: unknown; changed: boolean } | { ok: false; error: string } {
  switch (editor.kind) {
    case "readonly":
      return { ok: false, error: say("grid.readOnly") };
    case "checkbox": {
      const t = text.trim().toLowerCase();
      const value = TRUE_TEXT.has(t) ? true : FALSE_TEXT.has(t) ? false : null;
      if (value === null) return { ok: false, error: say("grid.trueOrFalse") };
      return { ok: true, value, changed: value !== (current === true) };
    }
    case "select": {
      if (text === "" ? !editor.allowEmpty : !editor.options.some((o) => o.value === text)) {
        return { ok: false, error: say("grid.chooseOneOf", { options: editor.options.map((o) => o.value).join(", ") }) };
      }
      break;
    }
  }
  const parsed = parseDraft(text, editor, current);
  return parsed.ok ? parsed : { ok: false, error: parsed.error };
}

/** Adds a change after the column's own check (the field's schema), or the problem it has. */
function push<T>(plan: ChangePlan<T>, row: Row<T>, column: Column<T, unknown>, value: unknown) {
  const message = column.columnDef.meta?.validate?.(value);
  if (message) plan.problems.push({ rowId: row.id, colId: column.id, message });
  else plan.changes.push({ row, column, before: row.getValue(column.id), value });
}

/**
 * Where a pasted block goes: from the range's top-left corner, clipped to the grid; one copied cell fills
 * the whole range, as in a spreadsheet. A pasted value equal to the cell's is no change (read-only cells
 * included, so a copied table pastes back over its own read-only columns).
 */
export function planPaste<T>(block: string[][], range: CellRange, rows: Row<T>[], columns: Column<T, unknown>[]): ChangePlan<T> {
  const plan: ChangePlan<T> = { changes: [], problems: [] };
  const single = block.length === 1 && block[0].length === 1;
  const height = single ? range.bottom - range.top + 1 : block.length;
  for (let dr = 0; dr < height; dr++) {
    const row = rows[range.top + dr];
    if (!row) break;
    const cells = single ? Array(range.right - range.left + 1).fill(block[0][0]) : block[dr];
    cells.forEach((text: string, dc: number) => {
      const column = columns[range.left + dc];
      if (!column) return;
      const parsed = pasteValue(text, columnEditor(column), row.getValue(column.id));
      if (!parsed.ok) {
        const unchanged = copyText(row.getValue(column.id), columnEditor(column)) === text;
        if (!unchanged) plan.problems.push({ rowId: row.id, colId: column.id, message: parsed.error });
      } else if (parsed.changed) push(plan, row, column, parsed.value);
    });
  }
  return plan;
}

/** Ctrl+D: the range's top row copied down through it; a one-row range takes the row above. */
export function planFillDown<T>(range: CellRange, rows: Row<T>[], columns: Column<T, unknown>[]): ChangePlan<T> {
  const plan: ChangePlan<T> = { changes: [], problems: [] };
  const sourceRow = rows[range.top === range.bottom ? range.top - 1 : range.top];
  if (!sourceRow) return plan;
  const first = range.top === range.bottom ? range.top : range.top + 1;
  for (let r = first; r <= range.bottom; r++) {
    const row = rows[r];
    for (let c = range.left; c <= range.right; c++) {
      const column = columns[c];
      if (!row || !column || columnEditor(column).kind === "readonly") continue;
      const value = sourceRow.getValue(column.id);
      if (JSON.stringify(value ?? null) !== JSON.stringify(row.getValue(column.id) ?? null)) push(plan, row, column, value);
    }
  }
  return plan;
}

/** Delete / Backspace on a range: every editable cell emptied (checkboxes and required choices are kept). */
export function planClear<T>(range: CellRange, rows: Row<T>[], columns: Column<T, unknown>[]): ChangePlan<T> {
  const plan: ChangePlan<T> = { changes: [], problems: [] };
  for (let r = range.top; r <= range.bottom; r++) {
    for (let c = range.left; c <= range.right; c++) {
      const row = rows[r];
      const column = columns[c];
      if (!row || !column) continue;
      const editor = columnEditor(column);
      if (editor.kind === "readonly" || editor.kind === "checkbox" || (editor.kind === "select" && !editor.allowEmpty)) continue;
      const parsed = parseDraft("", editor, row.getValue(column.id));
      if (parsed.ok && parsed.changed) push(plan, row, column, parsed.value);
    }
  }
  return plan;
}

/** The range as rows of clipboard text. */
export function copyRange<T>(range: CellRange, rows: Row<T>[], columns: Column<T, unknown>[]): string[][] {
  const out: string[][] = [];
  for (let r = range.top; r <= range.bottom; r++) {
    const row = rows[r];
    if (!row) continue;
    const cells: string[] = [];
    for (let c = range.left; c <= range.right; c++) {
      const column = columns[c];
      if (column) cells.push(copyText(row.getValue(column.id), columnEditor(column)));
    }
    out.push(cells);
  }
  return out;
}
