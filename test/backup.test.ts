import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import {
  BackupRefusedError,
  exportMetadata,
  parseBackup,
  previewRestore,
  restoreMetadata,
  serializeBackup,
  type BackupDocument,
} from "../lib/metadata/backup";
import { runInit } from "../lib/metadata/init";
import { describeReset, resetMetadata, ResetRefusedError } from "../lib/metadata/reset";
import { freshDatabase, servers, type FreshDatabase } from "./helpers/db";
import { editorRole, journey, rows, thrown } from "./helpers/metadata";

interface Fresh {
  db: FreshDatabase;
  pool: pg.Pool;
}

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  await Promise.all(cleanups.map((c) => c()));
});

/** A database of its own; the pool's sessions use a non-UTC TimeZone, which must not leak into the backup. */
async function fresh(options: { init?: boolean; server?: "pg18" | "pg15" } = {}): Promise<Fresh> {
  const db = await freshDatabase({ init: options.init ?? true, server: options.server });
  const pool = new pg.Pool({ connectionString: db.url, max: 3, options: "-c TimeZone=Asia/Seoul" });
  pool.on("error", () => {});
  cleanups.push(async () => {
    await pool.end();
    await db.drop();
  });
  return { db, pool };
}

/** A project, the users/posts journey, an API endpoint, awkward text and JSON: history entries follow. */
async function populate(pool: pg.Pool) {
  await pool.query(
    `INSERT INTO _metadata.project (id, project_id, project_name, root_path, status, tech_stack)
     VALUES (1, 'shop', '쇼핑몰', '/srv/shop', 'DEVELOPMENT', '{"frontend": "next", "backend": ["node", "pg"], "n": 1.50}')`,
  );
  await journey(pool);
  await pool.query(
    `INSERT INTO _metadata.mappings_api_endpoint (endpoint_name, base_url, method, headers, timeout_ms)
     VALUES ('geo', 'https://geo.example.com/v1', 'POST', '{"X-Key": "a\\"b"}', 5000)`,
  );
  await pool.query(
    `UPDATE _metadata.mappings_table SET description = E'Members "quoted"\\nsecond line 😀' WHERE table_name = 'users'`,
  );
}

const tablesText = (doc: BackupDocument) => JSON.stringify(doc.tables);
const schemaExists = async (pool: pg.Pool) =>
  (await rows(pool, "SELECT 1 FROM pg_namespace WHERE nspname = '_metadata'")).length === 1;

function parsed(text: string): BackupDocument {
  const result = parseBackup(text);
  if (!result.ok) throw new Error(`${result.reason}\n${result.problems.join("\n")}`);
  return result.doc;
}

