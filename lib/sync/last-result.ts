import { createHash } from "node:crypto";
import type pg from "pg";
import type { Queryable } from "../db/pool";
import { currentLocale } from "../i18n/messages";
import { previewPlan, type PlanPreview } from "./apply";
import { sameSchemaRows, schemaFingerprint, type SchemaFingerprint } from "./schema-fingerprint";
import { sameVisibleState, takeSnapshot, type Snapshot } from "./snapshot";
import { loadSync, type SyncState } from "./sync";

/**
 * The last drift and plan results, kept while the database shows exactly what they were computed from.
 *
 * At 5,000 tables a drift takes 1–1.6 s (the metadata, the catalog, the server's spelling of every type and
 * default); the Drift and Plan pages, "Show more", and Download each needed one. Two checks, the cheap one first:
 * - nothing committed anywhere on the server since (snapshot.ts: PostgreSQL's own snapshot; our own probes end in
 *   ROLLBACK and do not count);
 * - or, when something did, none of the rows the drift is computed from changed (schema-fingerprint.ts: the
 *   catalog and the metadata, row by row; autovacuum's and ANALYZE's statistics, a business table's data and other
 *   databases do not count). A plan that counts rows for its destructive statements depends on data too: it is
 *   kept only while nothing committed.
 * A stale result is never shown as current: every commit that wrote a row the result depends on means computing
 * again. (What PostgreSQL changes in place, without a new row version, is not read by the drift: pg_class's
 * relpages / reltuples / relfrozenxid, pg_index's indisvalid; sequences' values neither.)
 *
 * Results are shared between requests: callers must not change them. Not for work inside a transaction.
 */
interface Entry {
  snapshot: Snapshot;
  /** The rows it was computed from; null: kept only while nothing commits. */
  rows: SchemaFingerprint | null;
  value: unknown;
}
const MAX_ENTRIES = 4;
const globalKey = Symbol.for("metadata-editor.sync-last-result");
type GlobalWithResults = typeof globalThis & { [globalKey]?: Map<string, Entry> };
// On globalThis: Next may bundle this module into more than one route's server chunk.
const entries = ((globalThis as GlobalWithResults)[globalKey] ??= new Map<string, Entry>());

/** Whether `kept` still holds; moves its snapshot forward when it does (the next check looks from there). */
async function stillHolds(db: Queryable, kept: Entry, now: Snapshot): Promise<boolean> {
  if (await sameVisibleState(db, kept.snapshot, now)) {
    kept.snapshot = now;
    return true;
  }
  if (!kept.rows) return false;
  const rows = await schemaFingerprint(db, kept.snapshot);
  if (!sameSchemaRows(kept.rows, rows)) return false;
  kept.snapshot = rows.snapshot;
  return true;
}

/**
 * `compute()`'s result, or the one kept under `key` while what it depends on is unchanged: nothing committed
 * since, or (unless `dataToo` says the result also reads business data) none of the catalog's and the metadata's
 * rows changed. A result is kept only when nothing committed while it was computed (then it is the state of one
 * moment).
 */
export async function lastResult<T>(db: Queryable, key: string, compute: () => Promise<T>, dataToo: (value: T) => boolean = () => false): Promise<T> {
  const before = await takeSnapshot(db);
  const kept = entries.get(key);
  if (kept && (await stillHolds(db, kept, before))) {
    entries.delete(key);
    entries.set(key, kept);
    return kept.value as T;
  }
  entries.delete(key);
  const value = await compute();
  const rows = await schemaFingerprint(db);
  if (await sameVisibleState(db, before, rows.snapshot)) {
    entries.set(key, { snapshot: rows.snapshot, rows: dataToo(value) ? null : rows, value });
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
  return lastResult(
    db,
    `plan ${currentLocale()} ${chosen}`,
    async () => previewPlan(db, { itemIds, state: await currentSync(db) }),
    // The rows a destructive statement touches were counted: the business tables' data counts too.
    (plan) => plan.statements.some((s) => s.rows !== null),
  );
}
