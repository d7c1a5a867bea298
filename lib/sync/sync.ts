import { createHash } from "node:crypto";
import type pg from "pg";
import { compareModels, type DriftItem } from "./drift";
import { DRIFT_PAGE_SIZE } from "./drift-page-size";
import { readMetadataModel, type MetadataModel } from "./from-metadata";
import { introspect, type Introspection } from "./introspect";
import { tableKey } from "./model";
import { buildPlan, planScripts, type Plan } from "./plan";
import { canonicalize, type Canonical } from "./probe";

/**
 * The loop's shared state: the metadata (read from `meta`), the live catalog (read from `target`, which is the
 * same database in the editor; tests point it elsewhere), the metadata in the server's spelling, and the drift.
 */
export interface SyncState {
  schemas: string[];
  raw: MetadataModel;
  actual: Introspection;
  canonical: Canonical;
  items: DriftItem[];
  /** Metadata tables the database has in a form the metadata cannot express (a view, a partitioned table). */
  notComparable: string[];
}

export interface SyncOptions {
  /** The database whose tables are compared and changed; defaults to the metadata's own. */
  target?: pg.ClientBase;
  /** Schemas to compare; default: every schema the metadata names, plus the project's default_schema. */
  schemas?: string[];
  /** The caller already holds a transaction on the target (apply). */
  inTransaction?: boolean;
}

/** `work` in a transaction that is always rolled back: the probes never keep anything. */
async function rolledBack<T>(client: pg.ClientBase, work: () => Promise<T>): Promise<T> {
  await client.query("BEGIN");
  try {
    return await work();
  } finally {
    await client.query("ROLLBACK");
  }
}

export async function defaultScope(meta: pg.ClientBase): Promise<string[]> {
  const { rows } = await meta.query<{ schema: string }>(
    `SELECT DISTINCT schema_name AS schema FROM _metadata.mappings_table
     UNION SELECT default_schema FROM _metadata.project WHERE default_schema IS NOT NULL
     ORDER BY 1`,
  );
  return rows.map((r) => r.schema);
}

export async function loadSync(meta: pg.ClientBase, options: SyncOptions = {}): Promise<SyncState> {
  const target = options.target ?? meta;
  const schemas = options.schemas ?? (await defaultScope(meta));
  // With a separate target connection the two reads overlap; on one connection pg queues them.
  const [raw, actual] = await Promise.all([readMetadataModel(meta, schemas), introspect(target, schemas)]);
  const canonical = options.inTransaction
    ? await canonicalize(target, raw, actual.model)
    : await rolledBack(target, () => canonicalize(target, raw, actual.model));
  const skipped = new Set(actual.skipped.filter((s) => /table|view|partition/.test(s.kind)).map((s) => s.name));
  const notComparable = canonical.model.tables.map(tableKey).filter((k) => skipped.has(k));
  const desired = { ...canonical.model, tables: canonical.model.tables.filter((t) => !skipped.has(tableKey(t))) };
  // A metadata table left out for a name that cannot be quoted is not compared: its live table is not "only in the
  // database" (that would plan a DROP TABLE for a typo made in psql).
  const leftOut = new Set(raw.leftOut);
  const touches = (fk: { schema: string; table: string; toSchema: string; toTable: string }) =>
    leftOut.has(`${fk.schema}.${fk.table}`) || leftOut.has(`${fk.toSchema}.${fk.toTable}`);
  const compared = leftOut.size
    ? { ...actual.model, tables: actual.model.tables.filter((t) => !leftOut.has(tableKey(t))), foreignKeys: actual.model.foreignKeys.filter((fk) => !touches(fk)) }
    : actual.model;
  const items = compareModels({ ...desired, foreignKeys: desired.foreignKeys.filter((fk) => !touches(fk)) }, compared);
  return { schemas, raw, actual, canonical: { ...canonical, model: desired }, items, notComparable };
}

/** The plan for the chosen drift items (all when `itemIds` is empty), with the enum types they need. */
export function planFor(state: SyncState, itemIds: string[] = []): Plan & { items: DriftItem[] } {
  let items = state.items;
  if (itemIds.length) {
    const chosen = new Set(itemIds);
    items = state.items.filter((i) => chosen.has(i.id));
    const tables = new Map(state.canonical.model.tables.map((t) => [tableKey(t), t]));
    const needed = new Set(items.flatMap((i) => tables.get(i.table)?.columns.map((c) => c.type) ?? []));
    for (const e of state.items.filter((i) => i.kind === "enum" && !chosen.has(i.id))) {
      const enumModel = state.canonical.model.enums.find((x) => tableKey(x) === e.table);
      if (enumModel && [...needed].some((t) => t === e.table || t === enumModel.name || t.endsWith(`.${enumModel.name}`))) items = [e, ...items];
    }
  }
  return { ...buildPlan(items, state.canonical.model, state.actual.model, state.raw.manyToMany), items };
}

export { planScripts };

/** One page of the drift list, and a digest of the whole list: "Show more" must continue the list it began. */
export interface DriftPage {
  items: DriftItem[];
  offset: number;
  total: number;
  digest: string;
}

export function driftPage(items: DriftItem[], offset = 0): DriftPage {
  const digest = createHash("sha256").update(items.map((i) => i.id).join("\n")).digest("hex").slice(0, 16);
  return { items: items.slice(offset, offset + DRIFT_PAGE_SIZE), offset, total: items.length, digest };
}
