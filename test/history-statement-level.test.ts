import { readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connect, freshDatabase, servers, type FreshDatabase } from "./helpers/db";

/**
 * The change history is written by statement-level triggers (one INSERT … SELECT per statement). They must log
 * exactly what the row-level triggers they replaced logged: the same steps run on a database with today's init
 * and on one with the old row-level triggers (test/fixtures/history-row-triggers.sql), and both logs and both
 * NOTIFY streams are compared step by step.
 */
const ROW_TRIGGERS = readFileSync(path.join(process.cwd(), "test", "fixtures", "history-row-triggers.sql"), "utf8");

/** Steps, each one transaction (or one autocommitted statement). Fixed values only: no now() in the data. */
const STEPS: { name: string; sql: string[]; cascade?: boolean }[] = [
  { name: "project inserted", sql: ["INSERT INTO _metadata.project (id, project_id, project_name, root_path) VALUES (1, 'p', 'P', '/tmp/p')"] },
  {
    name: "three tables in one statement",
    sql: [`INSERT INTO _metadata.mappings_table (table_name, label, description) VALUES ('users', 'Users', '사용자'), ('posts', 'Posts', NULL), ('tags', 'Tags', 'x')`],
  },
  {
    name: "columns in one statement",
    sql: [
      `INSERT INTO _metadata.mappings_column (table_id, schema_name, table_name, pg_column, pg_type, label, sort_order)
       SELECT t.id, 'public', t.table_name, c.name, 'TEXT', initcap(c.name), c.ord
         FROM _metadata.mappings_table t CROSS JOIN (VALUES ('id', 1), ('name', 2), ('c1', 3), ('c2', 4)) AS c(name, ord)
        ORDER BY t.id, c.ord`,
    ],
  },
  {
    name: "a relation",
    sql: [
      `INSERT INTO _metadata.mappings_relation (from_table_id, to_table_id, from_schema, from_table, from_column, to_schema, to_table, to_column, relation_type)
       SELECT p.id, u.id, 'public', 'posts', 'c1', 'public', 'users', 'id', 'ManyToOne'
         FROM _metadata.mappings_table p, _metadata.mappings_table u WHERE p.table_name = 'posts' AND u.table_name = 'users'`,
    ],
  },
  { name: "many rows updated", sql: ["UPDATE _metadata.mappings_column SET label = label || '!' WHERE pg_column LIKE 'c%'"] },
  { name: "an update that changes nothing (announced, not logged)", sql: ["UPDATE _metadata.mappings_column SET label = label"] },
  { name: "only updated_at changes (not logged)", sql: ["UPDATE _metadata.mappings_table SET updated_at = '2020-01-01T00:00:00Z'"] },
  {
    name: "some rows of a statement change, some do not",
    sql: ["UPDATE _metadata.mappings_column SET help_text = CASE WHEN id % 3 = 0 THEN 'help ' || id ELSE help_text END"],
  },
  { name: "project: last_generation_at only (logged, not announced)", sql: ["UPDATE _metadata.project SET last_generation_at = '2026-01-02T03:04:05Z'"] },
  { name: "project: a real change", sql: ["UPDATE _metadata.project SET project_name = 'Renamed', last_generation_at = NULL"] },
  {
    name: "an endpoint inserted, its id changed, updated twice in one transaction",
    sql: [
      "BEGIN",
      "INSERT INTO _metadata.mappings_api_endpoint (endpoint_name, base_url) VALUES ('pay', 'https://pay.example.com'), ('mail', 'https://mail.example.com')",
      "UPDATE _metadata.mappings_api_endpoint SET id = id + 100, timeout_ms = 5 WHERE endpoint_name = 'pay'",
      "UPDATE _metadata.mappings_api_endpoint SET timeout_ms = timeout_ms + 1",
      "COMMIT",
    ],
  },
  {
    name: "suppress_log by the schema's owner: announced, not logged",
    sql: ["BEGIN", "SET LOCAL metadata_editor.suppress_log = 'on'", "UPDATE _metadata.mappings_table SET label = label || ' (quiet)'", "COMMIT"],
  },
  {
    name: "changed_by set by the editor",
    sql: ["BEGIN", "SET LOCAL metadata_editor.changed_by = '42'", "UPDATE _metadata.mappings_table SET description = 'by 42' WHERE table_name = 'tags'", "COMMIT"],
  },
  {
    name: "upsert: one row inserted, one updated",
    sql: [
      `INSERT INTO _metadata.mappings_table (table_name, label) VALUES ('tags', 'Tags upserted'), ('notes', 'Notes')
       ON CONFLICT (schema_name, table_name) DO UPDATE SET label = EXCLUDED.label`,
    ],
  },
  { name: "statements that touch no row", sql: ["UPDATE _metadata.mappings_table SET label = 'x' WHERE false", "DELETE FROM _metadata.mappings_column WHERE false"] },
  // A cascade's rows from the several tables it deletes from may come in another order (compared as sets).
  { name: "two tables deleted with their columns and relation", sql: ["DELETE FROM _metadata.mappings_table WHERE table_name IN ('users', 'posts')"], cascade: true },
  { name: "everything else deleted", sql: ["DELETE FROM _metadata.mappings_api_endpoint", "DELETE FROM _metadata.mappings_column", "DELETE FROM _metadata.project"] },
];

