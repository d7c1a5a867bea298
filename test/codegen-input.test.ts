import { describe, expect, it } from "vitest";
import { IncrementalCodegenInput, loadCodegenInput, loadTableCodegenInput, PAGE_COLUMNS_SQL } from "../lib/metadata/codegen-input";
import type { CodegenInput, TableInput } from "../lib/codegen/model";
import { resolveModel } from "../lib/codegen/resolve";
import { journey, useMetadataDb } from "./helpers/metadata";

const stray = (input: CodegenInput) => resolveModel(input).problems[0].message.replace(/^.*(UPDATE .*;)$/s, "$1");
const byId = (tables: TableInput[]) =>
  Object.fromEntries(tables.map((t) => [t.id, { ...t, columns: [...t.columns].sort((a, b) => a.id - b.id) }]));

describe("the code generators' metadata loaders", () => {
  const ctx = useMetadataDb();

  it("a table page reads the same tables and columns as the whole project's load", async () => {
    const { users, posts } = await journey(ctx.pool);
    const whole = byId((await loadCodegenInput(ctx.pool)).tables);
    for (const id of [users.id, posts.id]) {
      const page = await loadTableCodegenInput(id, ctx.pool);
      expect(page.tables.map((t) => t.id).sort()).toEqual([users.id, posts.id].sort());
      for (const t of page.tables) expect(byId([t])[t.id]).toEqual(whole[t.id]);
    }
    expect(whole[users.id].columns.map((c) => c.pg_column)).toEqual(["id", "email", "name"]);
  });

  it("a table page's columns are found through the spec's (schema_name, table_name, sort_order) index", async () => {
    const { users } = await journey(ctx.pool);
    const client = await ctx.pool.connect();
    try {
      await client.query("BEGIN");
      // The test database is tiny: a sequential scan would win on cost; what is checked is that the index serves.
      await client.query("SET LOCAL enable_seqscan = off");
      const plan = (await client.query<{ "QUERY PLAN": string }>(`EXPLAIN ${PAGE_COLUMNS_SQL}`, [[users.id]])).rows.map((r) => r["QUERY PLAN"]).join("\n");
      expect(plan).toMatch(/Index (Only )?Scan using (idx_mappings_column_table_order|mappings_column_schema_name_table_name_pg_column_key) on mappings_column/);
      expect(plan).not.toMatch(/Seq Scan on mappings_column/);
    } finally {
      await client.query("ROLLBACK");
      client.release();
    }
  });

  it("a column whose copy of its table's names disagrees with its table_id (psql) is read by no loader, and each reports it", async () => {
    const { users, posts } = await journey(ctx.pool);
    await ctx.pool.query("UPDATE _metadata.mappings_column SET table_name = 'posts' WHERE table_id = $1 AND pg_column = 'name'", [users.id]);
    const inputs = [await loadCodegenInput(ctx.pool), await loadTableCodegenInput(users.id, ctx.pool), await new IncrementalCodegenInput().load(ctx.pool)];
    const [{ id: nameId }] = (await ctx.pool.query("SELECT id::int FROM _metadata.mappings_column WHERE table_id = $1 AND pg_column = 'name'", [users.id])).rows;
    for (const input of inputs) {
      const tables = byId(input.tables);
      expect(tables[users.id].columns.map((c) => c.pg_column)).toEqual(["id", "email"]);
      expect(tables[posts.id].columns.map((c) => c.pg_column)).toEqual(["id", "title", "user_id"]);
      const stray = resolveModel(input).problems.filter((p) => p.target.kind === "column" && p.target.field === "table_name");
      expect(stray).toEqual([
        {
          tableId: users.id,
          table: "users",
          target: { kind: "column", columnId: nameId, column: "name", field: "table_name" },
          message: expect.stringContaining("says public.posts, but its table is public.users"),
        },
      ]);
      expect(stray[0].message).toContain(`UPDATE _metadata.mappings_column SET schema_name = 'public', table_name = 'users' WHERE table_id = ${users.id};`);
    }
    // Mended as the message says, the column is back and the problem gone.
    await ctx.pool.query(stray(await loadCodegenInput(ctx.pool)));
    const mended = await loadCodegenInput(ctx.pool);
    expect(byId(mended.tables)[users.id].columns.map((c) => c.pg_column)).toEqual(["id", "email", "name"]);
    expect(mended.strayColumns).toEqual([]);
  });
});
