import type { Queryable } from "../db/pool";
import type { CheckModel, ColumnModel, ForeignKeyModel, IndexMethod, IndexModel, SchemaModel, SerialKind, TableModel } from "./model";
import { foreignKeyKey, tableKey } from "./model";
import { say } from "../i18n/messages";
import { isIdentifier } from "../schemas/identifier";

/**
 * The metadata side, as written: types and expressions exactly as the rows hold them. probe.ts turns this into
 * the server's spelling before anything compares it or writes DDL from it.
 */
export interface MetadataModel extends SchemaModel {
  /** Where each table, column and relation came from, to resolve drift items against the right rows. */
  ids: {
    tables: Map<string, number>;
    columns: Map<string, number>;
    relations: Map<string, number>;
  };
  /** Enum labels by the column type that carries them (columns with enum_options). */
  enumOptions: Map<string, { labels: string[]; schema: string; where: string }>;
  /** ManyToMany relations: explained by the plan, never turned into DDL. */
  manyToMany: string[];
  /** Rows that cannot become DDL as they are (an unknown index type, an index on a column the table lacks). */
  problems: { where: string; message: string }[];
  /** Tables left out because a name cannot be quoted into SQL (see problems): compared on neither side. */
  leftOut: string[];
}

interface TableRowLite {
  id: number;
  schema_name: string;
  table_name: string;
  description: string | null;
  table_constraints: { checks?: { name: string; condition: string }[] } | null;
  indexes: { columns: string[]; type: string; name?: string; where?: string }[] | null;
}
interface ColumnRowLite {
  id: number;
  table_id: number;
  sort_order: number | null;
  pg_column: string;
  pg_type: string | null;
  pg_constraints: Record<string, unknown> | null;
  is_primary_key: boolean | null;
  is_unique: boolean | null;
  is_indexed: boolean | null;
  is_required: boolean | null;
  index_config: Record<string, unknown> | null;
  enum_options: { value: string }[] | null;
  comment: string | null;
}
interface RelationRowLite {
  id: number;
  from_schema: string;
  from_table: string;
  from_column: string;
  to_schema: string;
  to_table: string;
  to_column: string;
  relation_type: string;
  is_cascade_delete: boolean | null;
  constraint_name: string | null;
}

const METHODS = new Set<string>(["btree", "gin", "gist", "hash", "brin"]);

const SERIALS: Record<string, [SerialKind, string]> = {
  SMALLSERIAL: ["smallserial", "smallint"],
  SERIAL2: ["smallserial", "smallint"],
  SERIAL: ["serial", "integer"],
  SERIAL4: ["serial", "integer"],
  BIGSERIAL: ["bigserial", "bigint"],
  SERIAL8: ["bigserial", "bigint"],
};

/** A constraint or index name PostgreSQL would accept: long ones are cut and keep a short hash, so stay unique. */
export function objectName(parts: string[], suffix: string): string {
  const full = `${parts.join("_")}_${suffix}`;
  if (Buffer.byteLength(full) <= 63) return full;
  let hash = 0;
  for (const ch of full) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  const tail = `_${hash.toString(36)}_${suffix}`;
  return full.slice(0, 63 - tail.length) + tail;
}

function defaultText(value: unknown): string | null {
  if (typeof value === "string") return value.trim() === "" ? null : value;
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  if (typeof value === "boolean") return value ? "true" : "false";
  return null;
}

function indexFrom(columns: string[], type: unknown, name?: unknown, where?: unknown): IndexModel {
  const upper = typeof type === "string" ? type.toUpperCase() : "BTREE";
  const method = (upper === "UNIQUE" || upper === "" ? "btree" : upper.toLowerCase()) as IndexMethod;
  return {
    name: typeof name === "string" && name ? name : null,
    columns,
    method,
    unique: upper === "UNIQUE",
    where: typeof where === "string" && where.trim() ? where : null,
  };
}

