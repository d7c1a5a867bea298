import { graphqlTypeForTable } from "../metadata/derive";
import type { CodegenInput, ColumnInput, Problem, StrayColumn, TableInput } from "./model";
import { say } from "../i18n/messages";
import { graphqlNameProblem, lowerFirst, pascal, RESERVED_TYPE_NAMES } from "./names";
import { resolveColumnOnce, type ColumnCache, type ResolvedColumn } from "./resolve-column";
import { resolveRelations, type RelationField } from "./resolve-relations";

export type { ColumnCache, ColumnOutcome, ColumnShape, ResolvedColumn } from "./resolve-column";

export interface ResolvedTable {
  table: TableInput;
  typeName: string;
  /** In the GraphQL API (is_api_enabled and its root fields are unique). */
  api: boolean;
  columns: ResolvedColumn[];
  pk: ResolvedColumn | null;
  one: string;
  many: string;
  relationFields: RelationField[];
}

export interface ResolvedModel {
  tables: ResolvedTable[];
  problems: Problem[];
}

/**
 * What a table resolves to by itself: its type name, columns, key, root field names and problems. It depends on
 * the other tables only through the type names: whether its own is shared, and whether a table's type has the
 * name of one of its enum types. Kept per table row object (`metadata:generate --watch` keeps the rows of
 * unchanged tables), reused while those answers are the same.
 */
interface LocalTable {
  typeName: string;
  shared: boolean;
  /** Its enum types' names, each with whether a table's type had that name. */
  enums: [string, boolean][];
  problems: Problem[];
  /** null: the table is left out (its type name's problem). */
  resolved: Pick<ResolvedTable, "columns" | "pk" | "one" | "many"> | null;
  /** Every name it puts into the generated files, the same without repeats, and the first that clashes within the table (-1: none). */
  names: string[];
  unique: string[];
  ownClash: number;
}

/** What a caller that keeps unchanged row objects (and never mutates them) lets the resolution reuse. */
export class ResolveCache {
  readonly columns: ColumnCache = new WeakMap();
  readonly tables = new WeakMap<TableInput, LocalTable>();
  readonly owners = new NameOwners();
}

const byOrder = (a: ColumnInput, b: ColumnInput) => (a.sort_order ?? 0) - (b.sort_order ?? 0) || a.id - b.id;
const byName = (a: TableInput, b: TableInput) =>
  a.schema_name.localeCompare(b.schema_name) || a.table_name.localeCompare(b.table_name) || a.id - b.id;

export const typeNameOf = (t: Pick<TableInput, "graphql_type" | "table_name">) => t.graphql_type?.trim() || graphqlTypeForTable(t.table_name);

