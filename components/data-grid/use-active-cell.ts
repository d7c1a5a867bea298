import { useCallback, useLayoutEffect, useMemo, useRef, useState, type RefObject } from "react";
import type { Row } from "@tanstack/react-table";
import type { CellPos } from "./grid-keyboard";
import { rangeOf, type CellRange } from "./range";
import type { CommitMove } from "./types";

/** The active cell is remembered by ids so it follows its row through sorting and data updates. */
interface ActiveCell {
  rowId: string | null; // null: the header row
  colId: string;
  row: number;
  col: number;
}

export interface FocusRequest {
  target: "cell" | "editor";
  /** Bring the cell into view (keyboard moves); a click needs no scrolling. */
  scroll: boolean;
}

const clamp = (n: number, min: number, max: number) => Math.max(min, Math.min(max, n));

/**
 * Roving-tabindex state: which cell is active, resolved against the current rows and visible columns.
 * `colIds` lists the navigable body columns (data columns, then the actions column if any).
 */
export function useActiveCell<T>(rows: Row<T>[], colIds: string[], headerColCount: number) {
  const [active, setActive] = useState<ActiveCell | null>(null);
  // The other corner of a selected range (shift+arrows, shift+click), by ids like the active cell; null: one cell.
  const [anchor, setAnchor] = useState<{ rowId: string; colId: string } | null>(null);
  const focusRequest = useRef<FocusRequest | null>(null);

  const indexById = useMemo(() => {
    const map = new Map<string, number>();
    for (let i = 0; i < rows.length; i++) map.set(rows[i].id, i);
    return map;
  }, [rows]);

  const firstRow = rows.length > 0 ? 0 : -1;
  let pos: CellPos;
  if (!active) {
    pos = { row: firstRow, col: 0 };
  } else {
    const row =
      active.rowId === null ? -1 : (indexById.get(active.rowId) ?? clamp(active.row, firstRow, rows.length - 1));
    const byId = colIds.indexOf(active.colId);
    const lastCol = (row < 0 ? headerColCount : colIds.length) - 1;
    pos = { row, col: byId >= 0 && byId <= lastCol ? byId : clamp(active.col, 0, Math.max(lastCol, 0)) };
  }

  // The range covers data columns only (never the actions column) and exists only while both corners do.
  const dataCols = headerColCount;
  let range: CellRange | null = null;
  if (anchor && pos.row >= 0 && pos.col < dataCols) {
    const row = indexById.get(anchor.rowId);
    const col = colIds.indexOf(anchor.colId);
    if (row !== undefined && col >= 0 && col < dataCols) range = rangeOf({ row, col }, pos);
  }

  const latest = useRef({ pos, rows, colIds, range });
  useLayoutEffect(() => {
    latest.current = { pos, rows, colIds, range };
  });

  /** Moves the active cell; `extend` keeps (or starts) the range from where the active cell was. */
  const moveTo = useCallback((to: CellPos, focus: FocusRequest | null, extend = false) => {
    const { rows, colIds, pos: from } = latest.current;
    const rowId = to.row < 0 ? null : (rows[to.row]?.id ?? null);
    if (!extend) setAnchor(null);
    else if (from.row >= 0 && to.row >= 0) {
      const fromRow = rows[from.row]?.id;
      setAnchor((current) => current ?? (fromRow ? { rowId: fromRow, colId: colIds[from.col] ?? "" } : null));
    }
    latest.current.pos = to;
    setActive({ rowId, colId: colIds[to.col] ?? "", row: to.row, col: to.col });
    if (focus) focusRequest.current = focus;
  }, []);

  /** Where a commit's move goes: Enter down, Tab right, Shift+Tab left; null for "none" (a blur). */
  const targetAfter = useCallback((move: CommitMove): CellPos | null => {
    if (move === "none") return null;
    const { pos, rows, colIds } = latest.current;
    const row = move === "down" ? Math.min(rows.length - 1, pos.row + 1) : pos.row;
    const col = clamp(pos.col + (move === "right" ? 1 : move === "left" ? -1 : 0), 0, colIds.length - 1);
    return { row, col };
  }, []);

  /** After a commit: moves the active cell (targetAfter); focus returns to the grid. */
  const moveAfterCommit = useCallback(
    (move: CommitMove) => {
      const to = targetAfter(move);
      if (to) moveTo(to, { target: "cell", scroll: true });
    },
    [moveTo, targetAfter],
  );

  const moveToIds = useCallback(
    (rowId: string, colId: string, focus: FocusRequest) => {
      const { rows, colIds } = latest.current;
      const row = rows.findIndex((r) => r.id === rowId);
      const col = colIds.indexOf(colId);
      if (row >= 0 && col >= 0) moveTo({ row, col }, focus);
    },
    [moveTo],
  );

  const getPos = useCallback(() => latest.current.pos, []);
  /** The selected range, or the active cell alone (null in the header or the actions column). */
  const getRange = useCallback((): CellRange | null => {
    const { range, pos } = latest.current;
    return range ?? (pos.row >= 0 && pos.col < dataCols ? rangeOf(pos, pos) : null);
  }, [dataCols]);

  return { pos, range, indexById, moveTo, moveToIds, moveAfterCommit, targetAfter, getPos, getRange, focusRequest };
}

/**
 * Fulfils a pending focus request once the target cell is rendered: scrolls it into view (rows through the
 * virtualizer, columns by hand because of the sticky first and last columns) and focuses it.
 */
export function useFocusActiveCell(
  focusRequest: RefObject<FocusRequest | null>,
  pos: CellPos,
  gridRef: RefObject<HTMLElement | null>,
  scrollRef: RefObject<HTMLElement | null>,
  scrollToRow: (index: number) => void,
) {
  useLayoutEffect(() => {
    const request = focusRequest.current;
    const grid = gridRef.current;
    if (!request || !grid) return;
    const cell = cellAt(grid, pos);
    if (!cell) return;
    if (request.scroll) {
      if (pos.row >= 0) scrollToRow(pos.row);
      if (scrollRef.current) scrollColumnIntoView(scrollRef.current, cell);
    }
    // Header cells hold the focusable sort button; an editing cell holds its editor.
    const inner = request.target === "editor" ? "input, select, textarea" : pos.row < 0 ? "button" : null;
    const target = (inner && cell.querySelector<HTMLElement>(inner)) || cell;
    target.focus({ preventScroll: true });
    focusRequest.current = null;
  });
}

/** The rendered cell at `pos` (the header row is -1), or null when it is not in the page. */
export function cellAt(grid: HTMLElement, pos: CellPos): HTMLElement | null {
  return grid.querySelector<HTMLElement>(`[data-r="${pos.row}"] > [data-c="${pos.col}"]`);
}

function scrollColumnIntoView(viewport: HTMLElement, cell: HTMLElement) {
  if (cell.dataset.sticky) return;
  const row = cell.parentElement;
  if (!row) return;
  let stickyLeft = 0;
  let stickyRight = 0;
  for (const sibling of Array.from(row.children) as HTMLElement[]) {
    if (sibling.dataset.sticky === "left") stickyLeft += sibling.offsetWidth;
    if (sibling.dataset.sticky === "right") stickyRight += sibling.offsetWidth;
  }
  const left = cell.offsetLeft;
  const right = left + cell.offsetWidth;
  if (left < viewport.scrollLeft + stickyLeft) viewport.scrollLeft = left - stickyLeft;
  else if (right > viewport.scrollLeft + viewport.clientWidth - stickyRight) {
    viewport.scrollLeft = right - viewport.clientWidth + stickyRight;
  }
}
