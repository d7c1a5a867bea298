import { describe, expect, it } from "vitest";
import { createTable, getCoreRowModel, type ColumnDef } from "@tanstack/table-core";
import { fieldColumn } from "./field-columns";
import { copyRange, planClear, planFillDown, planPaste, rangeOf } from "./range";
import { COLUMN_FIELDS } from "@/lib/schemas/column";

interface R {
  id: number;
  pg_column: string;
  label: string;
  is_required: boolean;
  sort_order: number | null;
  enum_options: unknown;
}

const columns: ColumnDef<R, unknown>[] = [
  ...(["pg_column", "label", "is_required", "sort_order", "enum_options"] as const).map((f) => fieldColumn<R, typeof COLUMN_FIELDS>(COLUMN_FIELDS, f, "en")),
  { id: "count", accessorFn: (r) => r.id * 10, header: "Count", meta: { editor: { kind: "readonly" } } },
];

function grid(data: R[]) {
  const table = createTable<R>({
    data,
    columns,
    getRowId: (r) => String(r.id),
    getCoreRowModel: getCoreRowModel(),
    state: {},
    onStateChange: () => {},
    renderFallbackValue: null,
  });
  return { rows: table.getRowModel().rows, cols: table.getAllLeafColumns() };
}

const data: R[] = [
  { id: 1, pg_column: "id", label: "ID", is_required: true, sort_order: 1, enum_options: null },
  { id: 2, pg_column: "email", label: "Email", is_required: false, sort_order: 2, enum_options: [{ value: "A", label: "a" }] },
  { id: 3, pg_column: "name", label: "Name", is_required: false, sort_order: null, enum_options: null },
];

describe("range edits", () => {
  const { rows, cols } = grid(data);
  const summary = (plan: { changes: { row: { id: string }; column: { id: string }; value: unknown; before: unknown }[] }) =>
    plan.changes.map((c) => [c.row.id, c.column.id, c.before, c.value]);

  it("copies a range as spreadsheet text: TRUE/FALSE, compact JSON, empty for null", () => {
    expect(copyRange(rangeOf({ row: 0, col: 2 }, { row: 1, col: 5 }), rows, cols)).toEqual([
      ["TRUE", "1", "", "10"],
      ["FALSE", "2", '[{"value":"A","label":"a"}]', "20"],
    ]);
  });

  it("pastes a block from the range's corner, typed per editor, skipping unchanged cells and clipping at the last row", () => {
    const plan = planPaste([["Mail", "true"], ["Full name", "no"], ["beyond", "x"]], rangeOf({ row: 1, col: 1 }, { row: 1, col: 1 }), rows, cols);
    expect(plan.problems).toEqual([]);
    expect(summary(plan)).toEqual([
      ["2", "label", "Email", "Mail"],
      ["2", "is_required", false, true],
      ["3", "label", "Name", "Full name"],
    ]);
  });

  it("fills a whole range with one copied cell", () => {
    const plan = planPaste([["7"]], rangeOf({ row: 0, col: 3 }, { row: 2, col: 3 }), rows, cols);
    expect(summary(plan)).toEqual([
      ["1", "sort_order", 1, 7],
      ["2", "sort_order", 2, 7],
      ["3", "sort_order", null, 7],
    ]);
  });

  it("reports every bad cell with the field's own message, and saves none", () => {
    const plan = planPaste([["Bad Name!", "x", "maybe", "1.5"]], rangeOf({ row: 0, col: 0 }, { row: 0, col: 0 }), rows, cols);
    expect(plan.changes.map((c) => c.column.id)).toEqual(["label"]);
    expect(plan.problems.map((p) => [p.colId, p.message.length > 0])).toEqual([
      ["pg_column", true],
      ["is_required", true],
      ["sort_order", true],
    ]);
    expect(plan.problems.find((p) => p.colId === "is_required")!.message).toBe("TRUE or FALSE expected.");
    expect(plan.problems.find((p) => p.colId === "sort_order")!.message).toBe("Enter a whole number.");
  });

  it("pasting a copied row back over a read-only column is no change; a different value there is refused", () => {
    expect(planPaste([["10"]], rangeOf({ row: 0, col: 5 }, { row: 0, col: 5 }), rows, cols)).toEqual({ changes: [], problems: [] });
    expect(planPaste([["11"]], rangeOf({ row: 0, col: 5 }, { row: 0, col: 5 }), rows, cols).problems[0].message).toBe("This cell is read-only.");
  });

  it("fills down from the top row of the range, or from the row above a one-row range", () => {
    expect(summary(planFillDown(rangeOf({ row: 0, col: 1 }, { row: 2, col: 2 }), rows, cols))).toEqual([
      ["2", "label", "Email", "ID"],
      ["2", "is_required", false, true],
      ["3", "label", "Name", "ID"],
      ["3", "is_required", false, true],
    ]);
    expect(summary(planFillDown(rangeOf({ row: 2, col: 4 }, { row: 2, col: 4 }), rows, cols))).toEqual([["3", "enum_options", null, [{ value: "A", label: "a" }]]]);
    expect(planFillDown(rangeOf({ row: 0, col: 1 }, { row: 0, col: 1 }), rows, cols).changes).toEqual([]);
  });

  it("clears text and number cells of a range, never checkboxes or read-only cells; a required one is a problem", () => {
    const plan = planClear(rangeOf({ row: 0, col: 1 }, { row: 0, col: 5 }), rows, cols);
    expect(summary(plan)).toEqual([["1", "sort_order", 1, null]]);
    expect(plan.problems.map((p) => p.colId)).toEqual(["label"]);
  });
});
