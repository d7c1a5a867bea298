import { describe, expect, it } from "vitest";
import {
  createTable,
  getCoreRowModel,
  getFilteredRowModel,
  getSortedRowModel,
  type ColumnDef,
  type FilterFn,
  type RowModel,
  type SortingState,
  type TableState,
  type VisibilityState,
} from "@tanstack/table-core";
import { canGlobalFilter, globalFilterValue, matchesGlobalFilter } from "./filter";
import { gridRowModels } from "./row-models";

interface R {
  id: number;
  name: string;
  n: number;
}

const columns: ColumnDef<R, unknown>[] = [{ accessorKey: "name" }, { accessorKey: "n" }];

/** A table-core table as DataGrid sets it up (or with TanStack's stock row models), driven by hand. */
function grid(initial: R[], stock = false) {
  let data = initial;
  let state: TableState | null = null;
  const models = stock
    ? { getCoreRowModel: getCoreRowModel<R>(), getFilteredRowModel: getFilteredRowModel<R>(), getSortedRowModel: getSortedRowModel<R>() }
    : gridRowModels<R>();
  const options = () => ({
    data,
    columns,
    getRowId: (r: R) => String(r.id),
    state: state ?? {},
    onStateChange: () => {},
    renderFallbackValue: null,
    globalFilterFn: "includesString" as const,
    autoResetPageIndex: false,
    ...models,
  });
  const table = createTable<R>(options());
  state = { ...table.initialState };
  table.setOptions((prev) => ({ ...prev, ...options() }));
  const set = (next: { data?: R[]; sorting?: SortingState; filter?: string }) => {
    if (next.data) data = next.data;
    if (next.sorting) state = { ...state!, sorting: next.sorting };
    if (next.filter !== undefined) state = { ...state!, globalFilter: next.filter || undefined };
    table.setOptions((prev) => ({ ...prev, ...options() }));
  };
  return { table, set, data: () => data };
}

const ids = <X,>(model: RowModel<X>) => model.rows.map((r) => r.id);
const rowsOf = (n: number): R[] => Array.from({ length: n }, (_, i) => ({ id: i + 1, name: `row ${i + 1}`, n: i % 7 }));
const edit = (all: R[], id: number, patch: Partial<R>) => all.map((r) => (r.id === id ? { ...r, ...patch } : r));

