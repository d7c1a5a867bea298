import type { Queryable } from "../db/pool";

/**
 * PostgreSQL's own snapshot as a fingerprint of the whole server: what a statement sees is fixed by which
 * transactions had committed when it began. If every transaction that ended between two snapshots was rolled back,
 * the two see the same rows of every table, catalog and data alike.
 */
export interface Snapshot {
  /** The server and database the snapshot belongs to (snapshots of different servers say nothing of each other). */
  server: string;
  xmin: bigint;
  xmax: bigint;
  /** Transactions running when it was taken (top-level ids). */
  xip: bigint[];
}

/** Beyond this many transactions to look up, the state counts as changed (one more computation, never a stale one). */
const MAX_CHECKED = 10_000;

/**
 * The server's identity, as SQL: the postmaster's start time too, since another server restarted on the same port is
 * not the same sequence of transactions.
 */
export const SERVER_SQL = "concat_ws(' ', current_database(), inet_server_addr(), inet_server_port(), pg_postmaster_start_time())";

/** `pg_current_snapshot()::text` as a Snapshot. */
export function parseSnapshot(text: string, server: string): Snapshot {
  const [xmin, xmax, xip] = text.split(":");
  return { server, xmin: BigInt(xmin), xmax: BigInt(xmax), xip: xip ? xip.split(",").map(BigInt) : [] };
}

export async function takeSnapshot(db: Queryable): Promise<Snapshot> {
  const { rows } = await db.query<{ snapshot: string; server: string }>(`SELECT pg_current_snapshot()::text AS snapshot, ${SERVER_SQL} AS server`);
  return parseSnapshot(rows[0].snapshot, rows[0].server);
}

/**
 * The transactions that may have ended between `then` and `now`: those running at `then` and no longer at `now`,
 * and those begun since (ids from then.xmax) that are not running at `now` (subtransactions of a running one among
 * them: the snapshot lists top-level ids only). Null when they cannot be looked up (too many, another server).
 */
export function endedBetween(then: Snapshot, now: Snapshot): bigint[] | null {
  if (then.server !== now.server || now.xmax < then.xmax) return null;
  if (now.xmax - then.xmax + BigInt(then.xip.length) > BigInt(MAX_CHECKED)) return null;
  const running = new Set(now.xip);
  const ended = then.xip.filter((x) => !running.has(x));
  for (let x = then.xmax; x < now.xmax; x++) if (!running.has(x)) ended.push(x);
  return ended;
}

/** `now` sees what `then` saw: no transaction that ended in between committed. */
export async function sameVisibleState(db: Queryable, then: Snapshot, now: Snapshot): Promise<boolean> {
  const ended = endedBetween(then, now);
  if (ended === null) return false;
  if (ended.length === 0) return true;
  // "in progress" now: a subtransaction whose top-level transaction is still running, invisible to `now` too.
  // NULL: too old for the server to know; counted as committed.
  const { rows } = await db.query<{ committed: number }>(
    `SELECT count(*)::int AS committed FROM unnest($1::text[]) AS x
      WHERE coalesce(pg_xact_status(x::xid8), 'committed') NOT IN ('aborted', 'in progress')`,
    [ended.map(String)],
  );
  return rows[0].committed === 0;
}