describe("backup and restore", () => {
  it("export → reset → init → restore → export gives identical tables, sequences and file bytes", async () => {
    const { db, pool } = await fresh();
    await populate(pool);
    const before = await exportMetadata(pool);
    expect(before.tables.mappings_column).toHaveLength(6);
    expect(before.tables.metadata_sync_log.length).toBeGreaterThan(10);
    expect(before.tables.project[0].created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d+\+00:00$/);
    expect(before.source).toMatchObject({ database: db.name });
    const file = serializeBackup(before);

    await resetMetadata(pool);
    expect(await schemaExists(pool)).toBe(false);
    await runInit(db.client);

    const doc = parsed(file);
    const preview = await previewRestore(pool, doc);
    expect(preview.totals).toEqual({ added: preview.backup.rows, changed: 0, removed: 0, unchanged: 0 });
    const result = await restoreMetadata(pool, doc);
    expect(result.rows.mappings_column).toBe(6);

    const after = await exportMetadata(pool);
    expect(tablesText(after)).toBe(tablesText(before));
    // The project row is inserted with an explicit id 1, so its sequence was never used: it stays unused.
    expect(before.sequences.project).toBeNull();
    expect(after.sequences).toEqual(before.sequences);
    expect(serializeBackup({ ...after, exportedAt: before.exportedAt })).toBe(file);
  });

  it("restores into another server's empty database (PostgreSQL 18 → every server of the run)", { timeout: 60_000 }, async () => {
    const source = await fresh();
    await populate(source.pool);
    const backup = await exportMetadata(source.pool);
    for (const info of servers()) {
      const target = await fresh({ init: false, server: info.name });
      await runInit(target.db.client);
      await restoreMetadata(target.pool, parsed(serializeBackup(backup)));
      expect(tablesText(await exportMetadata(target.pool)), info.name).toBe(tablesText(backup));
    }
  });

  it("previews what would be added, changed and removed, then restores exactly the backup", async () => {
    const { pool } = await fresh();
    await populate(pool);
    const backup = await exportMetadata(pool);
    const logEntries = backup.tables.metadata_sync_log.length;

    await pool.query("UPDATE _metadata.mappings_table SET label = 'Members' WHERE table_name = 'users'");
    await pool.query("INSERT INTO _metadata.mappings_table (table_name, label) VALUES ('orders', 'Orders')");
    await pool.query("DELETE FROM _metadata.mappings_column WHERE table_name = 'users' AND pg_column = 'name'");

    const preview = await previewRestore(pool, backup);
    const byTable = Object.fromEntries(preview.tables.map((t) => [t.table, t]));
    expect(byTable.project).toMatchObject({ added: 0, changed: 0, removed: 0, unchanged: 1 });
    expect(byTable.mappings_table).toMatchObject({ added: 0, changed: 1, removed: 1, unchanged: 1 });
    expect(byTable.mappings_table.samples.changed).toEqual([
      { id: 1, label: "public.users", fields: ["label", "updated_at"] },
    ]);
    expect(byTable.mappings_table.samples.removed).toEqual([{ id: 3, label: "public.orders" }]);
    expect(byTable.mappings_column).toMatchObject({ added: 1, changed: 0, removed: 0, unchanged: 5 });
    expect(byTable.mappings_column.samples.added).toEqual([{ id: 3, label: "users.name" }]);
    expect(byTable.metadata_sync_log).toMatchObject({ added: 0, changed: 0, removed: 3, unchanged: logEntries });
    expect(byTable.metadata_sync_log.samples.removed.map((r) => r.label)).toEqual([
      "UPDATE mappings_table #1",
      "INSERT mappings_table #3",
      "DELETE mappings_column #3",
    ]);
    expect(preview.totals).toEqual({ added: 1, changed: 1, removed: 4, unchanged: 1 + 1 + 5 + 1 + 1 + logEntries });

    await restoreMetadata(pool, backup, { expectedDigest: preview.digest });
    expect(tablesText(await exportMetadata(pool))).toBe(tablesText(backup));
    // The restore wrote no history of its own, and the suppression ended with its transaction.
    await pool.query("UPDATE _metadata.mappings_table SET label = 'After' WHERE table_name = 'posts'");
    const log = await rows<{ id: number; operation: string }>(
      pool,
      "SELECT id, operation FROM _metadata.metadata_sync_log ORDER BY id DESC LIMIT 1",
    );
    expect(log[0].operation).toBe("UPDATE");
    expect(log[0].id).toBeGreaterThan(Math.max(...backup.tables.metadata_sync_log.map((r) => r.id)));
  });

  it("new rows get ids above the restored ones, even when the backup's sequences lag behind", async () => {
    const { pool } = await fresh();
    await populate(pool);
    const backup = await exportMetadata(pool);
    const lagging: BackupDocument = {
      ...backup,
      sequences: { ...backup.sequences, mappings_table: null, mappings_column: 1 },
    };
    await pool.query("DELETE FROM _metadata.mappings_table");
    await restoreMetadata(pool, lagging);
    const table = await rows<{ id: number }>(
      pool,
      "INSERT INTO _metadata.mappings_table (table_name, label) VALUES ('tags', 'Tags') RETURNING id",
    );
    expect(table[0].id).toBe(3);
    const column = await rows<{ id: number }>(
      pool,
      "INSERT INTO _metadata.mappings_column (table_id, schema_name, table_name, pg_column, pg_type, graphql_field, graphql_type, label, form_type) VALUES (3, 'public', 'tags', 'id', 'BIGINT', 'id', 'ID', 'Id', 'hidden') RETURNING id",
    );
    expect(column[0].id).toBe(7);
  });

  it("a row whose table_id points nowhere is refused with the rows named: nothing changes", async () => {
    const { pool } = await fresh();
    await populate(pool);
    const before = await exportMetadata(pool);
    const orphan = { ...before.tables.mappings_column[0], id: 99, table_id: 999, pg_column: "orphan" };
    const corrupt: BackupDocument = {
      ...before,
      tables: {
        ...before.tables,
        mappings_table: before.tables.mappings_table.slice(0, 1),
        mappings_column: [...before.tables.mappings_column, orphan],
      },
    };
    expect(parseBackup(serializeBackup(corrupt)).ok).toBe(true);
    const error = await thrown(restoreMetadata(pool, corrupt));
    expect(error).toBeInstanceOf(BackupRefusedError);
    // posts (table 2) is left out: its 3 columns and the relation to it are refused too.
    expect((error as Error).message).toBe(
      "The backup has 5 rows that the editor would refuse as an edit; nothing was restored.",
    );
    expect((error as BackupRefusedError).problems).toEqual([
      "mappings_column #4 posts.id: table_id: the backup has no mappings_table row with id 2",
      "mappings_column #5 posts.title: table_id: the backup has no mappings_table row with id 2",
      "mappings_column #6 posts.user_id: table_id: the backup has no mappings_table row with id 2",
      "mappings_column #99 users.orphan: table_id: the backup has no mappings_table row with id 999",
      "mappings_relation #1 posts.user_id → users.id: from_table_id: the backup has no mappings_table row with id 2",
    ]);
    const after = await exportMetadata(pool);
    expect(tablesText(after)).toBe(tablesText(before));
    expect(after.sequences).toEqual(before.sequences);

    const second = {
      ...before,
      tables: { ...before.tables, project: [...before.tables.project, { ...before.tables.project[0], id: 2 }] },
    };
    expect((await thrown(restoreMetadata(pool, second))) as Error).toHaveProperty(
      "message",
      expect.stringMatching(/refused a project row \(.*single_project/),
    );
    expect(tablesText(await exportMetadata(pool))).toBe(tablesText(before));
  });

  it("refuses truncated and foreign files before touching the database", async () => {
    const { pool } = await fresh();
    await populate(pool);
    const before = await exportMetadata(pool);
    const file = serializeBackup(before);
    const truncated = parseBackup(file.slice(0, Math.floor(file.length * 0.7)));
    expect(truncated.ok || truncated.reason).toMatch(/^The file is not valid JSON/);
    const foreign = parseBackup(JSON.stringify({ ...before, format: "something-else" }));
    expect(foreign.ok || foreign.reason).toBe(
      'This is not a Metadata Editor backup (it has no "format": "metadata-editor-backup").',
    );
    expect(tablesText(await exportMetadata(pool))).toBe(tablesText(before));
  });

  it("refuses to restore into a missing or incomplete schema, and to back up no schema", async () => {
    const source = await fresh();
    await populate(source.pool);
    const backup = await exportMetadata(source.pool);

    const empty = await fresh({ init: false });
    for (const attempt of [() => restoreMetadata(empty.pool, backup), () => previewRestore(empty.pool, backup)]) {
      const error = await thrown(attempt());
      expect(error).toBeInstanceOf(BackupRefusedError);
      expect((error as Error).message).toMatch(/^The _metadata schema is not there\. Initialize the schema first/);
    }
    expect((await thrown(exportMetadata(empty.pool))) as Error).toHaveProperty(
      "message",
      expect.stringMatching(/nothing to back up.*Initialize the schema first/),
    );

    await source.pool.query("DROP INDEX _metadata.idx_mappings_column_table_order");
    const error = await thrown(restoreMetadata(source.pool, backup));
    expect((error as Error).message).toMatch(
      /^The _metadata schema is incomplete \(1 missing, 0 different\)\. Initialize the schema first/,
    );
  });

  it("a role that may edit but does not own _metadata is refused a restore (it could not keep the log quiet)", async () => {
    const { db, pool } = await fresh();
    await populate(pool);
    const before = await exportMetadata(pool);
    const editor = await editorRole(pool, db.url);
    try {
      const error = await thrown(restoreMetadata(editor.client, before));
      expect(error).toBeInstanceOf(BackupRefusedError);
      expect((error as Error).message).toMatch(/^Only the owner of the _metadata schema \(\w+\) or a member of that role can restore/);
    } finally {
      await editor.end();
    }
    expect(tablesText(await exportMetadata(pool))).toBe(tablesText(before));
  });

  it("refuses a restore when the metadata changed since the preview", async () => {
    const { pool } = await fresh();
    await populate(pool);
    const backup = await exportMetadata(pool);
    await pool.query("DELETE FROM _metadata.mappings_relation");
    const preview = await previewRestore(pool, backup);
    await pool.query("UPDATE _metadata.mappings_table SET label = 'Someone else' WHERE table_name = 'posts'");
    const current = await exportMetadata(pool);
    const error = await thrown(restoreMetadata(pool, backup, { expectedDigest: preview.digest }));
    expect((error as Error).message).toMatch(/changed since the preview.*preview again/);
    expect(tablesText(await exportMetadata(pool))).toBe(tablesText(current));
  });
});

describe("reset (the seed's appendix C)", () => {
  it("describes what it would drop, refuses a wrong project id, then drops the schema and keeps the extensions", async () => {
    const { pool } = await fresh();
    await populate(pool);
    const scope = await describeReset(pool);
    expect(scope).toMatchObject({ exists: true, projectId: "shop" });
    expect(scope.tables.map((t) => t.name)).toEqual([
      "diagram_layout",
      "mappings_api_endpoint",
      "mappings_column",
      "mappings_relation",
      "mappings_table",
      "metadata_sync_log",
      "project",
    ]);
    expect(scope.tables.find((t) => t.name === "mappings_column")?.rows).toBe(6);
    expect(scope.types).toEqual([
      "http_method_enum",
      "project_status_enum",
      "project_template_enum",
      "relation_type_enum",
    ]);
    expect(scope.functions).toContain("log_metadata_change");

    const wrong = await thrown(resetMetadata(pool, { confirmProjectId: "Shop" }));
    expect(wrong).toBeInstanceOf(ResetRefusedError);
    expect((wrong as Error).message).toBe("That is not this project's id; nothing was dropped. Type it exactly as shown.");
    expect((wrong as Error).message).not.toContain("shop");
    expect(await schemaExists(pool)).toBe(true);

    await resetMetadata(pool, { confirmProjectId: "shop" });
    expect(await schemaExists(pool)).toBe(false);
    const extensions = await rows<{ extname: string }>(
      pool,
      "SELECT extname FROM pg_extension WHERE extname IN ('btree_gin', 'pg_trgm') ORDER BY 1",
    );
    expect(extensions.map((e) => e.extname)).toEqual(["btree_gin", "pg_trgm"]);
    expect(await describeReset(pool)).toEqual({ exists: false, projectId: null, tables: [], types: [], functions: [] });
    await resetMetadata(pool);
  });
});