/** Reads the metadata of `schemas` (every schema when null): three queries. */
export async function readMetadataModel(db: Queryable, schemas: string[] | null): Promise<MetadataModel> {
  const scope = schemas === null ? "" : "WHERE schema_name = ANY($1::text[])";
  const params = schemas === null ? [] : [schemas];
  const tables = await db.query<TableRowLite>(
    `SELECT id, schema_name, table_name, description, table_constraints, indexes FROM _metadata.mappings_table ${scope} ORDER BY schema_name, table_name`,
    params,
  );
  const columns = await db.query<ColumnRowLite>(
    // Not sorted by the server: 100,000 rows spill its sort to disk; each table's twenty are sorted below.
    `SELECT c.id, c.table_id, c.sort_order, c.pg_column, c.pg_type, c.pg_constraints, c.is_primary_key, c.is_unique,
            c.is_indexed, c.is_required, c.index_config, c.enum_options, c.comment
       FROM _metadata.mappings_column c JOIN _metadata.mappings_table t ON t.id = c.table_id ${scope.replace("schema_name", "t.schema_name")}`,
    params,
  );
  const relations = await db.query<RelationRowLite>(
    `SELECT id, from_schema, from_table, from_column, to_schema, to_table, to_column, relation_type::text AS relation_type,
            is_cascade_delete, constraint_name
       FROM _metadata.mappings_relation ${schemas === null ? "" : "WHERE from_schema = ANY($1::text[]) OR to_schema = ANY($1::text[])"} ORDER BY id`,
    params,
  );
  const model: MetadataModel = {
    tables: [],
    foreignKeys: [],
    enums: [],
    ids: { tables: new Map(), columns: new Map(), relations: new Map() },
    enumOptions: new Map(),
    manyToMany: [],
    problems: [],
    leftOut: [],
  };
  const byId = new Map<number, TableModel>();
  for (const t of tables.rows) {
    const table: TableModel = {
      schema: t.schema_name,
      name: t.table_name,
      comment: t.description,
      columns: [],
      primaryKey: [],
      primaryKeyName: null,
      uniques: [],
      indexes: Array.isArray(t.indexes) ? t.indexes.map((i) => indexFrom(i.columns, i.type, i.name, i.where)) : [],
      checks: Array.isArray(t.table_constraints?.checks) ? t.table_constraints.checks.map((c) => ({ name: c.name, condition: c.condition })) : [],
    };
    byId.set(t.id, table);
    model.tables.push(table);
    model.ids.tables.set(tableKey(table), t.id);
  }
  const columnsOf = new Map<number, ColumnRowLite[]>();
  for (const c of columns.rows) {
    const list = columnsOf.get(c.table_id);
    if (list) list.push(c);
    else columnsOf.set(c.table_id, [c]);
  }
  const order = (a: ColumnRowLite, b: ColumnRowLite) => (a.sort_order ?? 0) - (b.sort_order ?? 0) || a.id - b.id;
  for (const c of [...columnsOf.values()].flatMap((list) => list.sort(order))) {
    const table = byId.get(c.table_id)!;
    table.columns.push(columnFrom(c, table, model));
    model.ids.columns.set(`${tableKey(table)}.${c.pg_column}`, c.id);
  }
  // Names the editor's forms refuse can still be written with psql; they cannot be quoted into DDL. A table with
  // such a name (its schema's, its own or a column's) is left out of the comparison; an index, check or foreign-key
  // name is left out (the plan derives one). Each is a problem, so apply refuses until it is fixed.
  const badName = (name: unknown) => !isIdentifier(name);
  const nameProblem = (where: string, name: unknown) =>
    model.problems.push({ where, message: say("sync.problem.badName", { name: String(name).slice(0, 100) }) });
  model.tables = model.tables.filter((table) => {
    const bad = [table.schema, table.name, ...table.columns.map((c) => c.name)].filter(badName);
    for (const name of bad) nameProblem(tableKey(table), name);
    if (bad.length) model.leftOut.push(tableKey(table));
    return bad.length === 0;
  });
  for (const table of model.tables) {
    for (const i of table.indexes) {
      if (i.name !== null && badName(i.name)) {
        nameProblem(tableKey(table), i.name);
        i.name = null;
      }
      if (!Array.isArray(i.columns) || i.columns.some(badName)) {
        nameProblem(tableKey(table), Array.isArray(i.columns) ? i.columns.find(badName) : i.columns);
        i.columns = [];
      }
    }
    table.indexes = table.indexes.filter((i) => i.columns.length > 0);
    table.checks = table.checks.filter((c) => {
      if (!badName(c.name) && typeof c.condition === "string") return true;
      nameProblem(tableKey(table), c.name);
      return false;
    });
  }
  for (const table of model.tables) {
    const names = new Set(table.columns.map((c) => c.name));
    for (const i of table.indexes) {
      if (!METHODS.has(i.method)) model.problems.push({ where: tableKey(table), message: say("sync.problem.indexMethod", { method: i.method, methods: [...METHODS].join(", ") }) });
      const unknown = i.columns.filter((c) => !names.has(c));
      if (unknown.length) model.problems.push({ where: tableKey(table), message: say("sync.problem.indexColumns", { columns: unknown.join(", ") }) });
    }
  }
  const seen = new Set<string>();
  for (const r of relations.rows) {
    if (r.relation_type === "ManyToMany") {
      model.manyToMany.push(`${r.from_schema}.${r.from_table}.${r.from_column} ↔ ${r.to_schema}.${r.to_table}.${r.to_column}`);
      continue;
    }
    // OneToMany is the inverse view of a ManyToOne: the foreign key sits on its "to" side.
    const inverse = r.relation_type === "OneToMany";
    const fk: ForeignKeyModel = {
      name: r.constraint_name ?? "",
      schema: inverse ? r.to_schema : r.from_schema,
      table: inverse ? r.to_table : r.from_table,
      column: inverse ? r.to_column : r.from_column,
      toSchema: inverse ? r.from_schema : r.to_schema,
      toTable: inverse ? r.from_table : r.to_table,
      toColumn: inverse ? r.from_column : r.to_column,
      cascade: r.is_cascade_delete === true,
    };
    const refs = [fk.schema, fk.table, fk.column, fk.toSchema, fk.toTable, fk.toColumn].filter(badName);
    if (refs.length) {
      for (const name of refs) nameProblem(`${r.from_schema}.${r.from_table}.${r.from_column}`, name);
      continue;
    }
    if (fk.name && badName(fk.name)) {
      nameProblem(`${r.from_schema}.${r.from_table}.${r.from_column}`, fk.name);
      fk.name = "";
    }
    const key = foreignKeyKey(fk);
    if (seen.has(key)) continue;
    seen.add(key);
    model.foreignKeys.push(fk);
    model.ids.relations.set(key, r.id);
  }
  return model;
}

