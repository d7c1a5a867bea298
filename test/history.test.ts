import pg from "pg";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { addColumns, deleteColumn, getColumn, updateColumn } from "../lib/metadata/columns";
import { FieldError } from "../lib/metadata/conflict";
import { diffRows } from "../lib/metadata/diff";
import { getHistoryEntry, listHistory, restoreFromHistory, type HistoryEntry, type HistoryFilter } from "../lib/metadata/history";
import { createRelation, getRelation } from "../lib/metadata/relations";
import { createTable, deleteTable, getTable, updateTable } from "../lib/metadata/tables";
import { connect, freshDatabase, servers, type FreshDatabase } from "./helpers/db";
import { editorRole, journey, newColumn, relationValues, rows, snapshot, tableValues, thrown } from "./helpers/metadata";

/** All log entries, oldest first (straight from the table, not through listHistory). */
async function log(pool: pg.Pool): Promise<HistoryEntry[]> {
  return rows<HistoryEntry>(
    pool,
    `SELECT id, table_name, operation, record_id, old_data, new_data, changed_by, NULL::text AS changed_by_role, changed_at::text AS changed_at
       FROM _metadata.metadata_sync_log ORDER BY id`,
  );
}

async function lastEntry(pool: pg.Pool): Promise<HistoryEntry> {
  const all = await log(pool);
  return all[all.length - 1];
}

async function logCount(pool: pg.Pool): Promise<number> {
  return (await rows<{ n: number }>(pool, "SELECT count(*)::int AS n FROM _metadata.metadata_sync_log"))[0].n;
}

const withoutUpdatedAt = (row: Record<string, unknown> | null) => {
  if (!row) return row;
  const { updated_at: _ignored, ...rest } = row;
  return rest;
};

/** Every page of listHistory for a filter, following nextBefore; the ids in the order they came. */
async function allPages(pool: pg.Pool, filter: HistoryFilter, limit: number) {
  const ids: number[] = [];
  let before: number | undefined;
  let pages = 0;
  for (;;) {
    const page = await listHistory({ ...filter, before, limit }, pool);
    pages++;
    expect(page.entries.length).toBeLessThanOrEqual(limit);
    ids.push(...page.entries.map((e) => e.id));
    if (page.nextBefore === null) break;
    expect(page.nextBefore).toBe(page.entries[page.entries.length - 1].id);
    before = page.nextBefore;
    if (pages > 1000) throw new Error("pagination does not end");
  }
  return { ids, pages };
}

/** Columns and relations whose table names disagree with the mappings_table row they point at. */
async function orphans(pool: pg.Pool) {
  return rows(
    pool,
    `SELECT 'column ' || c.id AS what FROM _metadata.mappings_column c JOIN _metadata.mappings_table t ON t.id = c.table_id
      WHERE (c.schema_name, c.table_name) IS DISTINCT FROM (t.schema_name, t.table_name)
     UNION ALL
     SELECT 'relation from ' || r.id FROM _metadata.mappings_relation r JOIN _metadata.mappings_table t ON t.id = r.from_table_id
      WHERE (r.from_schema, r.from_table) IS DISTINCT FROM (t.schema_name, t.table_name)
         OR NOT EXISTS (SELECT 1 FROM _metadata.mappings_column c WHERE c.table_id = r.from_table_id AND c.pg_column = r.from_column)
     UNION ALL
     SELECT 'relation to ' || r.id FROM _metadata.mappings_relation r JOIN _metadata.mappings_table t ON t.id = r.to_table_id
      WHERE (r.to_schema, r.to_table) IS DISTINCT FROM (t.schema_name, t.table_name)
         OR NOT EXISTS (SELECT 1 FROM _metadata.mappings_column c WHERE c.table_id = r.to_table_id AND c.pg_column = r.to_column)`,
  );
}