interface Logged {
  table_name: string;
  operation: string;
  record_id: number | null;
  old_data: Record<string, unknown> | null;
  new_data: Record<string, unknown> | null;
  changed_by: number | null;
  code_generated: boolean | null;
  generation_time_ms: number | null;
}

/** created_at / updated_at come from now(): the two databases cannot agree on them. */
const withoutClock = (row: Record<string, unknown> | null) => {
  if (!row) return row;
  const { created_at: _c, updated_at: _u, ...rest } = row;
  return rest;
};

interface Side {
  db: FreshDatabase;
  writer: pg.Client;
  listener: pg.Client;
  notices: string[];
  seen: number;
}

async function side(serverName: string, rowTriggers: boolean): Promise<Side> {
  const db = await freshDatabase({ init: true, server: serverName as never });
  if (rowTriggers) await db.client.query(ROW_TRIGGERS);
  const listener = await connect(db.directUrl);
  const notices: string[] = [];
  listener.on("notification", (n) => notices.push(`${n.channel}:${n.payload}`));
  await listener.query("LISTEN metadata_changed");
  return { db, writer: await connect(db.directUrl), listener, notices, seen: 0 };
}

/** Runs one step; returns what it logged (oldest first) and what it announced. */
async function run(s: Side, sql: string[]) {
  for (const statement of sql) await s.writer.query(statement);
  // The NOTIFY is sent at commit; a round trip on the listener afterwards delivers it first.
  await s.listener.query("SELECT 1");
  const notices = s.notices.splice(0).sort();
  const { rows } = await s.writer.query<Logged & { id: number }>(
    `SELECT id, table_name, operation, record_id::int, old_data, new_data, changed_by::int, code_generated, generation_time_ms
       FROM _metadata.metadata_sync_log WHERE id > $1 ORDER BY id`,
    [s.seen],
  );
  if (rows.length) s.seen = rows[rows.length - 1].id;
  const logged = rows.map(({ id: _id, ...r }) => ({ ...r, old_data: withoutClock(r.old_data), new_data: withoutClock(r.new_data) }));
  return { logged, notices };
}

const key = (r: Logged) => JSON.stringify([r.table_name, r.operation, r.record_id, r.old_data, r.new_data]);

