import { useRef } from "react";
import type { Table } from "@tanstack/react-table";

/**
 * The array the grid hands TanStack. A saved edit gives the grid a new array from its parent (immutable state), and
 * a new array makes TanStack rebuild every row model: 5,000 Row objects and the filter and sort passes, for one
 * changed cell on the Tables grid (issue 11: its cell edit took ~61 ms for that). So while the rows keep their ids
 * and order, the array TanStack holds stays the same one, the changed rows are written into it, and their Row
 * objects get the new original (and lose their cached values) in `patch`, called before the grid reads a value.
 * The rows keep their place until the next sort or filter change (as in a spreadsheet, an edited row does not jump
 * away from under the cursor). Rows added, removed or moved take the full path: a new array.
 */
export function useStableData<T>(data: T[], getRowId: (row: T) => string) {
  const held = useRef<{ source: T[]; rows: T[] } | null>(null);
  const changed: string[] = [];
  const current = held.current;
  if (!current || (current.source !== data && !sameIdsPatched(current.rows, data, getRowId, changed))) {
    held.current = { source: data, rows: data.slice() };
  } else {
    current.source = data;
  }
  const rows = held.current!.rows;
  const patch = (table: Table<T>) => {
    if (changed.length === 0) return;
    const byId = table.getCoreRowModel().rowsById;
    for (const id of changed) {
      const row = byId[id];
      const index = row?.index;
      if (!row || index === undefined || rows[index] === undefined) continue;
      row.original = rows[index];
      row._valuesCache = {};
      row._uniqueValuesCache = {};
    }
  };
  return { rows, patch };
}

/** Whether `next` has `held`'s ids in the same order; if so, the rows that differ are copied in (their ids noted). */
function sameIdsPatched<T>(held: T[], next: T[], getRowId: (row: T) => string, changed: string[]): boolean {
  if (held.length !== next.length) return false;
  const differing: number[] = [];
  for (let i = 0; i < next.length; i++) {
    if (held[i] === next[i]) continue;
    if (getRowId(held[i]) !== getRowId(next[i])) return false;
    differing.push(i);
  }
  for (const i of differing) {
    held[i] = next[i];
    changed.push(getRowId(next[i]));
  }
  return true;
}
