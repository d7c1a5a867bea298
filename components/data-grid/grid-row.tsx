"use client";

import { memo, useLayoutEffect, useRef, type ReactNode } from "react";
import { flexRender, type Cell, type Column, type Row } from "@tanstack/react-table";
import { PanelRightOpen } from "lucide-react";
import { useTranslations } from "next-intl";
import { cn } from "@/components/ui/cn";
import { CellEditor } from "./cell-editor";
import { focusablesIn } from "./grid-keyboard";
import { INSET_RING, ROW_HEIGHT, columnAlign, columnEditor, columnWidth, type EditState } from "./types";
import type { EditingApi } from "./use-cell-editing";
import { cellKey } from "./use-range-edits";
import { displayText, plainCell } from "./values";

export interface GridRowProps<T> {
  row: Row<T>;
  /** The row's data: the parent replaces it on a saved edit, and the row re-renders for that (see sameRowProps). */
  original: T;
  /** Position among the rendered (sorted, filtered) rows. */
  index: number;
  ariaRowIndex: number;
  top: number;
  /** Passed so the row re-renders when the visible columns change. */
  columns: Column<T, unknown>[];
  /** The column index of the active cell when it is in this row, else -1: only two rows re-render per move. */
  activeCol: number;
  /** The edit in this row, if any. */
  edit: EditState | null;
  api: EditingApi<T>;
  readOnly: boolean;
  actions: ((row: T) => ReactNode) | undefined;
  rowLabel: (row: T) => string | undefined;
  openRow: ((row: T) => void) | undefined;
  actionsWidth: number;
  /** The selected range's columns ("left-right") when it covers this row, else null. */
  rangeCols: string | null;
  /** Cells a paste or fill refused, by cellKey; the row re-renders only when the map changes. */
  cellErrors: ReadonlyMap<string, string>;
  /** Left offsets of the pinned (sticky) leading columns; a new array when widths or pins change. */
  pins: readonly number[];
  /** The user's column widths: passed so the row re-renders when one changes. */
  sizing: Record<string, number>;
}

const activeClass =
  "bg-blue-50 outline-1 outline-zinc-300 group-focus-within/grid:outline-2 group-focus-within/grid:outline-blue-600";

function GridRowView<T>(props: GridRowProps<T>) {
  const { row, index, ariaRowIndex, top, activeCol, edit, actions, openRow, actionsWidth, rowLabel } = props;
  const t = useTranslations("grid");
  const common = useTranslations("common");
  const yesNo = { yes: common("yes"), no: common("no") };
  const cells = row.getVisibleCells();
  const [left, right] = props.rangeCols ? props.rangeCols.split("-").map(Number) : [-1, -2];
  return (
    <div
      role="row"
      aria-rowindex={ariaRowIndex}
      data-r={index}
      className="group/row absolute top-0 left-0 flex w-full border-b border-zinc-100 bg-white select-none hover:bg-zinc-50"
      style={{ transform: `translateY(${top}px)`, height: ROW_HEIGHT, zIndex: edit ? 1 : undefined }}
    >
      {cells.map((cell, c) =>
        renderCell(props, cell, c, c === activeCol, edit?.colId === cell.column.id ? edit : null, c >= left && c <= right, yesNo),
      )}
      {(actions || openRow) && (
        <ActionsCell rowId={row.id} col={cells.length} active={activeCol === cells.length} width={actionsWidth}>
          <div data-actions-content="" className="flex w-max items-center gap-1 whitespace-nowrap">
            {openRow && (
              <button
                type="button"
                aria-label={t("openNamed", { name: rowLabel(row.original) ?? row.id })}
                title={common("open")}
                onClick={() => openRow(row.original)}
                className="rounded p-1 text-zinc-500 hover:bg-zinc-200 hover:text-zinc-900"
              >
                <PanelRightOpen aria-hidden className="size-4" />
              </button>
            )}
            {actions?.(row.original)}
          </div>
        </ActionsCell>
      )}
    </div>
  );
}

