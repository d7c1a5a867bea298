import type { FocusEvent, KeyboardEvent, MouseEvent, RefObject } from "react";
import type { Column, Row } from "@tanstack/react-table";
import { cellCommand, focusablesIn, handleActionsKey, nextCellPosition, type CellPos } from "./grid-keyboard";
import { ROW_HEIGHT, columnEditor } from "./types";
import type { useActiveCell } from "./use-active-cell";
import type { EditingApi } from "./use-cell-editing";

interface GridEventsOptions<T> {
  gridRef: RefObject<HTMLElement | null>;
  scrollRef: RefObject<HTMLElement | null>;
  rows: Row<T>[];
  visibleColumns: Column<T, unknown>[];
  colIds: string[];
  headerHeight: number;
  readOnly: boolean;
  active: ReturnType<typeof useActiveCell<T>>;
  api: EditingApi<T>;
  openRow: ((row: T) => void) | undefined;
  /** Spreadsheet keys on a range (fill down, clear, undo, redo, copy); absent when the grid cannot save many cells. */
  rangeKey?: (key: RangeKey) => void;
  /** Alt+↑/↓: the parent moves the row (the active cell follows it by id). */
  moveRow?: (row: T, delta: -1 | 1) => void;
}

export type RangeKey = "copy" | "fill-down" | "clear" | "undo" | "redo";

/** The range command a key asks for on a body cell, or null. Ctrl on Windows/Linux, Cmd on macOS. */
export function rangeKeyOf(event: Pick<KeyboardEvent, "key" | "ctrlKey" | "metaKey" | "altKey" | "shiftKey">): RangeKey | null {
  const mod = event.ctrlKey || event.metaKey;
  if (!mod || event.altKey) return null;
  switch (event.key.toLowerCase()) {
    case "c":
      return event.shiftKey ? null : "copy";
    case "d":
      return event.shiftKey ? null : "fill-down";
    case "z":
      return event.shiftKey ? "redo" : "undo";
    case "y":
      return event.shiftKey ? null : "redo";
    default:
      return null;
  }
}

/** The navigable element (body cell or header cell) an event belongs to, with its position. */
function cellOf(target: EventTarget, grid: HTMLElement | null): { cell: HTMLElement; pos: CellPos } | null {
  const cell = (target as HTMLElement).closest?.<HTMLElement>("[data-c]");
  if (!cell || !grid?.contains(cell)) return null;
  // Cells carry their column; their row element carries the row.
  return { cell, pos: { row: Number(cell.parentElement?.dataset.r), col: Number(cell.dataset.c) } };
}

/**
 * One delegated handler per event type on the grid element, instead of handlers on every cell: the rows stay
 * cheap to render and the handlers can always see the current rows and columns.
 */
export function useGridEvents<T>(o: GridEventsOptions<T>) {
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    const hit = cellOf(event.target, o.gridRef.current);
    if (!hit) return;
    const { cell, pos } = hit;
    const target = event.target as HTMLElement;
    if (cell.dataset.actions !== undefined && target !== cell) {
      if (handleActionsKey(event, cell)) event.preventDefault();
      else if (event.key === "ArrowUp" || event.key === "ArrowDown") moveFrom(event, pos);
      return;
    }
    // Editors handle their own keys; in the header the focus sits on the sort button inside the cell.
    const onCell = target === cell || (pos.row < 0 && target.parentElement === cell);
    if (!onCell) return;
    o.api.dismiss();
    const column = pos.row >= 0 ? o.visibleColumns[pos.col] : undefined;
    if (pos.row >= 0 && column && o.rangeKey) {
      const rangeKey = rangeKeyOf(event);
      const multi = o.active.range && (o.active.range.top !== o.active.range.bottom || o.active.range.left !== o.active.range.right);
      const clear = multi && !o.readOnly && (event.key === "Delete" || event.key === "Backspace") ? "clear" : null;
      if (rangeKey || clear) {
        event.preventDefault();
        o.rangeKey((rangeKey ?? clear)!);
        return;
      }
    }
    if (pos.row >= 0 && o.moveRow && event.altKey && (event.key === "ArrowUp" || event.key === "ArrowDown")) {
      event.preventDefault();
      const row = o.rows[pos.row];
      if (row) o.moveRow(row.original, event.key === "ArrowUp" ? -1 : 1);
      return;
    }
    const kind = column && !o.readOnly ? columnEditor(column).kind : "readonly";
    const command = cellCommand(event, pos, shape(), { kind, isActions: pos.row >= 0 && !column });
    if (!command) {
      if (event.key === " " && pos.row >= 0) event.preventDefault(); // no page scroll from a cell
      return;
    }
    event.preventDefault();
    const row = o.rows[pos.row];
    switch (command.type) {
      case "move":
        // Shift extends the range (body cells only); a plain move leaves one cell selected.
        o.active.moveTo(command.to, { target: "cell", scroll: true }, event.shiftKey && pos.row >= 0 && command.to.row >= 0);
        break;
      case "edit":
        if (row && column) o.api.start(row, column, command.draft);
        break;
      case "activate":
      case "toggle":
        if (row && column) o.api.start(row, column);
        break;
      case "enter-actions":
        focusablesIn(cell)[0]?.focus();
        break;
      case "dismiss":
        o.active.moveTo(pos, null);
        break;
    }
  };

  const shape = () => ({
    rowCount: o.rows.length,
    colCount: o.colIds.length,
    headerColCount: o.visibleColumns.length,
    pageRows: Math.max(1, Math.floor(((o.scrollRef.current?.clientHeight ?? 0) - o.headerHeight) / ROW_HEIGHT) - 1),
  });

  const moveFrom = (event: KeyboardEvent<HTMLElement>, pos: CellPos) => {
    const to = nextCellPosition(event.key, false, pos, shape());
    if (!to) return;
    event.preventDefault();
    o.active.moveTo(to, { target: "cell", scroll: true });
  };

  // Focus (by click, Tab or script) makes a cell active; the roving tabindex follows.
  const onFocus = (event: FocusEvent<HTMLElement>) => {
    const hit = cellOf(event.target, o.gridRef.current);
    if (!hit) return;
    const current = o.active.getPos();
    if (current.row === hit.pos.row && current.col === hit.pos.col) return;
    o.api.dismiss();
    o.active.moveTo(hit.pos, null);
  };

  // Shift+click selects from the active cell to the clicked one, without moving focus away first.
  const onMouseDown = (event: MouseEvent<HTMLElement>) => {
    if (!event.shiftKey || event.button !== 0) return;
    const hit = cellOf(event.target, o.gridRef.current);
    if (!hit || hit.pos.row < 0 || hit.cell.dataset.actions !== undefined) return;
    if (o.active.getPos().row < 0) return;
    event.preventDefault();
    o.api.dismiss();
    o.active.moveTo(hit.pos, { target: "cell", scroll: false }, true);
  };

  const onDoubleClick = (event: MouseEvent<HTMLElement>) => {
    const target = event.target as HTMLElement;
    if (target.closest("[data-editor], button, a, input, select, textarea")) return;
    const hit = cellOf(target, o.gridRef.current);
    if (!hit || hit.pos.row < 0 || hit.cell.dataset.actions !== undefined) return;
    const row = o.rows[hit.pos.row];
    const column = o.visibleColumns[hit.pos.col];
    if (!row || !column) return;
    if (hit.pos.col === 0 && o.openRow) o.openRow(row.original);
    else o.api.start(row, column);
  };

  return { onKeyDown, onFocus, onDoubleClick, onMouseDown };
}
