"use client";

import { memo, type PointerEvent as ReactPointerEvent } from "react";
import { flexRender, type Column, type Header } from "@tanstack/react-table";
import { ArrowDown, ArrowUp, ArrowUpDown } from "lucide-react";
import { cn } from "@/components/ui/cn";
import { INSET_RING, ROW_HEIGHT, columnAlign, columnLabel, columnWidth } from "./types";
import { useTranslations } from "next-intl";

export const GROUP_BAND_HEIGHT = 24;

interface GridHeaderProps<T> {
  headers: Header<T, unknown>[];
  /** Index of the active header cell, or -1 when the active cell is in the body. */
  activeCol: number;
  actionsWidth: number | null;
  showGroups: boolean;
  /** Changes whenever the sorting does, so the memoized header re-renders. */
  sortingKey: unknown;
  /** Left offsets of the pinned leading columns. */
  pins: readonly number[];
  /** The user's widths: passed so the header re-renders when one changes. */
  sizing: Record<string, number>;
  /** A drag on a header's right edge sets the column's width (the Layout menu offers the same by keyboard). */
  onResize: (columnId: string, width: number) => void;
}

/** Runs of adjacent columns sharing `meta.group`, for the band above the headers. */
function groupRuns<T>(columns: Column<T, unknown>[]) {
  const runs: { group: string; width: number; start: number }[] = [];
  columns.forEach((column, i) => {
    const group = column.columnDef.meta?.group ?? "";
    const last = runs[runs.length - 1];
    if (last && last.group === group) last.width += columnWidth(column);
    else runs.push({ group, width: columnWidth(column), start: i });
  });
  return runs;
}

const bandClass =
  "shrink-0 border-r border-zinc-200 text-[11px] leading-6 font-semibold tracking-wide text-zinc-500 uppercase";

/**
 * Decorative band of group names (each header also carries its group in its description). The first column is
 * frozen, so its cell is too; every other group's name sticks beside it while the group is in view.
 */
function GroupBand<T>({ columns, actionsWidth, pins }: { columns: Column<T, unknown>[]; actionsWidth: number | null; pins: readonly number[] }) {
  // The pinned columns are one frozen block under the first one's group; every other group's name sticks
  // beside that block while the group is in view.
  const pinned = columns.slice(0, Math.max(1, pins.length));
  const rest = columns.slice(pinned.length);
  const firstGroup = pinned[0]?.columnDef.meta?.group ?? "";
  const pinnedWidth = pinned.reduce((sum, c) => sum + columnWidth(c), 0);
  return (
    <div aria-hidden className="flex border-b border-zinc-200 bg-zinc-50" style={{ height: GROUP_BAND_HEIGHT }}>
      {pinned.length > 0 && (
        <div className={cn(bandClass, "z-[2] truncate bg-zinc-50 px-2 md:sticky md:left-0")} style={{ width: pinnedWidth }}>
          {firstGroup}
        </div>
      )}
      {groupRuns(rest).map((run, i) => (
        <div key={`${run.start}-${run.group}`} className={bandClass} style={{ width: run.width }}>
          {!(i === 0 && run.group === firstGroup) && (
            <span className="sticky inline-block max-w-full truncate px-2 align-top" style={{ left: pinnedWidth }}>
              {run.group}
            </span>
          )}
        </div>
      ))}
      {actionsWidth !== null && (
        <div className="ml-auto shrink-0 bg-zinc-50 md:sticky md:right-0" style={{ width: actionsWidth }} />
      )}
    </div>
  );
}

export function headerHeight(showGroups: boolean) {
  return ROW_HEIGHT + (showGroups ? GROUP_BAND_HEIGHT : 0);
}

