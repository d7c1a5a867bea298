"use client";

import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type JSX, type ReactNode } from "react";
import {
  useReactTable,
  type ColumnDef,
  type FilterFn,
  type SortingState,
  type VisibilityState,
} from "@tanstack/react-table";
import { defaultRangeExtractor, useVirtualizer, type Range } from "@tanstack/react-virtual";
import { useTranslations } from "next-intl";
import { canGlobalFilter, globalFilterValue, matchesGlobalFilter } from "./filter";
import { GridHeader, headerHeight } from "./grid-header";
import { GridRow } from "./grid-row";
import { ROW_HEIGHT, columnWidth } from "./types";
import { cellAt, useActiveCell, useFocusActiveCell } from "./use-active-cell";
import { useCellEditing } from "./use-cell-editing";
import { useGridEvents } from "./use-grid-events";
import { plainCell } from "./values";
import { cn } from "@/components/ui/cn";
import { useSpreadsheet } from "./use-spreadsheet";
import { useRangeEdits, type CellsCommit } from "./use-range-edits";
import { gridRowModels } from "./row-models";
import { useColumnLayout } from "./use-column-layout";
import { GridLayoutMenu } from "./grid-layout-menu";
import { assignSlots } from "./row-slots";

export interface DataGridProps<T> {
  data: T[];
  /** accessorKey columns (id = accessorKey); keep the array stable (module constant or useMemo). */
  // `any`: columns of different value types in one array, as TanStack itself types them.
  columns: ColumnDef<T, any>[];
  getRowId: (row: T) => string;
  /** Accessible name of the grid (role="grid"). */
  ariaLabel: string;
  /**
   * Commit an edit. Resolve null on success (the parent updates `data`), or an error message: the grid then shows
   * it on the cell (role="alert") and keeps the cell in edit mode with the user's input, so nothing typed is lost.
   */
  onCellCommit?: (row: T, columnId: string, value: unknown) => Promise<string | null>;
  /** Controlled quick search: case-insensitive substring over the string/number cells of visible columns. */
  globalFilter?: string;
  initialSorting?: SortingState;
  /** Controlled; the parent toggles groups of columns. */
  columnVisibility?: VisibilityState;
  /** Enter on a read-only cell, double click on the row's first cell, or the row's "Open" button. */
  onRowOpen?: (row: T) => void;
  /**
   * Optional trailing sticky cell with buttons (e.g. Delete). Keep it stable (useCallback, reading changing state
   * through refs or state setters): every rendered row re-renders when it changes.
   */
  rowActions?: (row: T) => ReactNode;
  /** Names a row for people (the Open button is "Open <label>"); defaults to the row id. */
  rowLabel?: (row: T) => string;
  /** Shown when there are no rows at all; with a filter and no match the grid says "No rows match …". */
  emptyState?: ReactNode;
  /** CSS height of the scroll viewport, default "70vh". */
  height?: string;
  onFilteredCountChange?: (n: number) => void;
  /** Width in px of the trailing actions cell; by default it fits the buttons of the first rendered row. */
  actionsWidth?: number;
  /** A cell to make active, scroll into view and focus when the grid mounts (a link to the cell). */
  focusCell?: { rowId: string; colId: string } | null;
  /**
   * Saves many cells in one transaction (paste, fill down, clear a range, undo / redo). Without it the grid
   * still selects and copies ranges, but pastes and undo are off.
   */
  onCellsCommit?: CellsCommit<T>;
  /**
   * Where the user's column widths, hidden and pinned columns are remembered (localStorage), null for not at
   * all: a name of the grid that stays the same in every language ("columns"). It was the grid's ariaLabel,
   * which the language changes: switching to Korean lost the layout; one stored that way is still read.
   */
  layoutKey: string | null;
  /** Bring this column into view and make it active (the field finder); a new object each time. */
  jumpTo?: { columnId: string };
  /** Alt+↑ / Alt+↓ on a row: the parent reorders (the columns grid writes sort_order). */
  onRowMove?: (row: T, delta: -1 | 1) => void;
}

