import type { KeyboardEvent } from "react";
import { isPrintableKey } from "./values";

/** A cell position in the rendered (sorted, filtered) rows; row -1 is the header row. */
export interface CellPos {
  row: number;
  col: number;
}

export interface GridShape {
  rowCount: number;
  /** Navigable columns in body rows (data columns plus the actions column, if any). */
  colCount: number;
  /** Navigable columns in the header row (data columns only). */
  headerColCount: number;
  /** Rows that fit in the viewport, for PageUp/PageDown. */
  pageRows: number;
}

const clamp = (n: number, min: number, max: number) => Math.max(min, Math.min(max, n));

/** The WAI-ARIA grid movement keys; null for any other key. */
export function nextCellPosition(key: string, ctrl: boolean, pos: CellPos, shape: GridShape): CellPos | null {
  const lastRow = shape.rowCount - 1;
  const firstRow = shape.rowCount > 0 ? 0 : -1;
  const lastCol = (row: number) => (row < 0 ? shape.headerColCount : shape.colCount) - 1;
  const at = (row: number, col: number): CellPos => ({ row, col: clamp(col, 0, lastCol(row)) });
  switch (key) {
    case "ArrowUp":
      return at(Math.max(-1, pos.row - 1), pos.col);
    case "ArrowDown":
      return at(Math.min(lastRow, pos.row + 1), pos.col);
    case "ArrowLeft":
      return at(pos.row, pos.col - 1);
    case "ArrowRight":
      return at(pos.row, pos.col + 1);
    case "Home":
      return ctrl ? at(firstRow, 0) : at(pos.row, 0);
    case "End":
      return ctrl ? at(lastRow, lastCol(lastRow)) : at(pos.row, lastCol(pos.row));
    case "PageUp":
      return pos.row < 0 ? null : at(Math.max(firstRow, pos.row - shape.pageRows), pos.col);
    case "PageDown":
      return at(Math.min(lastRow, Math.max(pos.row, 0) + shape.pageRows), pos.col);
    default:
      return null;
  }
}

/** What a key on a focused body cell (not in an editor) asks the grid to do. */
export type CellCommand =
  | { type: "move"; to: CellPos }
  | { type: "edit"; draft?: string }
  | { type: "activate" } // Enter / F2: edit, toggle a checkbox, or open a read-only row
  | { type: "toggle" }
  | { type: "enter-actions" }
  | { type: "dismiss" };

export function cellCommand(
  event: Pick<KeyboardEvent, "key" | "ctrlKey" | "metaKey" | "altKey" | "shiftKey">,
  pos: CellPos,
  shape: GridShape,
  cell: { kind: string; isActions: boolean },
): CellCommand | null {
  const to = nextCellPosition(event.key, event.ctrlKey || event.metaKey, pos, shape);
  if (to) return { type: "move", to };
  if (pos.row < 0) return null; // header buttons handle Enter and Space themselves
  if (cell.isActions) return event.key === "Enter" || event.key === "F2" ? { type: "enter-actions" } : null;
  if (event.key === "Enter" || event.key === "F2") return { type: "activate" };
  if (event.key === "Escape") return { type: "dismiss" };
  if (cell.kind === "checkbox") return event.key === " " ? { type: "toggle" } : null;
  if (cell.kind !== "text" && cell.kind !== "number") return null;
  if (event.key === "Backspace" || event.key === "Delete") return { type: "edit", draft: "" };
  if (isPrintableKey(event)) return { type: "edit", draft: event.key };
  return null;
}

/** Arrow keys between the buttons of a row's actions cell; Escape returns to the cell. */
export function handleActionsKey(event: KeyboardEvent<HTMLElement>, cell: HTMLElement): boolean {
  const target = event.target as HTMLElement;
  if (event.key === "Escape") {
    cell.focus();
    return true;
  }
  if (event.key !== "ArrowLeft" && event.key !== "ArrowRight") return false;
  const items = focusablesIn(cell);
  const next = items[items.indexOf(target) + (event.key === "ArrowRight" ? 1 : -1)];
  next?.focus();
  return true;
}

export function focusablesIn(root: HTMLElement): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>("button, a[href], input, select, textarea, [tabindex]")).filter(
    (el) => el !== root && !(el as HTMLButtonElement).disabled,
  );
}
