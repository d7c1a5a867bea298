import {
  createRow,
  type Column,
  getFilteredRowModel,
  getSortedRowModel,
  type Row,
  type RowModel,
  type Table,
} from "@tanstack/react-table";
import { isGlobalFilterValue, quickFilterRows } from "./filter";

/** What TanStack's `getCoreRowModel` / `getFilteredRowModel` / `getSortedRowModel` options take. */
export type RowModelFactory<T> = (table: Table<T>) => () => RowModel<T>;

/**
 * The grid's row models: TanStack's own filter and sort, around a core row model that keeps the Row of every
 * unchanged data row. The grid's parent replaces one row object per saved edit (the other elements of its new
 * array are the same objects); TanStack's stock core row model would still build 5,000 new Row objects (each with
 * dozens of closures from every feature) for that one cell on the Tables grid, then filter and sort them again.
 * Flat data only (the grids have no sub-rows).
 */
export function gridRowModels<T>() {
  return {
    getCoreRowModel: reusingCoreRowModel<T>(),
    getFilteredRowModel: keepingOrder<T>(quickFilterRowModel<T>(), (table) => table.getPreFilteredRowModel(), viewState),
    getSortedRowModel: keepingOrder<T>(getSortedRowModel<T>(), (table) => table.getPreSortedRowModel(), viewState),
  };
}

// Either step runs again when the user changes the filter or the sort, so what they then see is all current.
const viewState = <T>(table: Table<T>) => {
  const { globalFilter, columnFilters, sorting } = table.getState();
  return [globalFilter, columnFilters, sorting];
};

/**
 * TanStack's filtered row model, except that the quick search (the grid's global filter, with no column filters)
 * matches each row once over its cached haystack (filter.ts) rather than calling the filter function per cell: on
 * the Tables grid a keystroke went through 5,001 rows × 8 cells, and the first keystrokes that reached a row's later
 * cells built their texts one at a time, in the keystroke that also drew the new rows.
 */
export function quickFilterRowModel<T>(): RowModelFactory<T> {
  return (table) => {
    const stock = getFilteredRowModel<T>()(table);
    let columns: Column<T, unknown>[] = [];
    return () => {
      const { globalFilter, columnFilters } = table.getState();
      const input = table.getPreFilteredRowModel();
      if (columnFilters.length === 0 && !globalFilter) return input;
      if (columnFilters.length > 0 || !isGlobalFilterValue(globalFilter)) return stock();
      // The same array while the same columns are searched: the rows' haystacks are kept for it.
      const filterable = table.getAllLeafColumns().filter((c) => c.getCanGlobalFilter());
      if (filterable.length !== columns.length || filterable.some((c, i) => c !== columns[i])) columns = filterable;
      if (columns.length === 0) return input;
      const rows = quickFilterRows(input.rows, columns, globalFilter);
      return rows ? modelOf(rows) : stock();
    };
  };
}

/**
 * Rebuilt for each new data array, but the element at index i that is the same object as before keeps its Row
 * (and so its cached values and cells, and its identity for memoised rows); only changed elements get a new Row.
 */
export function reusingCoreRowModel<T>(): RowModelFactory<T> {
  return (table) => {
    let data: readonly T[] | null = null;
    let model: RowModel<T> | null = null;
    return () => {
      const next = table.options.data;
      if (model && next === data) return model;
      const before = model?.rows ?? [];
      const getRowId = table.options.getRowId;
      const rows: Row<T>[] = new Array(next.length);
      for (let i = 0; i < next.length; i++) {
        const kept = before[i];
        rows[i] =
          kept !== undefined && kept.original === next[i]
            ? kept
            : createRow(table, getRowId ? getRowId(next[i], i) : String(i), next[i], i, 0);
      }
      data = next;
      model = modelOf(rows);
      return model;
    };
  };
}

/**
 * A row model whose `rowsById` is built when first read. A saved edit rebuilds the model, and nothing on that path
 * reads the index: building it anyway cost more than the rest of the model (an object keyed by ids such as
 * "100003" is a slow dictionary: 0.6 ms for the 2,000-column grid, 5 ms for 5,000 such ids, in node).
 */
export function modelOf<T>(rows: Row<T>[]): RowModel<T> {
  let byId: Record<string, Row<T>> | null = null;
  return {
    rows,
    flatRows: rows,
    get rowsById() {
      if (!byId) {
        byId = {};
        for (const row of rows) byId[row.id] = row;
      }
      return byId;
    },
  };
}

/**
 * Wraps a filter or sort step so that a change of data alone (the same row ids in the same order, some rows with
 * new values: a saved edit, a paste) does not filter or sort again: the step's previous result is kept, with each
 * row's current Row. So an edited row keeps its place until the filter, the sort or the set of rows changes (as in
 * a spreadsheet, the row under the cursor does not jump away or vanish), and an edit costs no 5,000-row sort.
 */
export function keepingOrder<T>(
  step: RowModelFactory<T>,
  input: (table: Table<T>) => RowModel<T>,
  deps: (table: Table<T>) => unknown[],
): RowModelFactory<T> {
  return (table) => {
    const run = step(table);
    let last: { input: RowModel<T>; deps: unknown[]; output: RowModel<T> } | null = null;
    return () => {
      const from = input(table);
      const now = deps(table);
      const sameDeps = last !== null && now.every((d, i) => d === last!.deps[i]);
      if (last && sameDeps && last.input === from) return last.output;
      let output: RowModel<T>;
      if (last && sameDeps && last.output === last.input) {
        // The step had nothing to do (no filter, no sort) and still has not.
        output = sameIds(last.input.rows, from.rows) ? from : run();
      } else if (last && sameDeps && sameIds(last.input.rows, from.rows)) {
        output = modelOf(withCurrentRows(last.output.rows, last.input.rows, from.rows));
      } else {
        output = run();
      }
      last = { input: from, deps: now, output };
      return output;
    };
  };
}

/** `shown` (a filtered or sorted selection of `before`) with each row that `after` replaced by its new Row. */
function withCurrentRows<T>(shown: Row<T>[], before: Row<T>[], after: Row<T>[]): Row<T>[] {
  const replaced = new Map<string, Row<T>>();
  for (let i = 0; i < after.length; i++) if (after[i] !== before[i]) replaced.set(after[i].id, after[i]);
  return replaced.size === 0 ? shown : shown.map((r) => replaced.get(r.id) ?? r);
}

function sameIds<T>(a: Row<T>[], b: Row<T>[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i] && a[i].id !== b[i].id) return false;
  return true;
}
