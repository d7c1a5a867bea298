import type { RefObject } from "react";
import type { Column, Row } from "@tanstack/react-table";
import { parseDelimited, toTsv } from "@/lib/tsv";
import { copyRange, planClear, planFillDown, planPaste } from "./range";
import type { useActiveCell } from "./use-active-cell";
import type { EditingApi } from "./use-cell-editing";
import type { RangeKey } from "./use-grid-events";
import { useGridInput } from "./use-grid-input";
import type { useRangeEdits } from "./use-range-edits";

/**
 * The grid's spreadsheet commands on the selected range: copy, paste, fill down, clear, undo / redo, and
 * typing (IME too) on a selected cell. Returns the handler for the range keys; without `canSave` only copy works.
 */
export function useSpreadsheet<T>(o: {
  gridRef: RefObject<HTMLElement | null>;
  active: ReturnType<typeof useActiveCell<T>>;
  ranged: ReturnType<typeof useRangeEdits<T>>;
  api: EditingApi<T>;
  rows: Row<T>[];
  visibleColumns: Column<T, unknown>[];
  canSave: boolean;
}): (key: RangeKey) => void {
  const { active, ranged, rows, visibleColumns } = o;
  useGridInput({
    gridRef: o.gridRef,
    copyText: () => {
      const range = active.getRange();
      return range ? toTsv(copyRange(range, rows, visibleColumns)) : null;
    },
    paste: (text) => {
      const range = active.getRange();
      if (!range || !o.canSave) return;
      void ranged.apply(planPaste(parseDelimited(text).map((r) => r.cells), range, rows, visibleColumns), "paste");
    },
    startTyping: (draft) => {
      const row = rows[active.getPos().row];
      const column = visibleColumns[active.getPos().col];
      if (row && column) o.api.start(row, column, draft);
    },
  });
  return (key) => {
    const range = active.getRange();
    if (key === "copy") document.execCommand("copy");
    else if (!o.canSave) return;
    else if (key === "undo") void ranged.undo();
    else if (key === "redo") void ranged.redo();
    else if (range && key === "fill-down") void ranged.apply(planFillDown(range, rows, visibleColumns), "fillDown");
    else if (range && key === "clear") void ranged.apply(planClear(range, rows, visibleColumns), "clear");
  };
}
