import { describe, expect, it } from "vitest";
import { IncrementalCodegenInput, loadCodegenInput, loadTableCodegenInput, PAGE_COLUMNS_SQL } from "../lib/metadata/codegen-input";
import type { TableInput } from "../lib/codegen/model";
import { journey, useMetadataDb } from "./helpers/metadata";

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

  it("a column whose copy of its table's names disagrees with its table_id (psql) is read by no loader", async () => {
    const { users, posts } = await journey(ctx.pool);
    await ctx.pool.query("UPDATE _metadata.mappings_column SET table_name = 'posts' WHERE table_id = $1 AND pg_column = 'name'", [users.id]);
    const whole = byId((await loadCodegenInput(ctx.pool)).tables);
    const page = byId((await loadTableCodegenInput(users.id, ctx.pool)).tables);
    const watched = byId((await new IncrementalCodegenInput().load(ctx.pool)).tables);
    for (const tables of [whole, page, watched]) {
      expect(tables[users.id].columns.map((c) => c.pg_column)).toEqual(["id", "email"]);
      expect(tables[posts.id].columns.map((c) => c.pg_column)).toEqual(["id", "title", "user_id"]);
    }
  });
});