describe("the grid's row models", () => {
  it("a saved edit makes one new Row: every other row keeps its Row object, the ids map to the new one", () => {
    const g = grid(rowsOf(50));
    const before = g.table.getCoreRowModel();
    g.set({ data: edit(g.data(), 7, { name: "renamed" }) });
    const after = g.table.getCoreRowModel();
    expect(after).not.toBe(before);
    const changed = after.rows.filter((row, i) => row !== before.rows[i]).map((r) => r.id);
    expect(changed).toEqual(["7"]);
    expect(after.rowsById["7"].original.name).toBe("renamed");
    expect(after.rowsById["7"].getValue("name")).toBe("renamed");
    expect(after.rowsById["7"].index).toBe(6);
    expect(g.table.getRowModel().rows[6]).toBe(after.rowsById["7"]);
  });

  it("the same array gives the same model; a new array of new objects gives new Rows with the same ids", () => {
    const g = grid(rowsOf(5));
    const first = g.table.getRowModel();
    g.set({});
    expect(g.table.getRowModel()).toBe(first);
    g.set({ data: g.data().map((r) => ({ ...r })) });
    const next = g.table.getCoreRowModel();
    expect(next.rows.every((row, i) => row !== first.rows[i] && row.id === first.rows[i].id)).toBe(true);
  });

  it("under a sort, an edited row keeps its place until the sort changes", () => {
    const g = grid(rowsOf(5));
    g.set({ sorting: [{ id: "name", desc: true }] });
    expect(ids(g.table.getRowModel())).toEqual(["5", "4", "3", "2", "1"]);
    g.set({ data: edit(g.data(), 2, { name: "row 9" }) });
    const kept = g.table.getRowModel();
    expect(ids(kept)).toEqual(["5", "4", "3", "2", "1"]);
    expect(kept.rows[3].original.name).toBe("row 9");
    expect(kept.rows[3].getValue("name")).toBe("row 9");
    expect(kept.rowsById["2"]).toBe(kept.rows[3]);
    expect(g.table.getCoreRowModel().rowsById["2"]).toBe(kept.rows[3]);
    g.set({ sorting: [{ id: "name", desc: true }] }); // a new sorting state: sorted again
    expect(ids(g.table.getRowModel())).toEqual(["2", "5", "4", "3", "1"]);
  });

  it("under a filter, an edited row that no longer matches stays until the filter changes", () => {
    const g = grid(rowsOf(12));
    g.set({ filter: "row 1" });
    expect(ids(g.table.getRowModel())).toEqual(["1", "10", "11", "12"]);
    g.set({ data: edit(g.data(), 11, { name: "gone" }) });
    expect(ids(g.table.getRowModel())).toEqual(["1", "10", "11", "12"]);
    expect(g.table.getRowModel().rows[2].original.name).toBe("gone");
    g.set({ filter: "row 1" }); // the same text again is no change
    expect(ids(g.table.getRowModel())).toEqual(["1", "10", "11", "12"]);
    g.set({ filter: "row 12" });
    expect(ids(g.table.getRowModel())).toEqual(["12"]);
  });

  it("rows added, removed or moved are filtered and sorted again", () => {
    const g = grid(rowsOf(4));
    g.set({ filter: "row" });
    const moved = [g.data()[1], g.data()[0], g.data()[2], g.data()[3]];
    g.set({ data: moved });
    expect(ids(g.table.getRowModel())).toEqual(["2", "1", "3", "4"]);
    g.set({ data: [...moved, { id: 9, name: "other", n: 0 }, { id: 8, name: "row 8", n: 0 }] });
    expect(ids(g.table.getRowModel())).toEqual(["2", "1", "3", "4", "8"]);
    g.set({ sorting: [{ id: "name", desc: false }] });
    g.set({ data: g.data().filter((r) => r.id !== 3) });
    expect(ids(g.table.getRowModel())).toEqual(["1", "2", "4", "8"]);
  });

  it("agrees with TanStack's stock row models on what it does again (seeded random runs)", () => {
    let seed = 11;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const pick = <X,>(xs: X[]) => xs[Math.floor(random() * xs.length)];
    for (let run = 0; run < 40; run++) {
      const ours = grid(rowsOf(30));
      const stock = grid(rowsOf(30), true);
      let nextId = 100;
      let filter = "";
      for (let step = 0; step < 25; step++) {
        const all = ours.data();
        const op = pick(["edit", "edit", "edit", "add", "remove", "move", "sort", "filter"] as const);
        let change: Parameters<typeof ours.set>[0] = {};
        if (op === "edit") change = { data: edit(all, pick(all).id, { name: `row ${Math.floor(random() * 40)}`, n: Math.floor(random() * 5) }) };
        else if (op === "add") change = { data: [...all, { id: nextId++, name: `row ${Math.floor(random() * 40)}`, n: 1 }] };
        else if (op === "remove") {
          const gone = pick(all);
          change = { data: all.filter((r) => r !== gone) };
        } else if (op === "move") change = { data: [...all.slice(1), all[0]] };
        else if (op === "sort") change = { sorting: random() < 0.3 ? [] : [{ id: pick(["name", "n"]), desc: random() < 0.5 }] };
        else change = { filter: pick(["", "row 1", "2", "row"]) };
        const refiltered = op === "filter" && change.filter !== filter;
        if (op === "filter") filter = change.filter ?? "";
        const before = ids(ours.table.getRowModel());
        ours.set(change);
        stock.set(change);
        const got = ids(ours.table.getRowModel());
        const want = ids(stock.table.getRowModel());
        // Every row shown is the current data of its id.
        const current = new Map(ours.data().map((r) => [String(r.id), r]));
        expect(ours.table.getRowModel().rows.every((row) => row.original === current.get(row.id))).toBe(true);
        // The id index (built when read) names exactly the rows shown, each with its current data (a sorted
        // model's index holds the unsorted Rows, which TanStack's sort copies: the same data either way).
        const model = ours.table.getRowModel();
        const core = ours.table.getCoreRowModel();
        const indexed =
          Object.keys(model.rowsById).length === model.rows.length &&
          model.rows.every((row) => model.rowsById[row.id]?.original === row.original) &&
          core.rows.every((row) => core.rowsById[row.id] === row);
        expect(indexed).toBe(true);
        if (op === "edit") expect(got).toEqual(before);
        else if (op === "sort" || refiltered) expect(got).toEqual(want);
        else if (op === "filter") expect(got).toEqual(before); // the same filter again
        else {
          // Rows added, removed or moved: filtered again (the same rows as TanStack's), in data order when unsorted.
          expect([...got].sort()).toEqual([...want].sort());
          if (ours.table.getState().sorting.length === 0) expect(got).toEqual(want);
        }
      }
    }
  });
});

