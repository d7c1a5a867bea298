import {
  foreignKeyKey,
  indexKey,
  tableKey,
  type ColumnModel,
  type ForeignKeyModel,
  type IndexModel,
  type SchemaModel,
  type TableModel,
} from "./model";
import { say } from "../i18n/messages";

export type DriftKind =
  | "table"
  | "column"
  | "type"
  | "generation"
  | "nullability"
  | "default"
  | "comment"
  | "primary-key"
  | "unique"
  | "index"
  | "check"
  | "foreign-key"
  | "enum";

/** One difference between the metadata and the database; `metadata` / `database` null = absent on that side. */
export interface DriftItem {
  id: string;
  kind: DriftKind;
  /** schema.table (for enums: schema.type). */
  table: string;
  column: string | null;
  /** Index, check, constraint or enum name where there is one. */
  name: string | null;
  metadata: string | null;
  database: string | null;
}

const blank = (s: string | null | undefined) => (s === undefined || s === null || s === "" ? null : s);

export function describeColumn(c: ColumnModel): string {
  const parts = [c.serial ?? c.type];
  if (c.identity) parts.push(`GENERATED ${c.identity.toUpperCase()} AS IDENTITY`);
  if (c.notNull) parts.push("NOT NULL");
  if (c.default !== null) parts.push(`DEFAULT ${c.default}`);
  return parts.join(" ");
}

export const describeIndex = (i: IndexModel) =>
  `${i.unique ? "UNIQUE " : ""}${i.method.toUpperCase()} (${i.columns.join(", ")})${i.where ? ` WHERE ${i.where}` : ""}`;

export const describeForeignKey = (fk: ForeignKeyModel) =>
  `${fk.column} → ${fk.toSchema}.${fk.toTable}(${fk.toColumn})${fk.cascade ? " ON DELETE CASCADE" : ""}${fk.name ? ` [${fk.name}]` : ""}`;

const generationOf = (c: ColumnModel) => c.serial ?? (c.identity ? `identity:${c.identity}` : null);
// Said (in the language of whoever asked) only for the columns that differ.
const describeGeneration = (c: ColumnModel) =>
  c.serial ?? (c.identity ? say("sync.value.identity", { kind: c.identity }) : say("sync.value.none"));

/** Metadata (desired) against the catalog (actual), item by item, in a stable order. */
export function compareModels(desired: SchemaModel, actual: SchemaModel): DriftItem[] {
  const items: DriftItem[] = [];
  const push = (kind: DriftKind, table: string, column: string | null, name: string | null, metadata: string | null, database: string | null) =>
    items.push({ id: `${kind}:${table}:${column ?? ""}:${name ?? ""}`, kind, table, column, name, metadata, database });

  const liveEnums = new Map(actual.enums.map((e) => [tableKey(e), e]));
  for (const e of desired.enums) {
    const live = liveEnums.get(tableKey(e));
    const want = e.labels.join(", ");
    if (!live || live.labels.join(", ") !== want) push("enum", tableKey(e), null, e.name, want, live ? live.labels.join(", ") : null);
  }
  const live = new Map(actual.tables.map((t) => [tableKey(t), t]));
  const wanted = new Map(desired.tables.map((t) => [tableKey(t), t]));
  for (const t of desired.tables) {
    const a = live.get(tableKey(t));
    if (!a) push("table", tableKey(t), null, null, say("sync.value.columns", { count: String(t.columns.length) }), null);
    else compareTables(t, a, push);
  }
  for (const a of actual.tables) if (!wanted.has(tableKey(a))) push("table", tableKey(a), null, null, null, say("sync.value.columns", { count: String(a.columns.length) }));

  const liveFks = new Map(actual.foreignKeys.map((f) => [foreignKeyKey(f), f]));
  const wantedFks = new Set(desired.foreignKeys.map(foreignKeyKey));
  for (const f of desired.foreignKeys) {
    const a = liveFks.get(foreignKeyKey(f));
    const differs = a && (a.cascade !== f.cascade || (f.name !== "" && f.name !== a.name));
    if (!a || differs) push("foreign-key", `${f.schema}.${f.table}`, f.column, foreignKeyKey(f), describeForeignKey(f), a ? describeForeignKey(a) : null);
  }
  for (const a of actual.foreignKeys) {
    if (!wantedFks.has(foreignKeyKey(a))) push("foreign-key", `${a.schema}.${a.table}`, a.column, foreignKeyKey(a), null, describeForeignKey(a));
  }
  return items;
}

type Push = (kind: DriftKind, table: string, column: string | null, name: string | null, metadata: string | null, database: string | null) => void;

function compareTables(t: TableModel, a: TableModel, push: Push) {
  const key = tableKey(t);
  const liveColumns = new Map(a.columns.map((c) => [c.name, c]));
  for (const c of t.columns) {
    const l = liveColumns.get(c.name);
    if (!l) {
      push("column", key, c.name, null, describeColumn(c), null);
      continue;
    }
    if (c.type !== l.type) push("type", key, c.name, null, c.type, l.type);
    if (generationOf(c) !== generationOf(l)) push("generation", key, c.name, null, describeGeneration(c), describeGeneration(l));
    if (c.notNull !== l.notNull) push("nullability", key, c.name, null, c.notNull ? "NOT NULL" : "NULL", l.notNull ? "NOT NULL" : "NULL");
    if (blank(c.default) !== blank(l.default) && !c.serial && !l.serial) push("default", key, c.name, null, blank(c.default), blank(l.default));
    if (blank(c.comment) !== blank(l.comment)) push("comment", key, c.name, null, blank(c.comment), blank(l.comment));
  }
  const wantedColumns = new Set(t.columns.map((c) => c.name));
  for (const l of a.columns) if (!wantedColumns.has(l.name)) push("column", key, l.name, null, null, describeColumn(l));
  if (blank(t.comment) !== blank(a.comment)) push("comment", key, null, null, blank(t.comment), blank(a.comment));

  const pk = [...t.primaryKey].sort().join(", ");
  const livePk = [...a.primaryKey].sort().join(", ");
  if (pk !== livePk) push("primary-key", key, null, null, pk || null, livePk || null);

  const uniques = new Set(t.uniques.map((u) => u.column));
  const liveUniques = new Set(a.uniques.map((u) => u.column));
  for (const u of uniques) if (!liveUniques.has(u)) push("unique", key, u, null, "UNIQUE", null);
  for (const u of a.uniques) if (!uniques.has(u.column)) push("unique", key, u.column, u.name, null, "UNIQUE");

  const indexes = new Map(t.indexes.map((i) => [indexKey(i), i]));
  const liveIndexes = new Map(a.indexes.map((i) => [indexKey(i), i]));
  for (const [k, i] of indexes) if (!liveIndexes.has(k)) push("index", key, null, k, describeIndex(i), null);
  for (const [k, i] of liveIndexes) if (!indexes.has(k)) push("index", key, null, k, null, describeIndex(i));

  const liveChecks = new Map(a.checks.map((c) => [c.name, c]));
  for (const c of t.checks) {
    const l = liveChecks.get(c.name);
    if (!l || l.condition !== c.condition) push("check", key, null, c.name, c.condition, l?.condition ?? null);
  }
  const checks = new Set(t.checks.map((c) => c.name));
  for (const l of a.checks) if (!checks.has(l.name)) push("check", key, null, l.name, null, l.condition);
}
