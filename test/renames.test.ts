import pg from "pg";
import { beforeEach, describe, expect, it } from "vitest";
import { addColumns, getColumn, updateColumn } from "../lib/metadata/columns";
import { ConflictError } from "../lib/metadata/conflict";
import { createEndpoint, getEndpoint, updateEndpoint } from "../lib/metadata/endpoints";
import { restoreFromHistory } from "../lib/metadata/history";
import { createTable, getTable, updateTable } from "../lib/metadata/tables";
import { endpointDefaults, endpointSchema } from "../lib/schemas/endpoint";
import { journey, newColumn, rows, tableValues, useMetadataDb } from "./helpers/metadata";
import { servers } from "./helpers/db";

/** One rename-propagation module (lib/metadata/renames.ts) serves edits and history restores alike. */
describe.each(servers().map((s) => [s.name, s.version] as const))("on %s (%s)", (serverName) => {
  const ctx = useMetadataDb(serverName);
  beforeEach(async () => {
    await ctx.pool.query("TRUNCATE _metadata.mappings_api_endpoint, _metadata.metadata_sync_log RESTART IDENTITY");
  });

  /** The id of the newest log entry about `table` row `id`. */
  async function lastEntryId(table: string, id: number): Promise<number> {
    const found = await rows<{ id: number }>(
      ctx.pool,
      "SELECT max(id)::int AS id FROM _metadata.metadata_sync_log WHERE table_name = $1 AND record_id = $2",
      [table, id],
    );
    return found[0].id;
  }

  /** Copies of names that disagree with the row they were copied from (none after any rename). */
  async function staleCopies() {
    return rows(
      ctx.pool,
      `SELECT 'column ' || c.id AS what FROM _metadata.mappings_column c JOIN _metadata.mappings_table t ON t.id = c.table_id
        WHERE (c.schema_name, c.table_name) IS DISTINCT FROM (t.schema_name, t.table_name)
       UNION ALL
       SELECT 'relation ' || r.id FROM _metadata.mappings_relation r
         JOIN _metadata.mappings_table f ON f.id = r.from_table_id JOIN _metadata.mappings_table t ON t.id = r.to_table_id
        WHERE (r.from_schema, r.from_table, r.to_schema, r.to_table) IS DISTINCT FROM (f.schema_name, f.table_name, t.schema_name, t.table_name)
           OR NOT EXISTS (SELECT 1 FROM _metadata.mappings_column c WHERE c.table_id = r.from_table_id AND c.pg_column = r.from_column)
           OR NOT EXISTS (SELECT 1 FROM _metadata.mappings_column c WHERE c.table_id = r.to_table_id AND c.pg_column = r.to_column)
       UNION ALL
       SELECT 'primary key of ' || t.id FROM _metadata.mappings_table t
        WHERE t.primary_key IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM _metadata.mappings_column c WHERE c.table_id = t.id AND c.pg_column = t.primary_key)`,
    );
  }

  const endpointValues = (endpoint_name: string) =>
    endpointSchema.parse({ ...endpointDefaults, endpoint_name, base_url: "https://api.github.com" });

  describe("endpoint renames", () => {
    it("a history restore of an endpoint rename carries the name back to the columns' api_endpoints and api_source_path", async () => {
      const users = await createTable(tableValues("users"), ctx.pool);
      const [login] = await addColumns(users.id, [newColumn("login", "TEXT")], ctx.pool);
      const endpoint = await createEndpoint(endpointValues("github_users"), ctx.pool);
      await updateColumn(
        login.id,
        login.rowVersion,
        { api_endpoints: '["github_users", "weather_api"]', api_source_path: "github_users" },
        ctx.pool,
      );
      const renamed = await updateEndpoint(endpoint.id, endpoint.rowVersion, { endpoint_name: "gh_users" }, ctx.pool);
      expect(await getColumn(login.id, ctx.pool)).toMatchObject({
        api_endpoints: ["gh_users", "weather_api"],
        api_source_path: "gh_users",
      });

      await restoreFromHistory(await lastEntryId("mappings_api_endpoint", renamed.id), "before", ctx.pool);
      expect((await getEndpoint(endpoint.id, ctx.pool))?.endpoint_name).toBe("github_users");
      expect(await getColumn(login.id, ctx.pool)).toMatchObject({
        api_endpoints: ["github_users", "weather_api"],
        api_source_path: "github_users",
      });
    });
  });

  describe("table and key-column renames at once", () => {
    it("a table rename racing a rename of its key column never deadlocks (12 rounds), and leaves no stale copy", { timeout: 90_000 }, async () => {
      // Each call gets its own pool, so the two transactions really run side by side.
      const pools = [0, 1].map(() => new pg.Pool({ connectionString: ctx.db.url, max: 1 }));
      try {
        for (let round = 0; round < 12; round++) {
          await ctx.pool.query("TRUNCATE _metadata.mappings_relation, _metadata.mappings_column, _metadata.mappings_table CASCADE");
          const { users, userColumns, posts } = await journey(ctx.pool);
          const key = userColumns[0];
          const outcomes = await Promise.allSettled([
            updateTable(users.id, users.rowVersion, { table_name: `members_${round}` }, pools[0]),
            updateColumn(key.id, key.rowVersion, { pg_column: `user_key_${round}` }, pools[1]),
          ]);
          for (const outcome of outcomes) {
            // The one that waited may find the row changed meanwhile (a conflict the user settles): never a deadlock.
            if (outcome.status === "rejected") expect(outcome.reason, `round ${round}`).toBeInstanceOf(ConflictError);
          }
          expect(outcomes.some((o) => o.status === "fulfilled"), `round ${round}`).toBe(true);
          expect(await staleCopies(), `round ${round}`).toEqual([]);
          const table = await getTable(users.id, ctx.pool);
          const column = await getColumn(key.id, ctx.pool);
          expect(table?.primary_key).toBe(column?.pg_column);
          expect(column?.table_name).toBe(table?.table_name);
          expect((await getTable(posts.id, ctx.pool))?.table_name).toBe("posts");
        }
      } finally {
        await Promise.all(pools.map((p) => p.end()));
      }
    });
  });
});