describe.each(servers().map((s) => [s.name, s.version] as const))("change history on %s (%s)", (serverName) => {
  let db: FreshDatabase;
  let pool: pg.Pool;
  /** The role the pool connects as (the test server's superuser). */
  let admin: { oid: number; rolname: string };

  beforeAll(async () => {
    db = await freshDatabase({ init: true, server: serverName });
    pool = new pg.Pool({ connectionString: db.url, max: 4 });
    pool.on("error", () => {});
    admin = (await rows<{ oid: number; rolname: string }>(pool, "SELECT oid::bigint::int AS oid, rolname FROM pg_roles WHERE rolname = session_user"))[0];
  });
  afterAll(async () => {
    await pool?.end();
    await db?.drop();
  });
  beforeEach(async () => {
    // TRUNCATE fires no row triggers: every test starts from empty mappings and an empty log.
    await pool.query(
      `TRUNCATE _metadata.mappings_relation, _metadata.mappings_column, _metadata.mappings_table, _metadata.mappings_api_endpoint,
                _metadata.metadata_sync_log RESTART IDENTITY CASCADE`,
    );
  });

  describe("what the triggers record", () => {
    it("a change made through the data layer (the UI's path): INSERTs, then an UPDATE with old/new data and a one-field diff", async () => {
      const users = await createTable(tableValues("users", { label: "사용자" }), pool);
      const [id, email] = await addColumns(users.id, [newColumn("id", "BIGSERIAL"), newColumn("email", "VARCHAR(255)")], pool);
      const inserts = await log(pool);
      expect(inserts.map((e) => [e.table_name, e.operation, e.record_id])).toEqual([
        ["mappings_table", "INSERT", users.id],
        ["mappings_column", "INSERT", id.id],
        ["mappings_column", "INSERT", email.id],
      ]);
      expect(inserts[0].old_data).toBeNull();
      expect(inserts[0].new_data).toMatchObject({ id: users.id, schema_name: "public", table_name: "users", label: "사용자", graphql_type: "User" });
      expect(inserts[2].new_data).toMatchObject({ id: email.id, table_id: users.id, pg_column: "email", pg_type: "VARCHAR(255)", label: "Email" });
      expect(diffRows(inserts[2].old_data, inserts[2].new_data)).toContainEqual({ field: "pg_column", before: null, after: "email" });

      await updateColumn(email.id, email.rowVersion, { label: "E-mail 주소" }, pool);
      const entry = await lastEntry(pool);
      expect(entry).toMatchObject({ table_name: "mappings_column", operation: "UPDATE", record_id: email.id });
      expect(entry.old_data).toMatchObject({ id: email.id, label: "Email", pg_column: "email" });
      expect(entry.new_data).toMatchObject({ id: email.id, label: "E-mail 주소", pg_column: "email" });
      // old and new are whole rows that differ in the label (and updated_at) only.
      expect(Object.keys(entry.new_data!).sort()).toEqual(Object.keys(entry.old_data!).sort());
      expect(withoutUpdatedAt(entry.new_data)).toEqual({ ...withoutUpdatedAt(entry.old_data), label: "E-mail 주소" });
      expect(diffRows(entry.old_data, entry.new_data)).toEqual([{ field: "label", before: "Email", after: "E-mail 주소" }]);
      expect(await logCount(pool)).toBe(4);
    });

    it("a change made with raw SQL on another session (as psql would) is recorded the same way", async () => {
      const { users, userColumns } = await journey(pool);
      const name = userColumns.find((c) => c.pg_column === "name")!;
      const before = await logCount(pool);
      const psql = await connect(db.url);
      try {
        await psql.query(
          `UPDATE _metadata.mappings_column SET help_text = '표시 이름', validation_rules = '{"maxLength": 100}' WHERE id = ${name.id}`,
        );
        await psql.query(`UPDATE _metadata.mappings_table SET description = 'People' WHERE table_name = 'users'`);
      } finally {
        await psql.end();
      }
      const entries = (await log(pool)).slice(before);
      expect(entries.map((e) => [e.table_name, e.operation, e.record_id])).toEqual([
        ["mappings_column", "UPDATE", name.id],
        ["mappings_table", "UPDATE", users.id],
      ]);
      // (jsonb keeps keys sorted by length, so the diff lists help_text first: compare as a set.)
      expect(diffRows(entries[0].old_data, entries[0].new_data)).toEqual(
        expect.arrayContaining([
          { field: "validation_rules", before: null, after: { maxLength: 100 } },
          { field: "help_text", before: null, after: "표시 이름" },
        ]),
      );
      expect(diffRows(entries[0].old_data, entries[0].new_data)).toHaveLength(2);
      expect(entries[0].new_data).toMatchObject({ validation_rules: { maxLength: 100 } });
      expect(diffRows(entries[1].old_data, entries[1].new_data)).toEqual([{ field: "description", before: null, after: "People" }]);
      expect(entries.every((e) => e.changed_by === admin.oid)).toBe(true);
    });

    it("raw INSERT and DELETE: INSERT has only new_data, DELETE only old_data; project and api endpoints are logged too", async () => {
      await pool.query(
        "INSERT INTO _metadata.project (id, project_id, project_name, root_path) VALUES (1, 'hist', 'History', '/tmp/h') ON CONFLICT (id) DO NOTHING",
      );
      const { rows: [ep] } = await pool.query(
        "INSERT INTO _metadata.mappings_api_endpoint (endpoint_name, base_url) VALUES ('payments', 'https://pay.example.com') RETURNING id",
      );
      await pool.query("UPDATE _metadata.mappings_api_endpoint SET timeout_ms = 1234 WHERE id = $1", [ep.id]);
      await pool.query("DELETE FROM _metadata.mappings_api_endpoint WHERE id = $1", [ep.id]);
      const entries = (await log(pool)).filter((e) => e.table_name !== "project" || e.operation === "INSERT");
      const project = entries.find((e) => e.table_name === "project");
      expect(project).toMatchObject({ operation: "INSERT", record_id: 1, old_data: null });
      expect(project!.new_data).toMatchObject({ project_id: "hist", project_name: "History" });
      const endpoint = entries.filter((e) => e.table_name === "mappings_api_endpoint");
      expect(endpoint.map((e) => [e.operation, e.record_id, e.old_data === null, e.new_data === null])).toEqual([
        ["INSERT", ep.id, true, false],
        ["UPDATE", ep.id, false, false],
        ["DELETE", ep.id, false, true],
      ]);
      expect(diffRows(endpoint[1].old_data, endpoint[1].new_data)).toEqual([
        { field: "timeout_ms", before: 30000, after: 1234 },
      ]);
      expect(endpoint[2].old_data).toMatchObject({ id: ep.id, endpoint_name: "payments", timeout_ms: 1234 });
      await pool.query("DELETE FROM _metadata.project");
      const deleted = await lastEntry(pool);
      expect(deleted).toMatchObject({ table_name: "project", operation: "DELETE", record_id: 1, new_data: null });
    });

    it("changed_by is the OID of the session's role, and listHistory names it in changed_by_role", async () => {
      await createTable(tableValues("users"), pool);
      const entry = await lastEntry(pool);
      expect(entry.changed_by).toBe(admin.oid);
      const { entries } = await listHistory({}, pool);
      expect(entries).toHaveLength(1);
      expect(entries[0]).toMatchObject({ id: entry.id, changed_by: admin.oid, changed_by_role: admin.rolname });
    });

    it("a second LOGIN role with the privileges it needs: its changes carry its OID and its name shows", async () => {
      const editor = await editorRole(pool, db.url);
      try {
        const users = await createTable(tableValues("users", { label: "Users" }), pool);
        await editor.client.query("UPDATE _metadata.mappings_table SET label = 'Members' WHERE id = $1", [users.id]);
        await editor.client.query("INSERT INTO _metadata.mappings_table (table_name, label) VALUES ('tags', 'Tags')");
        expect(editor.oid).not.toBe(admin.oid);
        const { entries } = await listHistory({}, pool);
        expect(entries.map((e) => [e.operation, e.changed_by, e.changed_by_role])).toEqual([
          ["INSERT", editor.oid, editor.role],
          ["UPDATE", editor.oid, editor.role],
          ["INSERT", admin.oid, admin.rolname],
        ]);
        expect(diffRows(entries[1].old_data, entries[1].new_data)).toEqual([{ field: "label", before: "Users", after: "Members" }]);
      } finally {
        await editor.end();
      }
    });

    it("a role that may edit but does not own _metadata cannot switch the log off with suppress_log", async () => {
      const editor = await editorRole(pool, db.url);
      try {
        const users = await createTable(tableValues("users", { label: "Users" }), pool);
        const before = await logCount(pool);
        await editor.client.query("BEGIN");
        await editor.client.query("SET LOCAL metadata_editor.suppress_log = 'on'");
        await editor.client.query("UPDATE _metadata.mappings_table SET label = 'Hidden?' WHERE id = $1", [users.id]);
        await editor.client.query("DELETE FROM _metadata.mappings_table WHERE id = $1", [users.id]);
        await editor.client.query("COMMIT");
        await editor.client.query("SET metadata_editor.suppress_log = 'on'");
        await editor.client.query("INSERT INTO _metadata.mappings_table (table_name, label) VALUES ('tags', 'Tags')");
        const entries = (await log(pool)).slice(before);
        expect(entries.map((e) => [e.operation, e.changed_by])).toEqual([
          ["UPDATE", editor.oid],
          ["DELETE", editor.oid],
          ["INSERT", editor.oid],
        ]);
      } finally {
        await editor.end();
      }
    });

    it("the GUC metadata_editor.changed_by overrides the role OID for its transaction; a value that is no role's OID lists without a role name", async () => {
      const users = await createTable(tableValues("users"), pool);
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        await client.query("SET LOCAL metadata_editor.changed_by = '424242'");
        await client.query("UPDATE _metadata.mappings_table SET label = 'A' WHERE id = $1", [users.id]);
        await client.query("COMMIT");
        // SET LOCAL ended with the transaction: back to the role's OID.
        await client.query("UPDATE _metadata.mappings_table SET label = 'B' WHERE id = $1", [users.id]);
        await client.query("SET metadata_editor.changed_by = ''");
        await client.query("UPDATE _metadata.mappings_table SET label = 'C' WHERE id = $1", [users.id]);
        await client.query("RESET metadata_editor.changed_by");
      } finally {
        client.release();
      }
      const { entries } = await listHistory({ operation: "UPDATE" }, pool);
      expect(entries.map((e) => [e.changed_by, e.changed_by_role])).toEqual([
        [admin.oid, admin.rolname],
        [admin.oid, admin.rolname],
        [424242, null],
      ]);
    });

    it("a changed_by beyond the OID range (an application user id in the BIGINT column) does not break listHistory", async () => {
      const users = await createTable(tableValues("users"), pool);
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        await client.query("SET LOCAL metadata_editor.changed_by = '5000000000'");
        await client.query("UPDATE _metadata.mappings_table SET label = 'Big' WHERE id = $1", [users.id]);
        await client.query("COMMIT");
        await client.query("BEGIN");
        await client.query("SET LOCAL metadata_editor.changed_by = '-1'");
        await client.query("UPDATE _metadata.mappings_table SET label = 'Negative' WHERE id = $1", [users.id]);
        await client.query("COMMIT");
      } finally {
        client.release();
      }
      expect((await log(pool)).map((e) => e.changed_by)).toEqual([admin.oid, 5000000000, -1]);
      const { entries } = await listHistory({}, pool);
      expect(entries.map((e) => [e.changed_by, e.changed_by_role])).toEqual([
        [-1, null],
        [5000000000, null],
        [admin.oid, admin.rolname],
      ]);
    });

    it("an UPDATE that changes nothing (only updated_at moves) is not logged, through SQL or the data layer", async () => {
      const users = await createTable(tableValues("users", { label: "Users" }), pool);
      const [email] = await addColumns(users.id, [newColumn("email", "TEXT")], pool);
      const count = await logCount(pool);
      await pool.query("UPDATE _metadata.mappings_table SET label = label, description = description");
      await pool.query("UPDATE _metadata.mappings_column SET label = 'Email' WHERE id = $1", [email.id]);
      await updateColumn(email.id, (await getColumn(email.id, pool))!.rowVersion, { label: "Email" }, pool);
      await pool.query("UPDATE _metadata.mappings_table SET updated_at = now() - interval '1 day'");
      // updated_at did move (the row was written), yet nothing was logged.
      expect((await getTable(users.id, pool))!.updated_at).not.toBe(users.updated_at);
      expect(await logCount(pool)).toBe(count);
      await pool.query("UPDATE _metadata.mappings_table SET label = 'Changed'");
      expect(await logCount(pool)).toBe(count + 1);
    });

    it("nothing is logged while metadata_editor.suppress_log = 'on', and logging resumes after", async () => {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        await client.query("SET LOCAL metadata_editor.suppress_log = 'on'");
        await client.query("INSERT INTO _metadata.mappings_table (table_name, label) VALUES ('quiet', 'Quiet')");
        await client.query("UPDATE _metadata.mappings_table SET label = 'Still quiet'");
        await client.query("INSERT INTO _metadata.mappings_column (table_id, schema_name, table_name, pg_column, pg_type, label) SELECT id, 'public', 'quiet', 'id', 'INT', 'ID' FROM _metadata.mappings_table");
        await client.query("DELETE FROM _metadata.mappings_column");
        await client.query("COMMIT");
        expect(await logCount(pool)).toBe(0);
        await client.query("SET metadata_editor.suppress_log = 'off'");
        await client.query("UPDATE _metadata.mappings_table SET label = 'Loud'");
        await client.query("RESET metadata_editor.suppress_log");
      } finally {
        client.release();
      }
      expect((await log(pool)).map((e) => [e.table_name, e.operation])).toEqual([["mappings_table", "UPDATE"]]);
    });

    it("deleting a table logs its DELETE and the cascaded DELETE of each of its columns and relations", async () => {
      const { users, posts, userColumns, author } = await journey(pool);
      const before = await logCount(pool);
      await deleteTable(users.id, users.rowVersion, pool);
      const entries = (await log(pool)).slice(before);
      expect(entries.every((e) => e.operation === "DELETE" && e.new_data === null)).toBe(true);
      const deleted = entries.map((e) => `${e.table_name}:${e.record_id}`).sort();
      expect(deleted).toEqual(
        [`mappings_table:${users.id}`, ...userColumns.map((c) => `mappings_column:${c.id}`), `mappings_relation:${author.id}`].sort(),
      );
      for (const column of userColumns) {
        const entry = entries.find((e) => e.table_name === "mappings_column" && e.record_id === column.id)!;
        expect(entry.old_data).toMatchObject({ id: column.id, table_id: users.id, pg_column: column.pg_column });
      }
      // The other table's rows were not touched.
      expect((await getTable(posts.id, pool))!.table_name).toBe("posts");
    });
  });

  describe("restoring a row from its log entry", () => {
    it('"before" on an UPDATE puts the old values back and is itself logged with new_data = the restored version', async () => {
      const users = await createTable(tableValues("users", { label: "사용자" }), pool);
      const [email] = await addColumns(users.id, [newColumn("email", "VARCHAR(255)")], pool);
      const changed = await updateColumn(
        email.id,
        email.rowVersion,
        { label: "E-mail", help_text: "로그인", validation_rules: '{"email": true}', is_required: true },
        pool,
      );
      const update = await lastEntry(pool);
      await updateColumn(email.id, changed.rowVersion, { label: "Mail" }, pool);
      const beforeRestore = await lastEntry(pool);

      const result = await restoreFromHistory(update.id, "before", pool);
      const row = (await getColumn(email.id, pool))!;
      expect(row).toMatchObject({ label: "Email", help_text: null, validation_rules: null, is_required: false, pg_column: "email" });

      const restore = await lastEntry(pool);
      expect(restore.id).toBeGreaterThan(beforeRestore.id);
      // Its own entry is what its Undo restores the "before" of.
      expect(result).toEqual({ table: "mappings_column", id: email.id, action: "updated", undoEntryId: restore.id });
      expect(restore).toMatchObject({ table_name: "mappings_column", operation: "UPDATE", record_id: email.id, changed_by: admin.oid });
      expect(withoutUpdatedAt(restore.new_data)).toEqual(withoutUpdatedAt(update.old_data));
      expect(withoutUpdatedAt(restore.old_data)).toEqual(withoutUpdatedAt(beforeRestore.new_data));
      expect(diffRows(restore.old_data, restore.new_data).map((c) => c.field).sort()).toEqual(
        ["help_text", "is_required", "label", "validation_rules"].sort(),
      );
      // The restore shows up first on the History page.
      expect((await listHistory({}, pool)).entries[0].id).toBe(restore.id);
    });

    it('"after" on an UPDATE puts that entry\'s new version back', async () => {
      const users = await createTable(tableValues("users", { label: "One" }), pool);
      const two = await updateTable(users.id, users.rowVersion, { label: "Two" }, pool);
      const entry = await lastEntry(pool);
      await updateTable(users.id, two.rowVersion, { label: "Three", description: "third" }, pool);
      await restoreFromHistory(entry.id, "after", pool);
      expect(await getTable(users.id, pool)).toMatchObject({ label: "Two", description: null });
      expect(withoutUpdatedAt((await lastEntry(pool)).new_data)).toEqual(withoutUpdatedAt(entry.new_data));
    });

    it("on a DELETE entry it re-creates the row with the same id and created_at, logged as an INSERT", async () => {
      const users = await createTable(tableValues("users"), pool);
      const [, email] = await addColumns(users.id, [newColumn("id", "BIGSERIAL"), newColumn("email", "VARCHAR(255)", { is_unique: true })], pool);
      await pool.query("UPDATE _metadata.mappings_column SET created_at = '2020-02-02 10:20:30.123456+00', enum_options = '[{\"value\":\"a\",\"label\":\"A\"}]' WHERE id = $1", [email.id]);
      const original = (await rows(pool, "SELECT *, created_at::text AS created_text FROM _metadata.mappings_column WHERE id = $1", [email.id]))[0];
      await deleteColumn(email.id, (await getColumn(email.id, pool))!.rowVersion, pool);
      const deletion = await lastEntry(pool);
      expect(deletion).toMatchObject({ table_name: "mappings_column", operation: "DELETE", record_id: email.id });
      expect(await getColumn(email.id, pool)).toBeNull();

      expect(await restoreFromHistory(deletion.id, "before", pool)).toEqual({ table: "mappings_column", id: email.id, action: "re-created", undoEntryId: null });
      const back = (await rows(pool, "SELECT *, created_at::text AS created_text FROM _metadata.mappings_column WHERE id = $1", [email.id]))[0];
      expect(back.created_text).toBe("2020-02-02 10:20:30.123456+00");
      const { updated_at: _a, ...originalRest } = original;
      const { updated_at: _b, ...backRest } = back;
      expect(backRest).toEqual(originalRest);
      const insert = await lastEntry(pool);
      expect(insert).toMatchObject({ table_name: "mappings_column", operation: "INSERT", record_id: email.id, old_data: null });
      expect(withoutUpdatedAt(insert.new_data)).toEqual(withoutUpdatedAt(deletion.old_data));
      // The sequence still hands out fresh ids afterwards.
      const [next] = await addColumns(users.id, [newColumn("name", "TEXT")], pool);
      expect(next.id).toBeGreaterThan(email.id);
    });

    it("restoring a column whose table no longer exists is refused with the reason and changes nothing", async () => {
      const { users, userColumns } = await journey(pool);
      await deleteTable(users.id, users.rowVersion, pool);
      const email = userColumns.find((c) => c.pg_column === "email")!;
      const deletion = (await log(pool)).find((e) => e.table_name === "mappings_column" && e.operation === "DELETE" && e.record_id === email.id)!;
      const state = await snapshot(pool);
      const count = await logCount(pool);
      const error = await thrown(restoreFromHistory(deletion.id, "before", pool));
      expect(error).toBeInstanceOf(FieldError);
      expect(error).toMatchObject({
        field: "entry",
        message: "This version cannot be restored: its table no longer exists; restore the table first.",
      });
      expect(await snapshot(pool)).toEqual(state);
      expect(await logCount(pool)).toBe(count);
    });

    it("restoring a mappings_table rename carries the old name back to its columns and relations (no orphans)", async () => {
      const { users, posts, userColumns, author } = await journey(pool);
      await addColumns(users.id, [newColumn("manager_id", "BIGINT")], pool);
      const self = await createRelation(
        relationValues({ from_table_id: users.id, from_column: "manager_id", to_table_id: users.id, graphql_field: "manager" }),
        pool,
      );
      const fresh = (await getTable(users.id, pool))!;
      await updateTable(users.id, fresh.rowVersion, { table_name: "members", schema_name: "app", graphql_type: "Member" }, pool);
      expect(await orphans(pool)).toEqual([]);
      expect((await getRelation(author.id, pool))).toMatchObject({ to_schema: "app", to_table: "members" });
      const rename = (await log(pool)).find((e) => e.table_name === "mappings_table" && e.operation === "UPDATE")!;
      expect(diffRows(rename.old_data, rename.new_data).map((c) => c.field).sort()).toEqual(["graphql_type", "schema_name", "table_name"]);

      const lastBefore = await lastEntry(pool);
      await restoreFromHistory(rename.id, "before", pool);
      expect(await getTable(users.id, pool)).toMatchObject({ schema_name: "public", table_name: "users", graphql_type: "User" });
      expect(await orphans(pool)).toEqual([]);
      const columns = await rows(pool, "SELECT DISTINCT schema_name, table_name FROM _metadata.mappings_column WHERE table_id = $1", [users.id]);
      expect(columns).toEqual([{ schema_name: "public", table_name: "users" }]);
      expect(await getRelation(author.id, pool)).toMatchObject({ from_table: "posts", to_schema: "public", to_table: "users" });
      expect(await getRelation(self.id, pool)).toMatchObject({ from_schema: "public", from_table: "users", to_schema: "public", to_table: "users" });
      expect((await getTable(posts.id, pool))!.table_name).toBe("posts");
      // The restore and each row it carried are logged: the table, its 4 columns, and the relations (author's to_*,
      // self's from_* and to_*: two statements, two entries).
      const carried = (await log(pool)).filter((e) => e.id > lastBefore.id);
      expect(carried.every((e) => e.operation === "UPDATE")).toBe(true);
      expect(carried.map((e) => e.table_name).sort()).toEqual(
        ["mappings_table", ...Array(userColumns.length + 1).fill("mappings_column"), "mappings_relation", "mappings_relation", "mappings_relation"].sort(),
      );
    });

    it("restoring an older version of a column after its table was renamed keeps the column on the table's current name", async () => {
      const { users, userColumns } = await journey(pool);
      const email = userColumns.find((c) => c.pg_column === "email")!;
      await updateColumn(email.id, email.rowVersion, { label: "E-mail" }, pool);
      const labelChange = await lastEntry(pool);
      const fresh = (await getTable(users.id, pool))!;
      await updateTable(users.id, fresh.rowVersion, { table_name: "members" }, pool);

      await restoreFromHistory(labelChange.id, "before", pool);
      expect(await getColumn(email.id, pool)).toMatchObject({ label: "Email", table_name: "members" });
      expect(await orphans(pool)).toEqual([]);
    });

    it("restoring the version before a column rename carries the name back to the relations that use it", async () => {
      const { posts, postColumns, author } = await journey(pool);
      const userId = postColumns.find((c) => c.pg_column === "user_id")!;
      await updateColumn(userId.id, userId.rowVersion, { pg_column: "author_id" }, pool);
      expect(await getRelation(author.id, pool)).toMatchObject({ from_column: "author_id" });
      const rename = await rows<{ id: number }>(
        pool,
        "SELECT id FROM _metadata.metadata_sync_log WHERE table_name = 'mappings_column' AND operation = 'UPDATE' AND record_id = $1",
        [userId.id],
      );
      expect(rename).toHaveLength(1);

      await restoreFromHistory(rename[0].id, "before", pool);
      expect(await getColumn(userId.id, pool)).toMatchObject({ pg_column: "user_id", table_id: posts.id });
      expect(await getRelation(author.id, pool)).toMatchObject({ from_column: "user_id" });
      expect(await orphans(pool)).toEqual([]);
    });

    it("refuses what cannot be restored with a FieldError on entry, changing nothing", async () => {
      const users = await createTable(tableValues("users"), pool);
      const insert = await lastEntry(pool);
      const count = await logCount(pool);
      expect(await thrown(restoreFromHistory(insert.id, "before", pool))).toMatchObject({ field: "entry", message: "There is no earlier version in this entry." });
      await deleteTable(users.id, (await getTable(users.id, pool))!.rowVersion, pool);
      const deletion = await lastEntry(pool);
      expect(await thrown(restoreFromHistory(deletion.id, "after", pool))).toMatchObject({ field: "entry", message: "There is no later version in this entry." });
      const missing = await thrown(restoreFromHistory(999_999, "before", pool));
      expect(missing).toBeInstanceOf(FieldError);
      expect(missing).toMatchObject({ field: "entry" });
      expect(await logCount(pool)).toBe(count + 1);
      expect(await getTable(users.id, pool)).toBeNull();
    });
  });

  describe("listing: filters and pagination", () => {
    /** journey, then an update, a column delete and a table delete: every operation on every mapping table. */
    async function busyLog() {
      const j = await journey(pool);
      const tags = await createTable(tableValues("tags"), pool);
      await addColumns(tags.id, [newColumn("id", "BIGSERIAL")], pool);
      const name = j.userColumns.find((c) => c.pg_column === "name")!;
      await updateColumn(name.id, name.rowVersion, { label: "Full name" }, pool);
      await updateTable(j.posts.id, j.posts.rowVersion, { description: "Blog posts" }, pool);
      await deleteColumn(name.id, (await getColumn(name.id, pool))!.rowVersion, pool);
      await deleteTable(tags.id, (await getTable(tags.id, pool))!.rowVersion, pool);
      return { ...j, tags, all: await log(pool) };
    }

    const ids = (entries: { id: number }[]) => entries.map((e) => e.id);
    const newestFirst = (entries: HistoryEntry[]) => ids(entries).reverse();

    it("without filters: every entry, newest first", async () => {
      const { all } = await busyLog();
      expect(all.length).toBeGreaterThan(15);
      const { entries, nextBefore } = await listHistory({ limit: 500 }, pool);
      expect(ids(entries)).toEqual(newestFirst(all));
      expect(nextBefore).toBeNull();
    });

    it("table and operation each narrow to exactly their entries, and combine", async () => {
      const { all } = await busyLog();
      for (const table of ["mappings_table", "mappings_column", "mappings_relation"] as const) {
        const { entries } = await listHistory({ table, limit: 500 }, pool);
        expect(entries.length).toBeGreaterThan(0);
        expect(ids(entries)).toEqual(newestFirst(all.filter((e) => e.table_name === table)));
      }
      for (const operation of ["INSERT", "UPDATE", "DELETE"] as const) {
        const { entries } = await listHistory({ operation, limit: 500 }, pool);
        expect(entries.length).toBeGreaterThan(0);
        expect(ids(entries)).toEqual(newestFirst(all.filter((e) => e.operation === operation)));
      }
      const both = await listHistory({ table: "mappings_column", operation: "DELETE", limit: 500 }, pool);
      expect(both.entries.length).toBeGreaterThan(0);
      expect(ids(both.entries)).toEqual(newestFirst(all.filter((e) => e.table_name === "mappings_column" && e.operation === "DELETE")));
      expect((await listHistory({ table: "mappings_api_endpoint" }, pool)).entries).toEqual([]);
    });

    it("from and to narrow by changed_at, both ends inclusive", async () => {
      const { all } = await busyLog();
      // Spread the entries over days: entry i at 2024-01-01 + i days, 12:00 UTC.
      await pool.query(
        `UPDATE _metadata.metadata_sync_log l SET changed_at = '2024-01-01 12:00:00+00'::timestamptz + (o.n - 1) * interval '1 day'
           FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM _metadata.metadata_sync_log) o WHERE o.id = l.id`,
      );
      const day = (i: number) => new Date(Date.UTC(2024, 0, 1 + i, 12)).toISOString();
      const from = await listHistory({ from: day(5), limit: 500 }, pool);
      expect(ids(from.entries)).toEqual(newestFirst(all.slice(5)));
      const to = await listHistory({ to: day(5), limit: 500 }, pool);
      expect(ids(to.entries)).toEqual(newestFirst(all.slice(0, 6)));
      const window = await listHistory({ from: day(3), to: day(7), limit: 500 }, pool);
      expect(ids(window.entries)).toEqual(newestFirst(all.slice(3, 8)));
      // An hour after entry 7 and an hour before entry 8: nothing in between.
      const empty = await listHistory({ from: new Date(Date.UTC(2024, 0, 8, 13)).toISOString(), to: new Date(Date.UTC(2024, 0, 9, 11)).toISOString() }, pool);
      expect(empty.entries).toEqual([]);
      const withTable = await listHistory({ from: day(3), to: day(12), table: "mappings_column", limit: 500 }, pool);
      expect(ids(withTable.entries)).toEqual(newestFirst(all.slice(3, 13).filter((e) => e.table_name === "mappings_column")));
    });

    it("tableId: the table's own row, its columns (deleted ones too) and the relations from or to it", async () => {
      const { users, posts, tags, author, all } = await busyLog();
      const about = (tableId: number) =>
        all.filter((e) => {
          const data = (e.new_data ?? e.old_data)!;
          if (e.table_name === "mappings_table") return e.record_id === tableId;
          if (e.table_name === "mappings_column") return data.table_id === tableId;
          if (e.table_name === "mappings_relation") return data.from_table_id === tableId || data.to_table_id === tableId;
          return false;
        });
      for (const t of [users, posts, tags]) {
        const { entries } = await listHistory({ tableId: t.id, limit: 500 }, pool);
        expect(ids(entries)).toEqual(newestFirst(about(t.id)));
      }
      const userEntries = (await listHistory({ tableId: users.id, limit: 500 }, pool)).entries;
      expect(userEntries.map((e) => `${e.table_name}:${e.operation}`).sort()).toEqual(
        [
          "mappings_table:INSERT",
          "mappings_column:INSERT", "mappings_column:INSERT", "mappings_column:INSERT",
          "mappings_column:UPDATE", "mappings_column:DELETE",
          "mappings_relation:INSERT",
        ].sort(),
      );
      expect(userEntries.find((e) => e.table_name === "mappings_relation")!.record_id).toBe(author.id);
      // Deleted table: its history is still there.
      expect((await listHistory({ tableId: tags.id }, pool)).entries.map((e) => `${e.table_name}:${e.operation}`)).toEqual([
        "mappings_column:DELETE", "mappings_table:DELETE", "mappings_column:INSERT", "mappings_table:INSERT",
      ]);
      expect((await listHistory({ tableId: 987654 }, pool)).entries).toEqual([]);
      const filtered = await listHistory({ tableId: users.id, operation: "INSERT", table: "mappings_column" }, pool);
      expect(filtered.entries).toHaveLength(3);
      // Paged 2 at a time: the same entries, each once.
      const ofUsers = await allPages(pool, { tableId: users.id }, 2);
      expect(ofUsers.ids).toEqual(newestFirst(about(users.id)));
    });

    it("pagination with before returns every entry exactly once, newest first, filtered or not", async () => {
      const { all } = await busyLog();
      for (const limit of [1, 4, 7, all.length, all.length + 1]) {
        const { ids: paged, pages } = await allPages(pool, {}, limit);
        expect(paged).toEqual(newestFirst(all));
        expect(new Set(paged).size).toBe(all.length);
        expect(pages).toBe(Math.max(1, Math.ceil(all.length / limit)));
      }
      const columns = await allPages(pool, { table: "mappings_column" }, 3);
      expect(columns.ids).toEqual(newestFirst(all.filter((e) => e.table_name === "mappings_column")));
      const updates = await allPages(pool, { operation: "UPDATE" }, 1);
      expect(updates.ids).toEqual(newestFirst(all.filter((e) => e.operation === "UPDATE")));
      // A page ends with nextBefore = its last id only when there is more.
      const exact = await listHistory({ limit: all.length }, pool);
      expect(exact.nextBefore).toBeNull();
      const first = await listHistory({ limit: 5 }, pool);
      expect(first.nextBefore).toBe(first.entries[4].id);
    });

    /** 100,000 generated entries (ids 1..100000, record ids 1000001.., column table_ids 1000..1049), then the journey's 9. */
    async function bulkLog() {
      const started = Date.now();
      await pool.query(
        `INSERT INTO _metadata.metadata_sync_log (table_name, operation, record_id, old_data, new_data, changed_by, changed_at)
         SELECT (ARRAY['project','mappings_table','mappings_column','mappings_relation','mappings_api_endpoint'])[1 + g % 5],
                (ARRAY['INSERT','UPDATE','DELETE'])[1 + g % 3],
                1000000 + g,
                CASE WHEN g % 3 = 0 THEN NULL ELSE jsonb_build_object('id', g, 'table_id', 1000 + g % 50, 'label', 'old ' || g) END,
                CASE WHEN g % 3 = 2 THEN NULL ELSE jsonb_build_object('id', g, 'table_id', 1000 + g % 50, 'label', 'new ' || g) END,
                10,
                now() - interval '200000 seconds' + g * interval '1 second'
           FROM generate_series(1, 100000) g`,
      );
      await pool.query("ANALYZE _metadata.metadata_sync_log");
      console.log(`[history ${serverName}] inserted 100,000 log entries in ${Date.now() - started} ms`);
      // Then real changes: the newest entries (ids after the 100,000).
      const { users } = await journey(pool);
      const seeded = (await logCount(pool)) - 100_000;
      expect(seeded).toBe(9);
      return { users };
    }

    const time = async <T>(label: string, work: () => Promise<T>) => {
      const t0 = performance.now();
      const result = await work();
      console.log(`[history ${serverName}] ${label}: ${(performance.now() - t0).toFixed(1)} ms`);
      return result;
    };

    it("100,000 entries: the first page and filtered pages come back right (timings printed)", { timeout: 120_000 }, async () => {
      await bulkLog();
      expect(await logCount(pool)).toBe(100_009);
      const maxId = (await rows<{ m: number }>(pool, "SELECT max(id)::int AS m FROM _metadata.metadata_sync_log"))[0].m;

      const first = await time("first page", () => listHistory({}, pool));
      expect(first.entries).toHaveLength(50);
      expect(first.entries[0].id).toBe(maxId);
      expect(ids(first.entries)).toEqual([...ids(first.entries)].sort((a, b) => b - a));
      expect(first.nextBefore).toBe(first.entries[49].id);

      const second = await time("second page (before)", () => listHistory({ before: first.nextBefore! }, pool));
      expect(second.entries).toHaveLength(50);
      expect(second.entries[0].id).toBeLessThan(first.entries[49].id);

      const deep = await time("page deep in the log (before = 5000)", () => listHistory({ before: 5000 }, pool));
      expect(ids(deep.entries)).toEqual(Array.from({ length: 50 }, (_, i) => 4999 - i));

      const filtered = await time("table + operation filter", () => listHistory({ table: "mappings_column", operation: "UPDATE" }, pool));
      expect(filtered.entries).toHaveLength(50);
      expect(filtered.entries.every((e) => e.table_name === "mappings_column" && e.operation === "UPDATE")).toBe(true);
      const expectedFiltered = await rows<{ id: number }>(
        pool,
        "SELECT id FROM _metadata.metadata_sync_log WHERE table_name = 'mappings_column' AND operation = 'UPDATE' ORDER BY id DESC LIMIT 50",
      );
      expect(ids(filtered.entries)).toEqual(ids(expectedFiltered));

      const windowFrom = new Date(Date.now() - 150_000 * 1000).toISOString();
      const windowTo = new Date(Date.now() - 149_000 * 1000).toISOString();
      const window = await time("time window filter", () => listHistory({ from: windowFrom, to: windowTo, table: "mappings_relation" }, pool));
      const expectedWindow = await rows<{ id: number }>(
        pool,
        `SELECT id FROM _metadata.metadata_sync_log WHERE table_name = 'mappings_relation' AND changed_at BETWEEN $1 AND $2 ORDER BY id DESC LIMIT 50`,
        [windowFrom, windowTo],
      );
      expect(expectedWindow.length).toBeGreaterThan(0);
      expect(ids(window.entries)).toEqual(ids(expectedWindow));

      const entry = await time("getHistoryEntry", () => getHistoryEntry(50_000, pool));
      expect(entry).toMatchObject({ id: 50_000, record_id: 1_050_000 });
    });

    it("100,000 entries: the tableId filter (the table page's History tab) comes back right (timings printed)", { timeout: 120_000 }, async () => {
      const { users } = await bulkLog();
      const ofTable = await time("tableId filter (a real table, few matches)", () => listHistory({ tableId: users.id }, pool));
      expect(ofTable.entries.map((e) => e.table_name).sort()).toEqual(
        ["mappings_table", "mappings_column", "mappings_column", "mappings_column", "mappings_relation"].sort(),
      );
      const busyTable = await time("tableId filter (many matches)", () => listHistory({ tableId: 1007 }, pool));
      expect(busyTable.entries).toHaveLength(50);
      expect(busyTable.entries.every((e) => e.table_name === "mappings_column" && (e.new_data ?? e.old_data)!.table_id === 1007)).toBe(true);
      const expectedBusy = await rows<{ id: number }>(
        pool,
        `SELECT id FROM _metadata.metadata_sync_log WHERE table_name = 'mappings_column' AND COALESCE(new_data, old_data) ->> 'table_id' = '1007'
          ORDER BY id DESC LIMIT 50`,
      );
      expect(ids(busyTable.entries)).toEqual(ids(expectedBusy));
    });
  });
});