// size 0: no width set by the user (columnWidth then takes the declared one).
const DEFAULT_COLUMN = { cell: plainCell, size: 0, minSize: 0 };
const NO_VISIBILITY: VisibilityState = {};
const ACTIONS_ID = "__actions";
const OVERSCAN = 10;
const MIN_ACTIONS_WIDTH = 48;
const ACTIONS_PADDING = 17; // px-2 on both sides and the left border
const estimateRowSize = () => ROW_HEIGHT;
/** The viewport height the virtualizer assumes until it has measured the real one: on the server and while hydrating. */
const INITIAL_VIEWPORT = 720;
/**
 * The most rows the first window can hold: those starting within INITIAL_VIEWPORT, and the overscan after them.
 * The server draws no more than these, so it builds the row models for these rows only (serverRows below).
 */
export const SERVER_ROWS = Math.ceil(INITIAL_VIEWPORT / ROW_HEIGHT) + 1 + OVERSCAN;
const columnIdOf = <T,>(def: ColumnDef<T, unknown> | undefined) =>
  def?.id ?? (def as { accessorKey?: string } | undefined)?.accessorKey ?? "";

/** A virtualized, keyboard-driven, editable grid; cells are edited with the editor named by each column's meta. */
export function DataGrid<T>(props: DataGridProps<T>): JSX.Element {
  const {
    data,
    columns,
    getRowId,
    ariaLabel,
    onCellCommit,
    globalFilter = "",
    columnVisibility,
    onRowOpen,
    rowActions,
    rowLabel,
  } = props;
  const t = useTranslations("grid");
  const common = useTranslations("common");
  const [measuredActions, setMeasuredActions] = useState(MIN_ACTIONS_WIDTH);
  const actionsWidth = props.actionsWidth ?? measuredActions;
  const scrollRef = useRef<HTMLDivElement>(null);
  const gridRef = useRef<HTMLDivElement>(null);

  const [sorting, setSorting] = useState<SortingState>(() => props.initialSorting ?? []);
  const layoutApi = useColumnLayout(props.layoutKey ?? undefined, ariaLabel);
  const { layout } = layoutApi;
  // The page's group toggles, then the columns the user hid one by one.
  const visibility = useMemo(
    () =>
      layout.hidden.length
        ? { ...columnVisibility, ...Object.fromEntries(layout.hidden.map((id) => [id, false])) }
        : (columnVisibility ?? NO_VISIBILITY),
    [columnVisibility, layout.hidden],
  );
  const defaultPinned = useMemo(() => [columnIdOf(columns[0])].filter(Boolean), [columns]);
  const pinned = layout.pinned ?? defaultPinned;
  const filter = useMemo(() => globalFilterValue(globalFilter, visibility), [globalFilter, visibility]);
  // A filter keystroke draws the rows in view only; the rows kept beyond them for scrolling (the overscan, 10 of
  // the ~25) follow just after that frame is painted. They are nearly half of the keystroke's work when the filter
  // changes which rows are drawn, and nobody sees them before scrolling.
  const [settledFilter, setSettledFilter] = useState(filter);
  const filterSettling = settledFilter !== filter;
  useEffect(() => {
    if (!filterSettling) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setSettledFilter(filter), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [filterSettling, filter]);
  const [rowModels] = useState(gridRowModels<T>);
  // The server draws the first window only (it has no viewport: INITIAL_VIEWPORT), and unsorted and unfiltered
  // those are the data's first rows: its row models are built for them alone. TanStack's Row for each of 5,001
  // rows (dozens of closures each) was ~30 MB of the server's allocation per Tables page load (~12 MB on the
  // 2,000-column page), kept through the render and so held until the heap's next full collection. Hydration
  // builds every Row and draws the same first window (row count, height and rows drawn are those of all the data).
  const serverRows = typeof window === "undefined" && sorting.length === 0 && filter === undefined && data.length > SERVER_ROWS;
  const tableData = useMemo(() => (serverRows ? data.slice(0, SERVER_ROWS) : data), [serverRows, data]);
  const table = useReactTable<T>({
    // The parent replaces one row object per saved edit; the row models keep every other row's Row (row-models.ts).
    data: tableData,
    columns,
    getRowId: (row) => getRowId(row),
    state: {
      sorting,
      globalFilter: filter,
      columnVisibility: visibility,
      columnSizing: layout.widths,
      columnOrder: pinned,
    },
    onSortingChange: setSorting,
    defaultColumn: DEFAULT_COLUMN,
    globalFilterFn: matchesGlobalFilter as FilterFn<T>,
    getColumnCanGlobalFilter: canGlobalFilter,
    sortDescFirst: false,
    // No pagination: left on, every new data array would reset a page index in a second render of the grid.
    autoResetPageIndex: false,
    ...rowModels,
  });

  const rows = table.getRowModel().rows;
  /** How many rows the grid has (on the server more than `rows` holds: serverRows). */
  const rowCount = serverRows ? data.length : rows.length;
  const visibleColumns = table.getVisibleLeafColumns();
  const headers = table.getHeaderGroups().at(-1)?.headers ?? [];
  const hasActions = Boolean(rowActions || onRowOpen);
  const colIds = useMemo(
    () => [...visibleColumns.map((c) => c.id), ...(hasActions ? [ACTIONS_ID] : [])],
    [visibleColumns, hasActions],
  );
  const showGroups = visibleColumns.some((c) => c.columnDef.meta?.group);
  const headH = headerHeight(showGroups);
  const width = visibleColumns.reduce((sum, c) => sum + columnWidth(c), hasActions ? actionsWidth : 0);
  // Pinned columns come first (columnOrder); each sticks at the sum of the widths before it.
  const pinKey = visibleColumns.map((c) => (pinned.includes(c.id) ? `${c.id}:${columnWidth(c)}` : "")).join(",");
  const pins = useMemo(() => {
    const offsets: number[] = [];
    let left = 0;
    for (const c of visibleColumns) {
      if (!pinned.includes(c.id)) break;
      offsets.push(left);
      left += columnWidth(c);
    }
    return offsets;
    // eslint-disable-next-line react-hooks/exhaustive-deps -- pinKey holds what the offsets depend on
  }, [pinKey]);

  const active = useActiveCell(rows, colIds, visibleColumns.length);
  const { pos } = active;
  const ranged = useRangeEdits<T>({
    onCellsCommit: props.onCellsCommit,
    rowById: (id) => table.getCoreRowModel().rowsById[id],
    columnById: (id) => table.getColumn(id),
  });
  // Inline edits become undo steps too (with the value the cell held before).
  const recordEdit = ranged.record;
  const commitOne = useMemo(
    () =>
      onCellCommit &&
      (async (row: T, columnId: string, value: unknown) => {
        const before = (table.getColumn(columnId)?.accessorFn as ((r: T, i: number) => unknown) | undefined)?.(row, 0);
        const error = await onCellCommit(row, columnId, value);
        if (!error) recordEdit(getRowId(row), columnId, before, value);
        return error;
      }),
    [onCellCommit, table, recordEdit, getRowId],
  );
  const { editing, api } = useCellEditing<T>({
    onCellCommit: commitOne,
    onRowOpen,
    moveAfterCommit: active.moveAfterCommit,
    cellAfterCommit: (move) => {
      const to = active.targetAfter(move);
      return to && gridRef.current ? cellAt(gridRef.current, to) : null;
    },
    returnToEditor: (rowId, colId) => active.moveToIds(rowId, colId, { target: "editor", scroll: true }),
    focusInGrid: () => Boolean(gridRef.current?.contains(document.activeElement)),
  });
  const editRow = editing ? (active.indexById.get(editing.rowId) ?? -1) : -1;

  // The active and the edited rows stay mounted while scrolled away, so focus and a typed draft are never lost.
  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      for (const pinned of [pos.row, editRow]) if (pinned >= 0 && !indexes.includes(pinned)) indexes.push(pinned);
      return indexes.sort((a, b) => a - b);
    },
    [pos.row, editRow],
  );
  const virtualizer = useVirtualizer({
    count: rowCount,
    getScrollElement: () => scrollRef.current,
    estimateSize: estimateRowSize,
    overscan: filterSettling ? 0 : OVERSCAN,
    scrollMargin: headH,
    scrollPaddingStart: headH,
    rangeExtractor,
    initialRect: { width: 0, height: INITIAL_VIEWPORT },
  });
  // scrollToIndex writes scrollTop even when the row is already in view, which forces a layout in the middle of a
  // commit (after every cell edit) and runs its reconcile loop for frames after; the virtualizer's own numbers
  // (no layout read) tell when there is nothing to do.
  const scrollToRow = useCallback(
    (index: number) => {
      if (virtualizer.getOffsetForIndex(index)?.[0] !== virtualizer.scrollOffset) virtualizer.scrollToIndex(index);
    },
    [virtualizer],
  );
  useFocusActiveCell(active.focusRequest, pos, gridRef, scrollRef, scrollToRow);
  const focusCell = useRef(props.focusCell);
  const { moveToIds } = active;
  useEffect(() => {
    if (focusCell.current) moveToIds(focusCell.current.rowId, focusCell.current.colId, { target: "cell", scroll: true });
  }, [moveToIds]);

  // Without a fixed actionsWidth the actions column grows to fit the first rendered row's buttons. Measured
  // when rows come or go only: reading scrollWidth forces a layout, which a keystroke or a cell edit should not pay.
  useLayoutEffect(() => {
    if (props.actionsWidth !== undefined || !hasActions) return;
    const content = gridRef.current?.querySelector<HTMLElement>("[data-actions-content]");
    const needed = content ? Math.ceil(content.scrollWidth) + ACTIONS_PADDING : 0;
    setMeasuredActions((current) => Math.max(current, needed));
  }, [data.length, hasActions, props.actionsWidth]);

  // Called through refs, so a parent's inline function does not re-render every row on each of its renders.
  const latestOpen = useRef(onRowOpen);
  const latestLabel = useRef(rowLabel);
  const latestCount = useRef(props.onFilteredCountChange);
  useLayoutEffect(() => {
    latestOpen.current = onRowOpen;
    latestLabel.current = rowLabel;
    latestCount.current = props.onFilteredCountChange;
  });
  const openRow = useCallback((row: T) => latestOpen.current?.(row), []);
  const labelRow = useCallback((row: T) => latestLabel.current?.(row), []);
  useEffect(() => latestCount.current?.(rows.length), [rows.length]);

  // Rendered rows are keyed by slot (row-slots.ts): a row entering the view reuses the DOM of one that left.
  const virtualItems = virtualizer.getVirtualItems();
  const committedSlots = useRef<ReadonlyMap<string, number>>(new Map());
  // The ref is read to derive this render's keys and written only after the commit.
  const slots = assignSlots(committedSlots.current, virtualItems.flatMap((item) => rows[item.index]?.id ?? []));
  useLayoutEffect(() => {
    committedSlots.current = slots;
  });

  const rangeKey = useSpreadsheet({ gridRef, active, ranged, api, rows, visibleColumns, canSave: Boolean(props.onCellsCommit) });

  const events = useGridEvents({
    gridRef,
    scrollRef,
    rows,
    visibleColumns,
    colIds,
    headerHeight: headH,
    readOnly: !onCellCommit,
    active,
    api,
    openRow: onRowOpen ? openRow : undefined,
    rangeKey,
    moveRow: props.onRowMove,
  });
  const range = active.range;

  // The field finder's jump: the column made active (in the current row, or the header) and scrolled to.
  const jumpTo = props.jumpTo;
  useEffect(() => {
    if (!jumpTo) return;
    const col = colIds.indexOf(jumpTo.columnId);
    if (col >= 0)
      active.moveTo(
        { row: Math.max(active.getPos().row, rows.length > 0 ? 0 : -1), col },
        { target: "cell", scroll: true },
      );
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only a new jump moves the active cell
  }, [jumpTo]);

  // Columns the page shows (its group toggles), for the layout menu: the user hides, pins and sizes among them.
  const offered = table.getAllLeafColumns().filter((c) => columnVisibility?.[c.id] !== false);

  return (
    // data-full-width: a page holding a grid uses the whole window width (the editor layout's main).
    <div data-full-width="" className="space-y-1">
      {props.layoutKey !== null && (
        <GridLayoutMenu
          gridLabel={ariaLabel}
          columns={offered}
          hidden={layout.hidden}
          pinned={pinned}
          onHide={layoutApi.setHidden}
          onPin={(id, pin) => layoutApi.setPinned(id, pin, defaultPinned)}
          onWidth={layoutApi.setWidth}
          onReset={layoutApi.reset}
        />
      )}
      <div className="overflow-hidden rounded-md border border-zinc-200 bg-white">
        <div
          ref={scrollRef}
          className="relative overflow-auto overscroll-contain"
          style={{ height: props.height ?? "70vh" }}
        >
          <div
            ref={gridRef}
            role="grid"
            aria-label={ariaLabel}
            aria-rowcount={rowCount + 1}
            aria-colcount={colIds.length}
            className="group/grid relative text-sm text-zinc-900"
            style={{ width, minWidth: "100%" }}
            {...events}
          >
            <GridHeader
              headers={headers}
              activeCol={pos.row < 0 ? pos.col : -1}
              actionsWidth={hasActions ? actionsWidth : null}
              showGroups={showGroups}
              sortingKey={sorting}
              pins={pins}
              sizing={layout.widths}
              onResize={layoutApi.setWidth}
            />
            <div role="rowgroup" className="relative w-full" style={{ height: virtualizer.getTotalSize() }}>
              {virtualItems.map((item) => {
                const row = rows[item.index];
                if (!row) return null;
                return (
                  <GridRow
                    key={slots.get(row.id)}
                    row={row}
                    original={row.original}
                    index={item.index}
                    ariaRowIndex={item.index + 2}
                    top={item.start - headH}
                    columns={visibleColumns}
                    activeCol={item.index === pos.row ? pos.col : -1}
                    edit={editing && editing.rowId === row.id ? editing : null}
                    api={api}
                    readOnly={!onCellCommit}
                    actions={rowActions}
                    rowLabel={labelRow}
                    openRow={onRowOpen ? openRow : undefined}
                    actionsWidth={actionsWidth}
                    rangeCols={
                      range && item.index >= range.top && item.index <= range.bottom
                        ? `${range.left}-${range.right}`
                        : null
                    }
                    cellErrors={ranged.cellErrors}
                    pins={pins}
                    sizing={layout.widths}
                  />
                );
              })}
            </div>
          </div>
          {rowCount === 0 && (
            <div role="status" className="sticky left-0 w-full">
              {data.length === 0 && props.emptyState ? (
                props.emptyState
              ) : (
                <p className="px-4 py-12 text-center text-sm text-zinc-500">
                  {data.length === 0 ? t("noRows") : t("noMatch", { filter: globalFilter.trim() })}
                </p>
              )}
            </div>
          )}
        </div>
        {(ranged.status || ranged.busy) && (
          <p
            role={ranged.status?.error && !ranged.busy ? "alert" : "status"}
            className={cn(
              "border-t px-3 py-1.5 text-xs",
              ranged.status?.error && !ranged.busy
                ? "border-red-200 bg-red-50 text-red-800"
                : "border-zinc-200 text-zinc-600",
            )}
          >
            {ranged.busy ? common("saving") : ranged.status?.text}
          </p>
        )}
      </div>
    </div>
  );
}
