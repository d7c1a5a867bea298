import pg from "pg";
import { DatabaseBusyError, describeLockHolder, findLockHolder, WriteSlots } from "./busy";
import { resolveConnection, type ResolvedConnection } from "./config";
import { localTimeoutsSql, readDbLimits, type DbLimits } from "./limits";
import { say } from "../i18n/messages";
import { mark } from "../server-timing";

// BIGINT (int8) ids come back as strings by default; metadata ids stay far below 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

export type Queryable = Pick<pg.Pool | pg.PoolClient | pg.Client, "query">;

interface PoolState {
  pool: pg.Pool;
  connection: ResolvedConnection;
}

// One pool per process, kept on globalThis so `next dev` reloads don't leak connections.
const globalKey = Symbol.for("metadata-editor.pool");
type GlobalWithPool = typeof globalThis & { [globalKey]?: PoolState };

export class NotConfiguredError extends Error {
  constructor() {
    super(
      "No database is configured. Set DATABASE_URL or DB_HOST/DB_PORT/DB_USER/DB_PASSWORD/DB_NAME (in .env), " +
        "or start the editor with `npm start`, which runs an embedded PostgreSQL when none is set.",
    );
    this.name = "NotConfiguredError";
  }
}

export function getConnection(): ResolvedConnection {
  return getState().connection;
}

function getState(): PoolState {
  const g = globalThis as GlobalWithPool;
  if (!g[globalKey]) {
    const connection = resolveConnection();
    if (connection.source === "none") throw new NotConfiguredError();
    const limits = readDbLimits();
    const pool = new pg.Pool({
      ...connection.config,
      max: limits.poolMax,
      connectionTimeoutMillis: limits.poolTimeoutMs,
      idleTimeoutMillis: 30_000,
      application_name: "metadata-editor",
      // Startup parameters cover every query, reads included; PgBouncer refuses them (then: per transaction only).
      ...(limits.pgbouncer ? {} : { statement_timeout: limits.statementTimeoutMs, lock_timeout: limits.lockTimeoutMs }),
    });
    // An idle client's error (server restart) must not crash the server; the next query reports it.
    pool.on("error", (error) => console.error("[db] idle client error:", error.message));
    governPool(pool, limits);
    g[globalKey] = { pool, connection };
  }
  return g[globalKey];
}

export function getPool(): pg.Pool {
  return getState().pool;
}

export async function query<R extends pg.QueryResultRow>(
  text: string,
  values: unknown[] = [],
  db: Queryable = getPool(),
): Promise<R[]> {
  const result = await db.query<R>(text, values);
  return result.rows;
}

export async function maybeOne<R extends pg.QueryResultRow>(
  text: string,
  values: unknown[] = [],
  db: Queryable = getPool(),
): Promise<R | null> {
  const rows = await query<R>(text, values, db);
  return rows[0] ?? null;
}

export async function one<R extends pg.QueryResultRow>(
  text: string,
  values: unknown[] = [],
  db: Queryable = getPool(),
): Promise<R> {
  const row = await maybeOne<R>(text, values, db);
  if (!row) throw new Error("Expected one row, got none");
  return row;
}

/** Runs `work` in one transaction on `client`: all of it commits, or (on any error) none of it. */
export async function onClientInTransaction<C extends pg.ClientBase, T>(
  client: C,
  work: (client: C) => Promise<T>,
  begin = "BEGIN",
): Promise<T> {
  await client.query(begin);
  mark("begin");
  try {
    const result = await work(client);
    await client.query("COMMIT");
    mark("commit");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  }
}

interface Governance {
  limits: DbLimits;
  slots: WriteSlots;
}
const governed = new WeakMap<pg.Pool, Governance>();

/**
 * Puts `pool`'s transactions under `limits`: the timeouts are set in each transaction, and only `writeSlots`
 * transactions run at once, so edits stuck behind a lock cannot take the connections pages read with.
 */
export function governPool(pool: pg.Pool, limits: DbLimits): void {
  governed.set(pool, { limits, slots: new WriteSlots(limits.writeSlots, limits.poolTimeoutMs) });
}

