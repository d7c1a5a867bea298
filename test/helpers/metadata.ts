import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { graphqlTypeForTable, labelFor } from "../../lib/metadata/derive";
import { addColumns, type ColumnRow } from "../../lib/metadata/columns";
import { createRelation, type RelationRow } from "../../lib/metadata/relations";
import { createTable, type TableRow } from "../../lib/metadata/tables";
import { newColumnSchema, type NewColumnValues } from "../../lib/schemas/column";
import { relationSchema, type RelationInput } from "../../lib/schemas/relation";
import { tableDefaults, tableSchema, type TableValues } from "../../lib/schemas/table";
import { type ServerName } from "./clusters";
import { freshDatabase, type FreshDatabase } from "./db";

export interface MetadataDb {
  db: FreshDatabase;
  pool: pg.Pool;
}

/**
 * One fresh database (init applied) and one pg.Pool on it for the test file; the mapping tables are emptied
 * before each test, so every test starts from an empty editor. The pool is ended and the database dropped after.
 */
export function useMetadataDb(server?: ServerName): MetadataDb {
  const ctx = {} as MetadataDb;
  beforeAll(async () => {
    ctx.db = await freshDatabase({ init: true, server });
    ctx.pool = new pg.Pool({ connectionString: ctx.db.url, max: 4 });
    ctx.pool.on("error", () => {});
  });
  afterAll(async () => {
    await ctx.pool?.end();
    await ctx.db?.drop();
  });
  beforeEach(async () => {
    await ctx.pool.query(
      "TRUNCATE _metadata.mappings_relation, _metadata.mappings_column, _metadata.mappings_table RESTART IDENTITY CASCADE",
    );
  });
  return ctx;
}

/** Table form values as the New table dialog sends them (graphql_type derived from the name). */
export function tableValues(table_name: string, overrides: Partial<TableValues> = {}): TableValues {
  return tableSchema.parse({
    ...tableDefaults,
    table_name,
    label: labelFor(table_name),
    graphql_type: graphqlTypeForTable(table_name),
    ...overrides,
  });
}

/** An Add column row with only name and type given: the rest is left to addColumns' derivation. */
export function newColumn(pg_column: string, pg_type: string, extra: Partial<NewColumnValues> = {}): NewColumnValues {
  return newColumnSchema.parse({
    pg_column,
    pg_type,
    label: labelFor(pg_column),
    graphql_field: "",
    graphql_type: "",
    form_type: "",
    is_required: pg_column === "id",
    is_unique: false,
    is_primary_key: pg_column === "id",
    ...extra,
  });
}

export function relationValues(values: Partial<RelationInput> & Pick<RelationInput, "from_table_id" | "to_table_id">) {
  return relationSchema.parse({
    from_column: "id",
    to_column: "id",
    relation_type: "ManyToOne",
    graphql_field: "",
    is_cascade_delete: false,
    constraint_name: "",
    ...values,
  });
}

export interface Journey {
  users: TableRow;
  posts: TableRow;
  userColumns: ColumnRow[];
  postColumns: ColumnRow[];
  author: RelationRow;
}

/**
 * The acceptance journey: users (사용자) with id, email, name; posts with id, title, user_id;
 * posts.user_id → users.id ManyToOne as `author`.
 */
export async function journey(pool: pg.Pool): Promise<Journey> {
  const users = await createTable(tableValues("users", { label: "사용자" }), pool);
  const userColumns = await addColumns(
    users.id,
    [
      newColumn("id", "BIGSERIAL"),
      newColumn("email", "VARCHAR(255)", { form_type: "email", is_required: true, is_unique: true }),
      newColumn("name", "VARCHAR(100)"),
    ],
    pool,
  );
  const posts = await createTable(tableValues("posts", { label: "게시글" }), pool);
  const postColumns = await addColumns(
    posts.id,
    [newColumn("id", "BIGSERIAL"), newColumn("title", "VARCHAR(200)", { is_required: true }), newColumn("user_id", "BIGINT")],
    pool,
  );
  const author = await createRelation(
    relationValues({ from_table_id: posts.id, from_column: "user_id", to_table_id: users.id, to_column: "id", graphql_field: "author" }),
    pool,
  );
  return { users, posts, userColumns, postColumns, author };
}

/** Rows of a query, for assertions. */
export async function rows<R extends pg.QueryResultRow = Record<string, unknown>>(pool: pg.Pool, sql: string, params: unknown[] = []) {
  return (await pool.query<R>(sql, params)).rows;
}

/** Every mappings row (tables, columns, relations) as text, to compare before and after a refused change. */
export async function snapshot(pool: pg.Pool): Promise<string[]> {
  const all = await rows<{ r: string }>(
    pool,
    `SELECT 't' || t::text AS r FROM _metadata.mappings_table t
     UNION ALL SELECT 'c' || c::text FROM _metadata.mappings_column c
     UNION ALL SELECT 'r' || r::text FROM _metadata.mappings_relation r ORDER BY 1`,
  );
  return all.map((x) => x.r);
}

/** Awaits a promise that must reject, and returns what it threw. */
export async function thrown(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected the call to throw, it resolved");
}

/** Resolves once a session of the pool's database waits for a lock (the call under test is blocked). */
export async function waitForLockWait(pool: pg.Pool) {
  for (let i = 0; i < 500; i++) {
    const waiting = await rows(pool, "SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'");
    if (waiting.length > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error("the call never waited for the lock");
}

/** A LOGIN role that may edit the metadata but does not own it, connected to `url`'s database; end() drops it. */
export async function editorRole(pool: pg.Pool, url: string) {
  const role = `meta_editor_${process.pid}_${randomBytes(3).toString("hex")}`;
  const password = randomBytes(12).toString("hex");
  await pool.query(`CREATE ROLE ${role} LOGIN PASSWORD '${password}'`);
  const end = async () => {
    await client.end().catch(() => {});
    await pool.query(`DROP OWNED BY ${role}`);
    await pool.query(`DROP ROLE ${role}`);
  };
  const login = new URL(url);
  login.username = role;
  login.password = password;
  const client = new pg.Client({ connectionString: login.toString() });
  try {
    await pool.query(`GRANT USAGE ON SCHEMA _metadata TO ${role}`);
    await pool.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA _metadata TO ${role}`);
    await pool.query(`GRANT USAGE ON ALL SEQUENCES IN SCHEMA _metadata TO ${role}`);
    await client.connect();
  } catch (error) {
    await end();
    throw error;
  }
  const oid = (await rows<{ oid: number }>(pool, "SELECT oid::bigint::int AS oid FROM pg_roles WHERE rolname = $1", [role]))[0].oid;
  return { role, oid, client, url: login.toString(), end };
}