function renderCell<T>(
  props: GridRowProps<T>,
  cell: Cell<T, unknown>,
  c: number,
  active: boolean,
  edit: EditState | null,
  inRange: boolean,
  yesNo: { yes: string; no: string },
) {
  const { row, api, readOnly } = props;
  const pin = props.pins[c];
  const refused = props.cellErrors.size ? props.cellErrors.get(cellKey(row.id, cell.column.id)) : undefined;
  const column = cell.column;
  const editor = columnEditor(column);
  const width = columnWidth(column);
  const right = columnAlign(column) === "right";
  const errorId = `grid-error-${row.id}-${column.id}`;
  const editing = edit?.mode === "editor";
  const value = cell.getValue();
  let content: ReactNode;
  if (editing) {
    content = <CellEditor key={edit.session} row={row} column={column} edit={edit} api={api} errorId={errorId} />;
  } else if (editor.kind === "checkbox") {
    content = (
      <span className={cn("w-full text-center", value === true ? "font-semibold text-blue-600" : "text-zinc-500")}>
        <span role="img" aria-label={value === true ? yesNo.yes : yesNo.no}>
          {value === true ? "✓" : "–"}
        </span>
      </span>
    );
  } else if (column.columnDef.cell === plainCell) {
    const text = displayText(value, editor);
    // A tooltip only for text that may not fit (about 7px a character), to keep the common cell light.
    content = (
      <span className="truncate" title={text.length * 7 > width - 16 ? text : undefined}>
        {text}
      </span>
    );
  } else {
    content = flexRender(column.columnDef.cell, cell.getContext());
  }
  const showError = edit?.error && !(editing && editor.kind === "json");
  // A selected text cell takes text input, so an IME can start composing on it (use-grid-input.ts).
  const typable = active && !edit && !readOnly && (editor.kind === "text" || editor.kind === "number");
  return (
    <div
      key={column.id}
      role="gridcell"
      data-testid={`cell-${row.id}-${column.id}`}
      data-c={c}
      data-sticky={pin !== undefined ? "left" : undefined}
      aria-selected={active || inRange || undefined}
      aria-readonly={readOnly || editor.kind === "readonly" || undefined}
      aria-busy={edit?.pending || undefined}
      aria-invalid={edit?.error || refused ? true : undefined}
      aria-describedby={showError ? errorId : undefined}
      title={refused}
      tabIndex={active ? 0 : -1}
      contentEditable={typable || undefined}
      suppressContentEditableWarning
      spellCheck={typable ? false : undefined}
      className={cn(
        "relative flex h-full shrink-0 items-center border-r px-2",
        pin !== undefined ? "z-[1] border-zinc-200 md:sticky" : "border-zinc-100",
        pin !== undefined && !active && !inRange && "bg-white group-hover/row:bg-zinc-50",
        right && "justify-end text-right tabular-nums",
        inRange && !active && "bg-blue-100",
        refused && "outline-2 outline-red-600",
        typable && "caret-transparent",
        active && activeClass,
        edit?.pending && "text-zinc-500",
      )}
      style={active || refused ? { width, left: pin, ...INSET_RING } : { width, left: pin }}
    >
      {editing ? (
        content
      ) : (
        <span data-cell-part="content" contentEditable={false} className="contents">
          {content}
        </span>
      )}
      {edit?.pending && (
        // Shown (and spinning) only when a save takes longer than 300 ms: a spinning element repaints the page
        // every frame, work a quick save's wait would pay for nothing. The cell takes its busy look at
        // BUSY_LOOK_MS (100 ms), so the spinner waits 200 ms more.
        <span
          data-cell-part=""
          aria-hidden
          className="absolute top-1/2 right-1 size-3 -translate-y-1/2 animate-spin rounded-full border-2 border-blue-600 border-t-transparent transition-opacity delay-200 duration-0 [animation-delay:200ms] starting:opacity-0"
        />
      )}
      {showError && (
        <p
          data-cell-part=""
          id={errorId}
          role="alert"
          className="absolute top-full left-0 z-30 mt-px w-max max-w-72 rounded bg-red-600 px-2 py-1 text-xs font-medium whitespace-normal text-white shadow-md"
        >
          {edit.error}
        </p>
      )}
    </div>
  );
}

/** Trailing sticky cell; its buttons are reached with Enter and arrows, so they are not Tab stops of their own. */
function ActionsCell(props: { rowId: string; col: number; active: boolean; width: number; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    if (ref.current) for (const el of focusablesIn(ref.current)) el.tabIndex = -1;
  });
  return (
    <div
      ref={ref}
      role="gridcell"
      data-testid={`cell-${props.rowId}-actions`}
      data-c={props.col}
      data-sticky="right"
      data-actions=""
      aria-selected={props.active || undefined}
      tabIndex={props.active ? 0 : -1}
      className={cn(
        "z-[1] ml-auto flex h-full md:sticky md:right-0 shrink-0 items-center justify-end gap-1 border-l border-zinc-200 px-2",
        props.active ? activeClass : "bg-white group-hover/row:bg-zinc-50",
      )}
      style={props.active ? { width: props.width, ...INSET_RING } : { width: props.width }}
    >
      {props.children}
    </div>
  );
}

/**
 * Rows re-render only when their own props change: the row's data (`original`, one object per row that the parent
 * replaces when the row changes), its position, its active cell or its edit. The Row object itself is compared by
 * id only: a sort hands out copies of every Row (TanStack's sorted model spreads them), and rows added or removed
 * make new ones, while only some rows' data is new.
 */
function sameRowProps<T>(a: GridRowProps<T>, b: GridRowProps<T>): boolean {
  for (const key of Object.keys(b) as (keyof GridRowProps<T>)[]) {
    if (key === "row") {
      if (a.row.id !== b.row.id) return false;
    } else if (a[key] !== b[key]) return false;
  }
  return true;
}

export const GridRow = memo(GridRowView, sameRowProps) as typeof GridRowView;