function resolveLocal(table: TableInput, typeName: string, counts: Map<string, number>, cache: ResolveCache | undefined): LocalTable {
  const problems: Problem[] = [];
  const shared = (counts.get(typeName) ?? 0) > 1;
  const local: LocalTable = { typeName, shared, enums: [], problems, resolved: null, names: [], unique: [], ownClash: -1 };
  const problem =
    graphqlNameProblem(typeName, "type") ??
    (RESERVED_TYPE_NAMES.has(typeName) ? say("codegen.reservedType", { name: typeName }) : null) ??
    (shared ? say("codegen.sharedType", { name: typeName }) : null);
  if (problem) {
    problems.push({ tableId: table.id, table: table.table_name, target: { kind: "table", field: "graphql_type" }, message: problem });
    return local;
  }
  const outcomes = [...table.columns].sort(byOrder).map((col) => ({ col, outcome: resolveColumnOnce(table, typeName, col, cache?.columns) }));
  const names = new Map<string, number>();
  for (const { outcome } of outcomes) if (outcome.ok) names.set(outcome.column.name, (names.get(outcome.column.name) ?? 0) + 1);
  const columns: ResolvedColumn[] = [];
  for (const { col, outcome } of outcomes) {
    if (outcome.ok && outcome.column.scalar === null) local.enums.push([outcome.column.ref.name, counts.has(outcome.column.ref.name)]);
    const fail = !outcome.ok
      ? outcome
      : names.get(outcome.column.name)! > 1
        ? { field: "graphql_field", message: say("codegen.twoColumns", { name: outcome.column.name }) }
        : counts.has(outcome.column.ref.name) && outcome.column.scalar === null
          ? { field: "graphql_field", message: say("codegen.enumClash", { name: outcome.column.ref.name }) }
          : null;
    if (fail) {
      problems.push({ tableId: table.id, table: table.table_name, target: { kind: "column", columnId: col.id, column: col.pg_column, field: fail.field }, message: fail.message });
    } else if (outcome.ok) columns.push(outcome.column);
  }
  let pk = columns.find((c) => c.col.pg_column === table.primary_key) ?? null;
  if (!table.primary_key) pk = columns.find((c) => c.col.is_primary_key) ?? null;
  if (table.primary_key && !table.columns.some((c) => c.pg_column === table.primary_key)) {
    problems.push({ tableId: table.id, table: table.table_name, target: { kind: "table", field: "primary_key" }, message: say("codegen.noPrimaryKey", { key: table.primary_key, table: table.table_name }) });
  }
  const one = typeName[0].toLowerCase() + typeName.slice(1);
  const plural = table.table_name.split(/[^A-Za-z0-9]+/).filter(Boolean).map((p, i) => (i ? pascal(p) : lowerFirst(p))).join("");
  const many = plural && plural !== one && !/^[0-9]/.test(plural) ? plural : `${one}List`;
  local.resolved = { columns, pk, one, many };
  local.names = generatedNames(typeName, columns);
  local.unique = [...new Set(local.names)];
  local.ownClash = local.names.findIndex((n, at) => local.names.indexOf(n) !== at || (n !== typeName && RESERVED_TYPE_NAMES.has(n)));
  return local;
}

function localTable(table: TableInput, counts: Map<string, number>, cache: ResolveCache | undefined): LocalTable {
  const hit = cache?.tables.get(table);
  if (hit && hit.shared === (counts.get(hit.typeName) ?? 0) > 1 && hit.enums.every(([n, taken]) => counts.has(n) === taken)) return hit;
  const local = resolveLocal(table, hit?.typeName ?? typeNameOf(table), counts, cache);
  cache?.tables.set(table, local);
  return local;
}

/**
 * Checks the whole model, lists every problem, and keeps only what can be generated correctly. With a cache, a
 * table whose row object was seen before is not resolved again (see LocalTable); the result is the same.
 */
export function resolveModel(input: CodegenInput, cache?: ResolveCache): ResolvedModel {
  const problems: Problem[] = [];
  const counts = new Map<string, number>();
  const typeNames = input.allTypeNames ?? input.tables.map((t) => ({ typeName: cache?.tables.get(t)?.typeName ?? typeNameOf(t) }));
  for (const { typeName } of typeNames) counts.set(typeName, (counts.get(typeName) ?? 0) + 1);
  const kept: { t: ResolvedTable; local: LocalTable }[] = [];
  for (const table of [...input.tables].sort(byName)) {
    const local = localTable(table, counts, cache);
    problems.push(...local.problems);
    if (local.resolved) {
      const t = { table, typeName: local.typeName, api: table.is_api_enabled === true, ...local.resolved, relationFields: [] };
      kept.push({ t, local });
    }
  }
  const tables = dropClashingNames(kept, cache?.owners ?? new NameOwners(), problems);
  const rootNames = new Map<string, number>();
  for (const t of tables.filter((x) => x.api)) for (const n of [t.one, t.many]) rootNames.set(n, (rootNames.get(n) ?? 0) + 1);
  for (const t of tables) {
    if (t.api && (rootNames.get(t.one)! > 1 || rootNames.get(t.many)! > 1)) {
      problems.push({ tableId: t.table.id, table: t.table.table_name, target: { kind: "table", field: "table_name" }, message: say("codegen.rootClash", { one: t.one, many: t.many, type: t.typeName }) });
      t.api = false;
    }
  }
  problems.push(...resolveRelations(tables, input));
  for (const c of input.strayColumns ?? []) problems.push(strayColumnProblem(c));
  return { tables, problems };
}

