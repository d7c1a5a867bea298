import { beforeEach, describe, expect, it } from "vitest";
import {
  BackupRefusedError,
  exportMetadata,
  previewRestore,
  restoreMetadata,
  type BackupDocument,
  type BackupRow,
} from "../lib/metadata/backup";
import { FieldError } from "../lib/metadata/conflict";
import { createEndpoint } from "../lib/metadata/endpoints";
import { restoreFromHistory } from "../lib/metadata/history";
import { endpointDefaults, endpointSchema } from "../lib/schemas/endpoint";
import { journey, rows, snapshot, thrown, useMetadataDb } from "./helpers/metadata";
import { servers } from "./helpers/db";

/** Restores are writers like any other: every row they put back passes the schemas an edit passes. */
describe.each(servers().map((s) => [s.name, s.version] as const))("on %s (%s)", (serverName) => {
  const ctx = useMetadataDb(serverName);
  beforeEach(async () => {
    await ctx.pool.query("TRUNCATE _metadata.mappings_api_endpoint, _metadata.metadata_sync_log, _metadata.project RESTART IDENTITY");
    await ctx.pool.query(
      "INSERT INTO _metadata.project (id, project_id, project_name, root_path) VALUES (1, 'shop', 'Shop', '/srv/shop')",
    );
  });

  async function backupOfJourney() {
    await journey(ctx.pool);
    await createEndpoint(
      endpointSchema.parse({ ...endpointDefaults, endpoint_name: "github_users", base_url: "https://api.github.com" }),
      ctx.pool,
    );
    return exportMetadata(ctx.pool);
  }

  /** `doc` with the rows of `table` passed through `change` (by id). */
  function altered(doc: BackupDocument, table: keyof BackupDocument["tables"], id: number, change: Partial<BackupRow>) {
    const rows = doc.tables[table].map((r) => (r.id === id ? { ...r, ...change } : r));
    return { ...doc, tables: { ...doc.tables, [table]: rows } } as BackupDocument;
  }

  /** Both the preview and the restore refuse `doc`; returns the problems; the metadata is as it was. */
  async function refused(doc: BackupDocument): Promise<string[]> {
    const before = JSON.stringify((await exportMetadata(ctx.pool)).tables);
    const previewed = await thrown(previewRestore(ctx.pool, doc));
    const restored = await thrown(restoreMetadata(ctx.pool, doc));
    for (const error of [previewed, restored]) {
      expect(error).toBeInstanceOf(BackupRefusedError);
      expect((error as Error).message).toMatch(/^The backup has \d+ rows? that the editor would refuse as an edit; nothing was restored\.$/);
    }
    expect((restored as BackupRefusedError).problems).toEqual((previewed as BackupRefusedError).problems);
    expect(JSON.stringify((await exportMetadata(ctx.pool)).tables)).toBe(before);
    return (restored as BackupRefusedError).problems;
  }

  describe("a backup restore refuses rows an edit would refuse, and lists each", () => {
    it("a table name with SQL in it", async () => {
      const doc = await backupOfJourney();
      const users = doc.tables.mappings_table.find((t) => t.table_name === "users")!;
      const problems = await refused(altered(doc, "mappings_table", users.id, { table_name: "users; DROP TABLE orders" }));
      expect(problems[0]).toBe(
        `mappings_table #${users.id} public.users; DROP TABLE orders: table_name: Use letters, digits and underscores, starting with a letter or underscore (no spaces, quotes, - or $).`,
      );
      // Its columns and the relation to it now name a table that is not theirs: refused too.
      expect(problems.slice(1).every((p) => /table_name: says public\.users, but its table \(id \d+\) is public\.users; DROP TABLE orders/.test(p))).toBe(true);
      expect(problems).toHaveLength(1 + 3 + 1);
    });

    it("a column name that breaks out of its quotes, a type with a statement in it, a type the server does not know", async () => {
      const doc = await backupOfJourney();
      const [id, email, name] = doc.tables.mappings_column;
      let hostile = altered(doc, "mappings_column", email.id, { pg_column: 'x" OR 1=1 --' });
      hostile = altered(hostile, "mappings_column", name.id, { pg_type: "int); DROP TABLE users; --" });
      hostile = altered(hostile, "mappings_column", id.id, { pg_type: "BIGINTEGER" });
      expect(await refused(hostile)).toEqual([
        `mappings_column #${id.id} users.id: pg_type: PostgreSQL does not know the type "BIGINTEGER".`,
        `mappings_column #${email.id} users.x" OR 1=1 --: pg_column: Use letters, digits and underscores, starting with a letter or underscore (no spaces, quotes, - or $).`,
        `mappings_column #${name.id} users.name: pg_type: A PostgreSQL type such as VARCHAR(255), BIGINT or TIMESTAMPTZ.`,
      ]);
    });

    it("an endpoint name the form refuses, and a column whose table_name disagrees with its table", async () => {
      const doc = await backupOfJourney();
      const endpoint = doc.tables.mappings_api_endpoint[0];
      const title = doc.tables.mappings_column.find((c) => c.pg_column === "title")!;
      let hostile = altered(doc, "mappings_api_endpoint", endpoint.id, { endpoint_name: "Bad Name!" });
      hostile = altered(hostile, "mappings_column", title.id, { table_name: "users" });
      expect(await refused(hostile)).toEqual([
        `mappings_column #${title.id} users.title: table_name: says public.users, but its table (id ${title.table_id}) is public.posts`,
        `mappings_api_endpoint #${endpoint.id} Bad Name!: endpoint_name: Lower-case letters, digits and underscores, starting with a letter, e.g. github_user_api.`,
      ]);
    });

    it("a relation naming a column its table does not have, and a log entry about a table that is not recorded", async () => {
      const doc = await backupOfJourney();
      const relation = doc.tables.mappings_relation[0];
      const entry = doc.tables.metadata_sync_log[0];
      let hostile = altered(doc, "mappings_relation", relation.id, { to_column: "uid" });
      hostile = altered(hostile, "metadata_sync_log", entry.id, { table_name: "pg_authid" });
      const problems = await refused(hostile);
      expect(problems).toEqual([
        `mappings_relation #${relation.id} posts.user_id → users.uid: to_column: users has no column "uid" in the backup`,
        `metadata_sync_log #${entry.id} INSERT pg_authid #${entry.record_id}: table_name: not a table the history records`,
      ]);
    });

    it("a backup holding an applied change plan's log entry (database / APPLY) restores", async () => {
      await ctx.pool.query(
        `INSERT INTO _metadata.metadata_sync_log (table_name, operation, new_data, generation_time_ms)
         VALUES ('database', 'APPLY', '{"statements": 1}'::jsonb, 5)`,
      );
      const doc = await backupOfJourney();
      expect(doc.tables.metadata_sync_log.some((row) => row.operation === "APPLY")).toBe(true);
      await restoreMetadata(ctx.pool, doc);
      expect((await exportMetadata(ctx.pool)).tables).toEqual(doc.tables);
    });

    it("the unaltered backup of the same rows previews and restores (the checks refuse only what is wrong)", async () => {
      const doc = await backupOfJourney();
      expect((await previewRestore(ctx.pool, doc)).totals.changed).toBe(0);
      await restoreMetadata(ctx.pool, doc);
      expect((await exportMetadata(ctx.pool)).tables).toEqual(doc.tables);
    });
  });

  describe("a history restore refuses a version an edit would refuse", () => {
    /** A log entry written straight into the table (a crafted one): its id. */
    async function craft(table: string, newData: Record<string, unknown>) {
      const [row] = await rows<{ id: number }>(
        ctx.pool,
        `INSERT INTO _metadata.metadata_sync_log (table_name, operation, record_id, new_data) VALUES ($1, 'UPDATE', $2, $3::jsonb) RETURNING id`,
        [table, newData.id, JSON.stringify(newData)],
      );
      return row.id;
    }

    it("a crafted entry with SQL in a table name, a column type or an endpoint name changes nothing", async () => {
      const { users, userColumns } = await journey(ctx.pool);
      const [tableRow] = await rows(ctx.pool, "SELECT to_jsonb(t) AS j FROM _metadata.mappings_table t WHERE id = $1", [users.id]);
      const [columnRow] = await rows(ctx.pool, "SELECT to_jsonb(c) AS j FROM _metadata.mappings_column c WHERE id = $1", [userColumns[1].id]);
      const state = await snapshot(ctx.pool);
      const cases: [string, Record<string, unknown>, string][] = [
        ["mappings_table", { ...(tableRow.j as object), table_name: "users; DROP TABLE x" }, "table_name: Use letters, digits and underscores"],
        ["mappings_column", { ...(columnRow.j as object), pg_type: "int); DROP TABLE x; --" }, "pg_type: A PostgreSQL type such as"],
        ["mappings_column", { ...(columnRow.j as object), pg_type: "no_such_type" }, 'pg_type: PostgreSQL does not know the type "no_such_type"'],
        ["mappings_column", { ...(columnRow.j as object), pg_column: 'x" OR 1=1 --' }, "pg_column: Use letters, digits and underscores"],
        ["mappings_column", { ...(columnRow.j as object), is_required: "yes" }, "is_required must be true, false or null"],
        ["mappings_api_endpoint", { id: 1, endpoint_name: "Bad Name!", base_url: "https://x.example", method: "GET" }, "endpoint_name: Lower-case letters"],
      ];
      for (const [table, data, reason] of cases) {
        const error = await thrown(restoreFromHistory(await craft(table, data), "after", ctx.pool));
        expect(error, reason).toBeInstanceOf(FieldError);
        expect((error as FieldError).field).toBe("entry");
        expect((error as Error).message).toContain(`This version cannot be restored: ${reason}`);
      }
      expect(await snapshot(ctx.pool)).toEqual(state);
      expect(await rows(ctx.pool, "SELECT 1 FROM _metadata.mappings_api_endpoint")).toEqual([]);
    });
  });
});