function GridHeaderView<T>({ headers, activeCol, actionsWidth, showGroups, pins, onResize }: GridHeaderProps<T>) {
  const common = useTranslations("common");
  return (
    <div role="rowgroup" className="sticky top-0 z-10 w-full">
      {showGroups && <GroupBand columns={headers.map((h) => h.column)} actionsWidth={actionsWidth} pins={pins} />}
      <div
        role="row"
        aria-rowindex={1}
        data-r={-1}
        className="flex border-b border-zinc-300 bg-zinc-100"
        style={{ height: ROW_HEIGHT }}
      >
        {headers.map((header, c) => (
          <HeaderCell key={header.id} header={header} c={c} active={c === activeCol} pin={pins[c]} onResize={onResize} />
        ))}
        {actionsWidth !== null && (
          <div
            role="columnheader"
            className="z-[2] ml-auto shrink-0 border-l md:sticky md:right-0 border-zinc-200 bg-zinc-100"
            style={{ width: actionsWidth }}
          >
            <span className="sr-only">{common("actions")}</span>
          </div>
        )}
      </div>
    </div>
  );
}

function HeaderCell<T>(props: {
  header: Header<T, unknown>;
  c: number;
  active: boolean;
  pin: number | undefined;
  onResize: (columnId: string, width: number) => void;
}) {
  const { header, c, active, pin } = props;
  const column = header.column;
  const meta = column.columnDef.meta;
  const width = columnWidth(column);
  const sorted = column.getIsSorted();
  const canSort = column.getCanSort();
  const label =
    typeof column.columnDef.header === "string"
      ? columnLabel(column)
      : flexRender(column.columnDef.header, header.getContext());
  const description = [meta?.group, meta?.headerTitle].filter(Boolean).join(": ") || undefined;
  const Icon = sorted === "asc" ? ArrowUp : sorted === "desc" ? ArrowDown : ArrowUpDown;
  return (
    <div
      role="columnheader"
      aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : canSort ? "none" : undefined}
      aria-description={description}
      data-c={c}
      data-sticky={pin !== undefined ? "left" : undefined}
      tabIndex={!canSort ? (active ? 0 : -1) : undefined}
      // The whole label on hover (a narrow column cuts it: "Graph…"), then the stored field's name.
      title={[typeof label === "string" ? label : undefined, meta?.headerTitle].filter(Boolean).join(" · ") || undefined}
      className={cn(
        "flex h-full shrink-0 items-center border-r border-zinc-200 bg-zinc-100 text-xs font-semibold text-zinc-700",
        pin !== undefined ? "relative z-[2] md:sticky" : "relative",
        !canSort && "px-2",
      )}
      style={{ width, minWidth: width, left: pin, ...INSET_RING }}
    >
      {canSort ? (
        <button
          type="button"
          tabIndex={active ? 0 : -1}
          onClick={column.getToggleSortingHandler()}
          style={INSET_RING}
          className={cn(
            "flex h-full w-full min-w-0 items-center gap-1 px-2 text-left hover:bg-zinc-200",
            columnAlign(column) === "right" && "flex-row-reverse text-right",
          )}
        >
          <span className="truncate">{label}</span>
          <Icon aria-hidden className={cn("size-3.5 shrink-0", sorted ? "text-blue-600" : "text-zinc-500")} />
        </button>
      ) : (
        <span className="truncate">{label}</span>
      )}
      <ResizeHandle width={width} onResize={(w) => props.onResize(column.id, w)} />
    </div>
  );
}

/** Drag the right edge of a header to resize its column (pointer only; the Layout menu has a width field). */
function ResizeHandle({ width, onResize }: { width: number; onResize: (width: number) => void }) {
  const onPointerDown = (event: ReactPointerEvent<HTMLDivElement>) => {
    event.preventDefault();
    event.stopPropagation();
    const handle = event.currentTarget;
    const startX = event.clientX;
    handle.setPointerCapture(event.pointerId);
    const move = (e: PointerEvent) => onResize(width + e.clientX - startX);
    const up = () => {
      handle.removeEventListener("pointermove", move);
      handle.removeEventListener("pointerup", up);
      handle.removeEventListener("pointercancel", up);
    };
    handle.addEventListener("pointermove", move);
    handle.addEventListener("pointerup", up);
    handle.addEventListener("pointercancel", up);
  };
  return (
    <div
      aria-hidden
      data-resize-handle=""
      onPointerDown={onPointerDown}
      className="absolute top-0 right-0 z-[3] h-full w-1.5 cursor-col-resize touch-none hover:bg-blue-400"
    />
  );
}

export const GridHeader = memo(GridHeaderView) as typeof GridHeaderView;