function columnFrom(c: ColumnRowLite, table: TableModel, model: MetadataModel): ColumnModel {
  const pc = c.pg_constraints && typeof c.pg_constraints === "object" ? c.pg_constraints : {};
  const typeText = (c.pg_type ?? "").trim();
  const serial = SERIALS[typeText.toUpperCase()];
  const identity = pc.identity === "always" || pc.identity === "by default" ? pc.identity : null;
  if (c.is_primary_key) table.primaryKey.push(c.pg_column);
  if (c.is_unique) table.uniques.push({ column: c.pg_column, name: null });
  if (c.is_indexed) {
    const config = c.index_config ?? {};
    table.indexes.push(indexFrom([c.pg_column], typeof config.type === "string" ? config.type : "BTREE", config.name, config.where));
  }
  if (typeof pc.check === "string" && pc.check.trim()) {
    const check: CheckModel = { name: objectName([table.name, c.pg_column], "check"), condition: pc.check };
    if (!table.checks.some((x) => x.name === check.name)) table.checks.push(check);
  }
  if (Array.isArray(c.enum_options) && c.enum_options.length > 0 && typeText) {
    const labels = c.enum_options.map((o) => o.value);
    if (!model.enumOptions.has(typeText)) model.enumOptions.set(typeText, { labels, schema: table.schema, where: `${tableKey(table)}.${c.pg_column}` });
  }
  const notNull = pc.notNull === true || c.is_primary_key === true || (pc.notNull === undefined && c.is_required === true);
  return {
    name: c.pg_column,
    type: serial ? serial[1] : typeText,
    serial: serial ? serial[0] : null,
    identity,
    notNull,
    default: serial || identity ? null : defaultText(pc.default),
    comment: c.comment,
  };
}