/** Every name a table puts into the generated files (types, schemas, inputs, form component, enums). */
function generatedNames(T: string, columns: ResolvedColumn[]): string[] {
  return [T, `${T}Schema`, `${T}Row`, `${T}FormSchema`, `${T}Form`, `${T}FormValues`, `${T}FormInput`, `Create${T}Input`, `Update${T}Input`, ...columns.filter((c) => c.enumOptions).map((c) => c.ref.name)];
}

/**
 * How many kept tables put each generated name into the files, and the names more than one does. A cache keeps
 * it between runs and only counts the tables that came or went (50,000 names at 5,000 tables).
 */
export class NameOwners {
  private counts = new Map<string, number>();
  private tables = new Set<LocalTable>();
  readonly shared = new Set<string>();

  update(kept: readonly LocalTable[]) {
    const now = new Set(kept);
    for (const local of this.tables) if (!now.has(local)) this.count(local, -1);
    for (const local of now) if (!this.tables.has(local)) this.count(local, 1);
    this.tables = now;
  }

  private count(local: LocalTable, by: number) {
    for (const n of local.unique) {
      const owners = (this.counts.get(n) ?? 0) + by;
      if (owners) this.counts.set(n, owners);
      else this.counts.delete(n);
      if (owners > 1) this.shared.add(n);
      else this.shared.delete(n);
    }
  }
}

/**
 * Two tables whose generated names meet (User + UserForm → UserFormSchema twice) are both left out, with a
 * problem; so is a table that repeats a name of its own or uses a reserved one. Returns the tables kept.
 */
function dropClashingNames(kept: { t: ResolvedTable; local: LocalTable }[], owners: NameOwners, problems: Problem[]): ResolvedTable[] {
  owners.update(kept.map((k) => k.local));
  const dropped = new Set<ResolvedTable>();
  for (let i = kept.length - 1; i >= 0; i--) {
    const { t, local } = kept[i];
    const { names, ownClash } = local;
    if (ownClash === -1 && (owners.shared.size === 0 || !local.unique.some((n) => owners.shared.has(n)))) continue;
    const end = ownClash === -1 ? names.length : ownClash;
    let at = 0;
    while (at < end && !owners.shared.has(names[at])) at++;
    const clash = names[at];
    problems.push({ tableId: t.table.id, table: t.table.table_name, target: { kind: "table", field: "graphql_type" }, message: say("codegen.nameClash", { name: clash, type: t.typeName }) });
    dropped.add(t);
  }
  return kept.flatMap(({ t }) => (dropped.has(t) ? [] : [t]));
}

/** The fields of a create or update input: the key is never updated, serial values never sent. */
export function inputColumns(t: ResolvedTable, kind: "Create" | "Update"): ResolvedColumn[] {
  return t.columns.filter((c) => c.col.is_graphql_input !== false && !(kind === "Create" ? c.generated : c === t.pk));
}

const sqlText = (s: string) => `'${s.replaceAll("'", "''")}'`;

/** A column no loader reads as its table's (see CodegenInput.strayColumns), and the statement that mends it. */
function strayColumnProblem(c: StrayColumn): Problem {
  const sql = `UPDATE _metadata.mappings_column SET schema_name = ${sqlText(c.actual.schema)}, table_name = ${sqlText(c.actual.table)} WHERE table_id = ${c.tableId};`;
  const names = (n: StrayColumn["actual"]) => `${n.schema}.${n.table}`;
  return {
    tableId: c.tableId,
    table: c.actual.table,
    target: { kind: "column", columnId: c.columnId, column: c.pg_column, field: "table_name" },
    message: say("codegen.strayColumn", { carried: names(c.carried), actual: names(c.actual), sql }),
  };
}
