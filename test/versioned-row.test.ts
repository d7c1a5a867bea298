import pg from "pg";
import { describe, expect, it } from "vitest";
import { ConflictError, FieldError } from "../lib/metadata/conflict";
import { saveIfVersion } from "../lib/metadata/versioned-row";
import { getRelation, updateRelation } from "../lib/metadata/relations";
import { getTable, updateTable } from "../lib/metadata/tables";
import { getColumn, updateColumn, type ColumnRow } from "../lib/metadata/columns";
import { createEndpoint, getEndpoint, updateEndpoint } from "../lib/metadata/endpoints";
import { endpointDefaults, endpointSchema } from "../lib/schemas/endpoint";
import { journey, rows, thrown, useMetadataDb } from "./helpers/metadata";
import { servers } from "./helpers/db";

/** The row version (lib/metadata/versioned-row.ts) is one token, whatever session reads or checks it. */
describe.each(servers().map((s) => [s.name, s.version] as const))("on %s (%s)", (serverName) => {
  const ctx = useMetadataDb(serverName);
  // The log outlives each test's rows (whose ids start again): a test reads only what it logged.
  const lastLogId = async () => (await rows<{ id: number }>(ctx.pool, "SELECT coalesce(max(id), 0)::int AS id FROM _metadata.metadata_sync_log"))[0].id;

  describe("rowVersion", () => {
    it("a version read in one TimeZone is accepted by a session in another (two editor instances)", async () => {
      const seoul = new pg.Pool({ connectionString: ctx.db.url, max: 1, options: "-c TimeZone=Asia/Seoul" });
      const york = new pg.Pool({ connectionString: ctx.db.url, max: 1, options: "-c TimeZone=America/New_York" });
      try {
        const { users, author } = await journey(seoul);
        const table = (await getTable(users.id, seoul))!;
        expect(table.rowVersion).toMatch(/Z$/);
        expect((await updateTable(users.id, table.rowVersion, { label: "Members" }, york)).label).toBe("Members");
        const relation = (await getRelation(author.id, seoul))!;
        expect((await getRelation(author.id, york))!.rowVersion).toBe(relation.rowVersion);
        expect((await updateRelation(author.id, relation.rowVersion, { graphql_field: "writer" }, york)).graphql_field).toBe("writer");
      } finally {
        await Promise.all([seoul.end(), york.end()]);
      }
    });

    it("an update returns the row exactly as reading it again gives it (the UPDATE returns it in the read's shape)", async () => {
      const { users, userColumns } = await journey(ctx.pool);
      const endpoint = await createEndpoint(
        endpointSchema.parse({ ...endpointDefaults, endpoint_name: "github", base_url: "https://api.github.com" }),
        ctx.pool,
      );
      const table = await updateTable(users.id, users.rowVersion, { label: "회원", description: "people" }, ctx.pool);
      expect(table).toEqual(await getTable(users.id, ctx.pool));
      expect(table.label).toBe("회원");
      expect(table.rowVersion).not.toBe(users.rowVersion);
      // The returned version is the one the next edit carries: it must be accepted.
      expect((await updateTable(users.id, table.rowVersion, { label: "Members" }, ctx.pool)).label).toBe("Members");
      const email = userColumns[1];
      const column = await updateColumn(email.id, email.rowVersion, { label: "메일", is_required: false }, ctx.pool);
      expect(column).toEqual(await getColumn(email.id, ctx.pool));
      expect(column).toMatchObject({ label: "메일", is_required: false });
      const saved = await updateEndpoint(endpoint.id, endpoint.rowVersion, { description: "GitHub", timeout_ms: "5000" }, ctx.pool);
      expect(saved).toEqual(await getEndpoint(endpoint.id, ctx.pool));
      // A rename is read again after it was carried: the row as it is at the end of the transaction.
      const renamed = await updateColumn(column.id, column.rowVersion, { pg_column: "mail" }, ctx.pool);
      expect(renamed).toEqual(await getColumn(email.id, ctx.pool));
      expect(renamed.pg_column).toBe("mail");
    });

    it("a field edit that renames nothing is one statement (no BEGIN / COMMIT); a rename is a transaction", async () => {
      const sent: string[] = [];
      const pool = new pg.Pool({ connectionString: ctx.db.url, max: 1 });
      pool.on("connect", (client) => {
        const query = client.query.bind(client) as (...args: unknown[]) => unknown;
        (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args) => {
          const text = args[0];
          sent.push(typeof text === "string" ? text.trim().split(/\s+/)[0] : "(query object)");
          return query(...args);
        };
      });
      try {
        const { users, userColumns } = await journey(ctx.pool);
        sent.length = 0;
        const table = await updateTable(users.id, users.rowVersion, { label: "Members" }, pool);
        const column = await updateColumn(userColumns[2].id, userColumns[2].rowVersion, { label: "이름" }, pool);
        expect(sent).toEqual(["WITH", "WITH"]);
        expect(table).toEqual(await getTable(users.id, ctx.pool));
        expect(column).toEqual(await getColumn(userColumns[2].id, ctx.pool));
        sent.length = 0;
        await updateTable(users.id, table.rowVersion, { table_name: "members" }, pool);
        expect(sent[0]).toBe("BEGIN");
        expect(sent.at(-1)).toBe("COMMIT");
      } finally {
        await pool.end();
      }
    });

    it("an edit waiting for another transaction's change of the row is a conflict once that one commits (no lost update)", async () => {
      const { users } = await journey(ctx.pool);
      const from = await lastLogId();
      const theirs = await ctx.pool.connect();
      try {
        await theirs.query("BEGIN");
        await theirs.query("UPDATE _metadata.mappings_table SET label = 'Theirs' WHERE id = $1", [users.id]);
        const mine = thrown(updateTable(users.id, users.rowVersion, { label: "Mine" }, ctx.pool));
        // Mine is blocked on their row lock until they commit.
        let waited = false;
        for (let i = 0; i < 250 && !waited; i++) {
          const waiting = await rows(ctx.pool, "SELECT 1 FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE 'WITH r AS (UPDATE%'");
          waited = waiting.length > 0;
          if (!waited) await new Promise((r) => setTimeout(r, 20));
        }
        expect(waited).toBe(true);
        await theirs.query("COMMIT");
        const error = await mine;
        expect(error).toBeInstanceOf(ConflictError);
        expect((error as ConflictError<{ label: string }>).current?.label).toBe("Theirs");
      } finally {
        theirs.release();
      }
      expect((await getTable(users.id, ctx.pool))!.label).toBe("Theirs");
      const log = await rows<{ label: string }>(
        ctx.pool,
        `SELECT new_data->>'label' AS label FROM _metadata.metadata_sync_log
          WHERE table_name = 'mappings_table' AND record_id = $1 AND operation = 'UPDATE' AND id > $2 ORDER BY id`,
        [users.id, from],
      );
      expect(log.map((l) => l.label)).toEqual(["Theirs"]);
    });

    it("the one-statement edit logs its change once, and a unique violation is said as in the transaction", async () => {
      const { users, posts, userColumns, postColumns } = await journey(ctx.pool);
      const from = await lastLogId();
      const saved = await updateColumn(userColumns[2].id, userColumns[2].rowVersion, { label: "이름" }, ctx.pool);
      const log = await rows<{ old: string; new: string }>(
        ctx.pool,
        `SELECT old_data->>'label' AS old, new_data->>'label' AS new FROM _metadata.metadata_sync_log
          WHERE table_name = 'mappings_column' AND record_id = $1 AND operation = 'UPDATE' AND id > $2`,
        [saved.id, from],
      );
      expect(log).toEqual([{ old: userColumns[2].label ?? null, new: "이름" }]);
      // No editor field of a column is unique on its own; a write of its table's names (never one the grids make)
      // reaches the constraint and must come back as the transaction's FieldError, with nothing written.
      const columns = `r.*, r.created_at::text AS created_at, r.updated_at::text AS updated_at`;
      const entity = { table: "mappings_column" as const, read: (id: number) => getColumn(id, ctx.pool), columns };
      const title = postColumns.find((c) => c.pg_column === "id")!;
      const error = await thrown(
        saveIfVersion<ColumnRow>(entity, title.id, title.rowVersion, { schema_name: users.schema_name, table_name: users.table_name }, ctx.pool),
      );
      expect(error).toBeInstanceOf(FieldError);
      expect((error as FieldError).field).toBe("pg_column");
      expect((await getColumn(title.id, ctx.pool))!.table_name).toBe(posts.table_name);
    });

    it("a malformed or stale token is a conflict with the current row, never a database error", async () => {
      const { users } = await journey(ctx.pool);
      for (const token of ["not a date", "x".repeat(100), users.rowVersion.replace(/Z$/, "+00")]) {
        const error = await thrown(updateTable(users.id, token, { label: "Mine" }, ctx.pool));
        expect(error, token).toBeInstanceOf(ConflictError);
        expect((error as ConflictError<{ label: string }>).current?.label).toBe(users.label);
      }
    });
  });
});
