import { createHash } from "node:crypto";
import type pg from "pg";
import type { Queryable } from "../db/pool";
import { currentLocale } from "../i18n/messages";
import { previewPlan, type PlanPreview } from "./apply";
import { loadSync, type SyncState } from "./sync";

/**
 * The last drift and plan results, kept while the database shows exactly what they were computed from.
 *
 * At 5,000 tables a drift takes 1–1.6 s (the metadata, the catalog, the server's spelling of every type and
 * default); the Drift and Plan pages, "Show more", and Download each needed one. The fingerprint is PostgreSQL's own
 * snapshot (pg_current_snapshot): what a statement sees is fixed by which transactions had committed when it
 * began. If every transaction that ended between two snapshots was rolled back, the two see the same rows of every
 * table, catalog and data alike (the metadata, pg_class…, and the rows a destructive statement counts), so a result
 * computed at the first is the result at the second. One commit anywhere on the server, even one that changes
 * nothing the result depends on, means computing again: a stale result is never shown as current. Our own
 * probes (canonicalize's rolled-back transaction) end in ROLLBACK and do not count. (What PostgreSQL changes without
 * a transaction id, in place, is not read by the drift: pg_class's relpages / reltuples / relfrozenxid, pg_index's
 * indisvalid; sequences' values neither.)
 *
 * Results are shared between requests: callers must not change them. Not for work inside a transaction.
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
const MAX_ENTRIES = 4;

export async function takeSnapshot(db: Queryable): Promise<Snapshot> {
  const { rows } = await db.query<{ snapshot: string; server: string }>(
    // The postmaster's start time: another server restarted on the same port is not the same sequence of transactions.
    `SELECT pg_current_snapshot()::text AS snapshot,
            concat_ws(' ', current_database(), inet_server_addr(), inet_server_port(), pg_postmaster_start_time()) AS server`,
  );
  const [xmin, xmax, xip] = rows[0].snapshot.split(":");
  return { server: rows[0].server, xmin: BigInt(xmin), xmax: BigInt(xmax), xip: xip ? xip.split(",").map(BigInt) : [] };
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

interface Entry {
  snapshot: Snapshot;
  value: unknown;
}
const globalKey = Symbol.for("metadata-editor.sync-last-result");
type GlobalWithResults = typeof globalThis & { [globalKey]?: Map<string, Entry> };
// On globalThis: Next may bundle this module into more than one route's server chunk.
const entries = ((globalThis as GlobalWithResults)[globalKey] ??= new Map<string, Entry>());

/**
 * `compute()`'s result, or the one kept under `key` when nothing committed since it was computed. A result is kept
 * only when nothing committed while it was computed either (then it is the state of one moment).
 */
export async function lastResult<T>(db: Queryable, key: string, compute: () => Promise<T>): Promise<T> {
  const before = await takeSnapshot(db);
  const kept = entries.get(key);
  if (kept && (await sameVisibleState(db, kept.snapshot, before))) {
    // Moved forward: the next check looks only at transactions from here on.
    kept.snapshot = before;
    entries.delete(key);
    entries.set(key, kept);
    return kept.value as T;
  }
  entries.delete(key);
  const value = await compute();
  const after = await takeSnapshot(db);
  if (await sameVisibleState(db, before, after)) {
    entries.set(key, { snapshot: after, value });
    while (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
  }
  return value;
}

/** Forgets every kept result (tests). */
export function forgetResults() {
  entries.clear();
}

// Texts in the results (problems, notes) are in the request's language: one entry per language.
const syncKey = () => `sync ${currentLocale()}`;

/** The drift of the default scope (loadSync without options), as it is now. Shared: do not change it. */
export function currentSync(db: pg.ClientBase): Promise<SyncState> {
  return lastResult(db, syncKey(), () => loadSync(db));
}

/** The plan preview for the chosen drift items (all when none), as it is now. Shared: do not change it. */
export function currentPlan(db: pg.ClientBase, itemIds: string[] = []): Promise<PlanPreview> {
  const chosen = createHash("sha256").update([...itemIds].sort().join("\n")).digest("hex");
  return lastResult(db, `plan ${currentLocale()} ${chosen}`, async () => previewPlan(db, { itemIds, state: await currentSync(db) }));
}