describe.each(servers().map((s) => [s.name, s.version] as const))("statement-level history on %s (%s)", (serverName) => {
  let now: Side;
  let before: Side;

  beforeAll(async () => {
    [now, before] = await Promise.all([side(serverName, false), side(serverName, true)]);
  });
  afterAll(async () => {
    for (const s of [now, before]) {
      await s?.writer.end();
      await s?.listener.end();
      await s?.db.drop();
    }
  });

  it("the fixture really installs the old row-level triggers, and today's init the statement-level ones", async () => {
    const triggers = async (s: Side) =>
      (
        await s.writer.query<{ name: string; level: string }>(
          `SELECT t.tgname AS name, CASE WHEN t.tgtype & 1 = 1 THEN 'row' ELSE 'statement' END AS level
             FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
            WHERE c.relnamespace = '_metadata'::regnamespace AND t.tgname LIKE '%sync_log' ORDER BY 1`,
        )
      ).rows;
    expect((await triggers(before)).map((t) => t.level)).toEqual(Array(5).fill("row"));
    const current = await triggers(now);
    expect(current).toHaveLength(15);
    expect(current.every((t) => t.level === "statement")).toBe(true);
  });

  it("every step logs the same rows (same order, but for a cascade) and announces the same tables", async () => {
    let total = 0;
    for (const step of STEPS) {
      const a = await run(now, step.sql);
      const b = await run(before, step.sql);
      total += b.logged.length;
      expect(a.notices, step.name).toEqual(b.notices);
      if (step.cascade) {
        expect(a.logged.map(key).sort(), step.name).toEqual(b.logged.map(key).sort());
        expect(a.logged.length, step.name).toBe(b.logged.length);
      } else {
        expect(a.logged, step.name).toEqual(b.logged);
      }
    }
    // The steps do log and announce things (a comparison of two empty logs would prove nothing).
    expect(total).toBeGreaterThan(40);
  });

  it("what the steps are meant to show holds on today's triggers", async () => {
    const fresh = await side(serverName, false);
    try {
      const results: ({ step: string } & Awaited<ReturnType<typeof run>>)[] = [];
      for (const step of STEPS) results.push({ step: step.name, ...(await run(fresh, step.sql)) });
      const of = (name: string) => results.find((r) => r.step.startsWith(name))!;
      expect(of("three tables").logged.map((r) => [r.operation, r.record_id])).toEqual([["INSERT", 1], ["INSERT", 2], ["INSERT", 3]]);
      expect(of("an update that changes nothing")).toMatchObject({ logged: [], notices: ["metadata_changed:mappings_column"] });
      expect(of("only updated_at")).toMatchObject({ logged: [], notices: ["metadata_changed:mappings_table"] });
      expect(of("some rows of a statement").logged.length).toBe(4); // ids 3, 6, 9, 12 of 12 columns
      expect(of("project: last_generation_at only")).toMatchObject({ notices: [] });
      expect(of("project: last_generation_at only").logged).toHaveLength(1);
      const moved = of("an endpoint inserted").logged.filter((r) => r.operation === "UPDATE")[0];
      expect([moved.record_id, moved.old_data?.id, moved.new_data?.id]).toEqual([101, 1, 101]);
      expect(of("suppress_log")).toMatchObject({ logged: [], notices: ["metadata_changed:mappings_table"] });
      expect(of("changed_by").logged.map((r) => r.changed_by)).toEqual([42]);
      expect(of("upsert").logged.map((r) => r.operation).sort()).toEqual(["INSERT", "UPDATE"]);
      expect(of("statements that touch no row")).toMatchObject({ logged: [], notices: [] });
      const cascade = of("two tables deleted").logged;
      expect(cascade.filter((r) => r.table_name === "mappings_column")).toHaveLength(8);
      expect(cascade.filter((r) => r.table_name === "mappings_relation")).toHaveLength(1);
      expect(cascade.filter((r) => r.table_name === "mappings_table").map((r) => r.old_data?.table_name)).toEqual(["users", "posts"]);
    } finally {
      await fresh.writer.end();
      await fresh.listener.end();
      await fresh.db.drop();
    }
  });
});