/** Runs `work` in one transaction on one client from `pool`: all of it commits, or none of it. */
export async function tx<T>(work: (client: pg.PoolClient) => Promise<T>, pool: pg.Pool = getPool()): Promise<T> {
  return onWriteClient(pool, (client, governance) =>
    onClientInTransaction(client, work, governance ? `BEGIN; ${localTimeoutsSql(governance.limits)}` : "BEGIN"),
  );
}

/**
 * Runs `work`, which sends exactly ONE writing statement (reads after it are fine), without a transaction block:
 * PostgreSQL runs a lone statement in its own transaction, all or nothing, so BEGIN and COMMIT would only add two
 * round trips (a grid cell's edit: lib/metadata/versioned-row.ts). Same write slots and lock-timeout message as
 * tx. Behind PgBouncer the timeouts hold only inside a transaction (SET LOCAL), so there it is tx.
 */
export async function autocommit<T>(work: (client: pg.PoolClient) => Promise<T>, pool: pg.Pool = getPool()): Promise<T> {
  if (governed.get(pool)?.limits.pgbouncer) return tx(work, pool);
  return onWriteClient(pool, (client) => work(client));
}

/** A client for writing: a write slot when the pool is governed, a lock timeout explained. */
async function onWriteClient<T>(pool: pg.Pool, work: (client: pg.PoolClient, governance: Governance | undefined) => Promise<T>) {
  const governance = governed.get(pool);
  const releaseSlot = governance ? await governance.slots.acquire() : null;
  try {
    const client = await pool.connect();
    mark("connect");
    try {
      return await work(client, governance);
    } finally {
      client.release();
    }
  } catch (error) {
    throw await explainLockTimeout(error, pool);
  } finally {
    releaseSlot?.();
  }
}

/** A lock timeout becomes a DatabaseBusyError naming the session that holds the lock, when it can be found. */
async function explainLockTimeout(error: unknown, pool: pg.Pool): Promise<unknown> {
  if ((error as { code?: string } | null)?.code !== "55P03") return error;
  const holder = await findLockHolder(pool);
  const message = holder ? say("server.lockHeld", { holder: describeLockHolder(holder) }) : say("server.lockHeldElsewhere");
  console.error("[db] lock timeout:", (error as Error).message, `(${message})`);
  return new DatabaseBusyError(message);
}

/**
 * A row for the browser without its NULL fields: on wide, mostly-empty metadata rows that is half the page's
 * payload. Readers treat a missing field as NULL.
 */
export function withoutNulls<R extends object>(row: R): R {
  return Object.fromEntries(Object.entries(row).filter(([, v]) => v !== null)) as R;
}

/** Which fields of a query's rows are NULL, field by field (a trie); at the end, a row of that shape to copy. */
interface NullShape {
  absent?: NullShape;
  present?: NullShape;
  template?: Record<string, null>;
}

/**
 * withoutNulls for every row of one query's result, allocating little more than the new rows: the 2,000-column
 * table's page allocated ~9 MB per load doing it with a pair array per field (now ~2 MB). Rows
 * with the same NULL fields are copies of one template (spread, then filled): objects of one shape, as
 * `Object.fromEntries` gives, where adding ~40 fields one by one would make each a slow dictionary object. A row
 * whose fields are not the first row's (in order) takes withoutNulls.
 */
export function rowsWithoutNulls<R extends object>(rows: readonly R[]): R[] {
  if (rows.length === 0) return [];
  const keys = Object.keys(rows[0]);
  const root: NullShape = {};
  return rows.map((row) => {
    const fields = row as Record<string, unknown>;
    let i = 0;
    for (const key in fields) if (key !== keys[i++]) return withoutNulls(row);
    if (i !== keys.length) return withoutNulls(row);
    let shape = root;
    for (let k = 0; k < keys.length; k++) shape = fields[keys[k]] === null ? (shape.absent ??= {}) : (shape.present ??= {});
    shape.template ??= Object.fromEntries(keys.filter((key) => fields[key] !== null).map((key) => [key, null]));
    const out: Record<string, unknown> = { ...shape.template };
    for (const key in out) out[key] = fields[key];
    return out as R;
  });
}
