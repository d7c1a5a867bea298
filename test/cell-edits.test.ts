import { describe, expect, it } from "vitest";
import { MAX_CELL_EDITS } from "../lib/actions/cell-edit-limits";
import { runCellEdits } from "../lib/actions/result";
import { applyCellEdits } from "../lib/metadata/cell-edits";
import { COLUMN_CELL_EDITS, addColumns, getColumn, updateColumn } from "../lib/metadata/columns";
import { TABLE_CELL_EDITS, createTable, getTable } from "../lib/metadata/tables";
import { COLUMN_FIELDS } from "../lib/schemas/column";
import { TABLE_FIELDS } from "../lib/schemas/table";
import { newColumn, snapshot, tableValues, useMetadataDb } from "./helpers/metadata";

const ctx = useMetadataDb();

/** The grids' batch action (paste, fill down, undo) as the server runs it, on this file's database. */
const columnCells = (input: unknown) => runCellEdits(COLUMN_FIELDS, input, (edits) => applyCellEdits(COLUMN_CELL_EDITS, edits, ctx.pool));
const tableCells = (input: unknown) => runCellEdits(TABLE_FIELDS, input, (edits) => applyCellEdits(TABLE_CELL_EDITS, edits, ctx.pool));

async function twoColumns(table: string) {
  const t = await createTable(tableValues(table), ctx.pool);
  const [a, b] = await addColumns(t.id, [newColumn("email", "TEXT"), newColumn("name", "TEXT")], ctx.pool);
  return { t, a, b };
}

describe("batch cell edits", () => {
  it("writes a pasted range (several rows, several fields) in one go and returns the rows", async () => {
    const { a, b } = await twoColumns("paste_ok");
    const result = await columnCells({
      edits: [
        { id: a.id, rowVersion: a.rowVersion, field: "label", value: "이메일" },
        { id: a.id, rowVersion: a.rowVersion, field: "is_required", value: true },
        { id: b.id, rowVersion: b.rowVersion, field: "label", value: "이름" },
        { id: b.id, rowVersion: b.rowVersion, field: "pg_type", value: "VARCHAR(80)" },
      ],
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.data.map((r) => [r.id, r.label])).toEqual([[a.id, "이메일"], [b.id, "이름"]]);
    expect(await getColumn(a.id, ctx.pool)).toMatchObject({ label: "이메일", is_required: true });
    expect(await getColumn(b.id, ctx.pool)).toMatchObject({ label: "이름", pg_type: "VARCHAR(80)" });
  });

  it("refuses the whole batch, with every bad cell named by its index, when any cell is bad", async () => {
    const { a, b } = await twoColumns("paste_bad");
    const before = await snapshot(ctx.pool);
    const result = await columnCells({
      edits: [
        { id: a.id, rowVersion: a.rowVersion, field: "label", value: "fine" },
        { id: a.id, rowVersion: a.rowVersion, field: "comment", value: { object: "as text" } },
        { id: b.id, rowVersion: b.rowVersion, field: "no_such_field", value: "x" },
        { id: b.id, rowVersion: b.rowVersion, field: "pg_column", value: "Bad Name!" },
        { id: b.id, rowVersion: b.rowVersion, field: "is_required", value: "true" },
      ],
    });
    expect(result).toMatchObject({ ok: false, formError: "Nothing was saved: 4 cells are not valid." });
    const errors = "fieldErrors" in result ? result.fieldErrors! : {};
    expect(Object.keys(errors).sort()).toEqual(["edits.1", "edits.2", "edits.3", "edits.4"]);
    expect(errors["edits.2"]).toBe('"no_such_field" cannot be edited here.');
    expect(await snapshot(ctx.pool)).toEqual(before);
  });

  it("refuses a type the server does not know, a stale row version and a duplicate name, writing nothing", async () => {
    const { a, b } = await twoColumns("paste_db");
    const before = await snapshot(ctx.pool);
    const type = await columnCells({
      edits: [
        { id: a.id, rowVersion: a.rowVersion, field: "label", value: "ok" },
        { id: b.id, rowVersion: b.rowVersion, field: "pg_type", value: "VARCHR(10)" },
      ],
    });
    expect(type).toMatchObject({ ok: false, fieldErrors: { "edits.1": 'PostgreSQL does not know the type "VARCHR(10)".' } });

    const duplicate = await columnCells({
      edits: [
        { id: a.id, rowVersion: a.rowVersion, field: "label", value: "ok" },
        { id: b.id, rowVersion: b.rowVersion, field: "pg_column", value: "email" },
      ],
    });
    expect(duplicate.ok).toBe(false);
    expect("fieldErrors" in duplicate && Object.keys(duplicate.fieldErrors ?? {})).toEqual(["edits.1"]);
    expect(await snapshot(ctx.pool)).toEqual(before);

    // Someone else changes b meanwhile: an undo holding b's old version must not overwrite it.
    await updateColumn(b.id, b.rowVersion, { label: "theirs" }, ctx.pool);
    const stale = await columnCells({
      edits: [
        { id: a.id, rowVersion: a.rowVersion, field: "label", value: "mine" },
        { id: b.id, rowVersion: b.rowVersion, field: "label", value: "mine" },
      ],
    });
    expect(stale).toMatchObject({ ok: false, fieldErrors: { "edits.1": expect.stringContaining("Someone else changed this row") } });
    expect((await getColumn(a.id, ctx.pool))!.label).toBe("Email");
    expect((await getColumn(b.id, ctx.pool))!.label).toBe("theirs");
  });

  it("refuses malformed envelopes: too many cells, not an array, a row with two versions, a cell twice", async () => {
    const { a } = await twoColumns("paste_env");
    const cell = { id: a.id, rowVersion: a.rowVersion, field: "label", value: "x" };
    expect(await columnCells({ edits: Array.from({ length: 100_000 }, () => cell) })).toMatchObject({
      ok: false,
      formError: `At most ${MAX_CELL_EDITS.toLocaleString("en-US")} cells at once.`,
    });
    expect(await columnCells({ edits: "label" })).toMatchObject({ ok: false });
    expect(await columnCells(null)).toMatchObject({ ok: false });
    expect(await columnCells({ edits: [] })).toMatchObject({ ok: false, formError: "Nothing to change." });
    expect(await columnCells({ edits: [cell, cell] })).toMatchObject({ ok: false, fieldErrors: { "edits.1": "This cell is changed twice in one request." } });
    const other = { ...cell, field: "comment", rowVersion: "2020-01-01T00:00:00.000000Z" };
    expect(await columnCells({ edits: [cell, other] })).toMatchObject({ ok: false, fieldErrors: { "edits.1": "Two versions of one row in one request." } });
    expect((await getColumn(a.id, ctx.pool))!.label).toBe("Email");
  });

  it("carries a table rename made by a paste to its columns, as a single edit does", async () => {
    const { t, a } = await twoColumns("paste_rename");
    const result = await tableCells({ edits: [{ id: t.id, rowVersion: t.rowVersion, field: "table_name", value: "pasted_name" }] });
    expect(result.ok).toBe(true);
    expect((await getTable(t.id, ctx.pool))!.table_name).toBe("pasted_name");
    expect((await getColumn(a.id, ctx.pool))!.table_name).toBe("pasted_name");
  });
});
