import { describe, expect, it } from "vitest";
import { deleteColumn } from "../lib/metadata/columns";
import { FieldError } from "../lib/metadata/conflict";
import { undoDeletion } from "../lib/metadata/undo";
import { createTable, deleteTable } from "../lib/metadata/tables";
import { journey, rows, snapshot, tableValues, thrown, useMetadataDb } from "./helpers/metadata";
import type pg from "pg";

/** Every mapping row as JSON without updated_at (a restore writes it anew). */
const contents = async (pool: pg.Pool) =>
  (
    await rows<{ r: string }>(
      pool,
      `SELECT 't' || (to_jsonb(t) - 'updated_at')::text AS r FROM _metadata.mappings_table t
       UNION ALL SELECT 'c' || (to_jsonb(c) - 'updated_at')::text FROM _metadata.mappings_column c
       UNION ALL SELECT 'r' || (to_jsonb(r) - 'updated_at')::text FROM _metadata.mappings_relation r ORDER BY 1`,
    )
  ).map((x) => x.r);

/** The Undo after a delete: the row and everything deleted with it come back, or nothing does. */
describe("undo a deletion", () => {
  const ctx = useMetadataDb();

  it("a deleted table comes back with its columns and relations, ids and values as they were", async () => {
    const { pool } = ctx;
    const { users } = await journey(pool);
    const before = await contents(pool);
    await deleteTable(users.id, users.rowVersion, pool);
    expect(await contents(pool)).not.toEqual(before);
    expect(await undoDeletion("mappings_table", users.id, pool)).toEqual({ restored: 5 });
    expect(await contents(pool)).toEqual(before);
  });

  it("a column deleted on its own comes back with the relation that went with it", async () => {
    const { pool } = ctx;
    const { postColumns } = await journey(pool);
    const userId = postColumns.find((c) => c.pg_column === "user_id")!;
    const before = await contents(pool);
    await deleteColumn(userId.id, userId.rowVersion, pool);
    expect(await undoDeletion("mappings_column", userId.id, pool)).toEqual({ restored: 2 });
    expect(await contents(pool)).toEqual(before);
  });

  it("refuses when there is nothing to undo or a row cannot come back, and then changes nothing", async () => {
    const { pool } = ctx;
    const { users } = await journey(pool);
    expect(await thrown(undoDeletion("mappings_table", 987_654, pool))).toMatchObject({
      message: "The history holds no deletion of this row to undo.",
    });
    expect(await thrown(undoDeletion("mappings_table", users.id, pool))).toMatchObject({
      message: "This row exists again; there is nothing to undo.",
    });
    await deleteTable(users.id, users.rowVersion, pool);
    // Its name is taken meanwhile: the table cannot come back, so neither do its columns.
    await createTable(tableValues("users"), pool);
    const state = await snapshot(pool);
    const error = await thrown(undoDeletion("mappings_table", users.id, pool));
    expect(error).toBeInstanceOf(FieldError);
    expect(await snapshot(pool)).toEqual(state);
  });
});