interface Q {
  id: number;
  name: string;
  label: string | null;
  size: number;
  on: boolean;
}

/** The grid's quick search as DataGrid sets it up (or on TanStack's stock filtered model), driven by hand. */
function searchGrid(initial: Q[], stock = false) {
  let data = initial;
  let state: TableState | null = null;
  const models = stock ? { getCoreRowModel: getCoreRowModel<Q>(), getFilteredRowModel: getFilteredRowModel<Q>() } : gridRowModels<Q>();
  const qColumns: ColumnDef<Q, unknown>[] = [{ accessorKey: "name" }, { accessorKey: "label" }, { accessorKey: "size" }, { accessorKey: "on" }];
  const options = () => ({
    data,
    columns: qColumns,
    getRowId: (r: Q) => String(r.id),
    state: state ?? {},
    onStateChange: () => {},
    renderFallbackValue: null,
    globalFilterFn: matchesGlobalFilter as FilterFn<Q>,
    getColumnCanGlobalFilter: canGlobalFilter,
    autoResetPageIndex: false,
    ...models,
  });
  const table = createTable<Q>(options());
  state = { ...table.initialState };
  table.setOptions((prev) => ({ ...prev, ...options() }));
  const set = (next: { data?: Q[]; query?: string; hidden?: string[] }) => {
    if (next.data) data = next.data;
    const visibility: VisibilityState = Object.fromEntries((next.hidden ?? []).map((id) => [id, false]));
    if (next.hidden) state = { ...state!, columnVisibility: visibility };
    if (next.query !== undefined || next.hidden)
      state = { ...state!, globalFilter: globalFilterValue(next.query ?? "", state!.columnVisibility) };
    table.setOptions((prev) => ({ ...prev, ...options() }));
  };
  return { table, set, data: () => data };
}

describe("the grid's quick search", () => {
  it("keeps the rows TanStack's own filtered model keeps with the grid's filter function (seeded random runs)", () => {
    let seed = 5;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const pick = <X,>(xs: readonly X[]) => xs[Math.floor(random() * xs.length)];
    const words = ["Customer", "ORDER", "주문", "status", "e_mail", "ΣΊΣΥΦΟΣ", ""];
    const qRow = (id: number): Q => ({
      id,
      name: `${pick(words)}_${Math.floor(random() * 30)}`,
      label: random() < 0.2 ? null : pick(words),
      size: Math.floor(random() * 300),
      on: random() < 0.5,
    });
    const queries = ["", "c", "cu", "CUSTOMER_1", "er_", "주", "12", "1", "true", "null", "r\u0000o", "σ", "ς", "_", " status "];
    for (let run = 0; run < 10; run++) {
      const first = Array.from({ length: 40 }, (_, i) => qRow(i + 1));
      const ours = searchGrid(first);
      const stock = searchGrid(first, true);
      for (let step = 0; step < 30; step++) {
        const op = pick(["query", "query", "query", "edit", "hide"] as const);
        const all = ours.data();
        const change =
          op === "query"
            ? { query: pick(queries) }
            : op === "hide"
              ? { hidden: random() < 0.4 ? [] : [pick(["name", "label", "size"])] }
              : { data: all.map((r) => (r === all[step % all.length] ? { ...qRow(r.id) } : r)) };
        ours.set(change);
        stock.set(change);
        // A saved edit keeps the shown rows until the filter changes (as above); then both filter the current data.
        if (op !== "edit") expect(ids(ours.table.getRowModel())).toEqual(ids(stock.table.getRowModel()));
      }
    }
  });

  it("a row object replaced by an edit is searched by its new text at the next keystroke", () => {
    const rows: Q[] = [
      { id: 1, name: "alpha", label: "A", size: 1, on: true },
      { id: 2, name: "beta", label: "B", size: 22, on: false },
    ];
    const g = searchGrid(rows);
    g.set({ query: "alp" });
    expect(ids(g.table.getRowModel())).toEqual(["1"]);
    g.set({ data: [rows[0], { ...rows[1], name: "alpine" }] });
    g.set({ query: "alpi" });
    expect(ids(g.table.getRowModel())).toEqual(["2"]);
    g.set({ query: "22" });
    expect(ids(g.table.getRowModel())).toEqual(["2"]);
    g.set({ hidden: ["size"], query: "22" });
    expect(ids(g.table.getRowModel())).toEqual([]);
  });
});
