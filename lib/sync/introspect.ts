import type { Queryable } from "../db/pool";
import { PG_TYPE_PATTERN } from "../schemas/column";
import { isIdentifier } from "../schemas/identifier";
import { say } from "../i18n/messages";
import type { ColumnModel, EnumModel, ForeignKeyModel, IndexMethod, SchemaModel, SkippedObject, TableModel } from "./model";

/** Schemas the import never offers: the metadata itself, the system's, and those an extension created. */
export async function listSchemas(db: Queryable): Promise<{ name: string; tables: number }[]> {
  const { rows } = await db.query<{ name: string; tables: number }>(
    `SELECT n.nspname AS name, count(c.oid) FILTER (WHERE c.relkind IN ('r', 'p'))::int AS tables
       FROM pg_namespace n LEFT JOIN pg_class c ON c.relnamespace = n.oid
      WHERE n.nspname <> '_metadata' AND n.nspname <> 'information_schema' AND n.nspname NOT LIKE 'pg\\_%'
        AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_namespace'::regclass AND d.objid = n.oid AND d.deptype = 'e')
      GROUP BY n.nspname ORDER BY n.nspname`,
  );
  return rows;
}

export interface Introspection {
  model: SchemaModel;
  skipped: SkippedObject[];
  /** Things imported with a loss the metadata cannot express (ON DELETE SET NULL, NOT VALID checks, …). */
  notes: string[];
}

interface RelRow {
  oid: number;
  schema: string;
  name: string;
  relkind: string;
  ispartition: boolean;
  inherits: boolean;
  extension: boolean;
  comment: string | null;
}
interface ColRow {
  relid: number;
  attnum: number;
  name: string;
  type: string;
  typid: number;
  /** pg_type.typtype: `d` for a domain. */
  typtype: string;
  notnull: boolean;
  identity: string;
  generated: string;
}
/** What other catalogs say about a column (its default, comment, owned sequence). */
interface ColExtra {
  default: string | null;
  comment: string | null;
  serial: boolean;
}
const NO_EXTRA: ColExtra = { default: null, comment: null, serial: false };
interface ConRow {
  relid: number;
  name: string;
  type: string;
  columns: string[];
  expr: string | null;
  validated: boolean;
  indexid: number;
  ref_schema: string | null;
  ref_table: string | null;
  ref_columns: string[] | null;
  on_delete: string;
  on_update: string;
  deferrable: boolean;
}
interface IdxRow {
  relid: number;
  indexid: number;
  name: string;
  method: string;
  unique: boolean;
  primary: boolean;
  columns: (string | null)[];
  where: string | null;
  plain: boolean;
}

// Said in the language of whoever asked (the Import and Drift pages' request, the CLI's --locale).
const SKIPPED_KINDS = { v: "sync.skip.view", m: "sync.skip.materializedView", f: "sync.skip.foreignTable", p: "sync.skip.partitioned" } as const;
const KEPT_KINDS = { trigger: "sync.skip.trigger", policy: "sync.skip.policy", "row level security": "sync.skip.rowSecurity" } as const;
const DELETE_RULES: Record<string, string> = { a: "NO ACTION", r: "RESTRICT", c: "CASCADE", n: "SET NULL", d: "SET DEFAULT" };
const METHODS = new Set<IndexMethod>(["btree", "gin", "gist", "hash", "brin"]);
/** identifierProblem(name) !== null, without its per-call encoder: 100,000 columns are checked (a match is ASCII). */
const badName = (name: string) => !isIdentifier(name);

/** Reads the business tables of `schemas` from the catalog: a fixed number of queries whatever the number of tables. */
export async function introspect(db: Queryable, schemas: string[]): Promise<Introspection> {
  const rels = await db.query<RelRow>(
    `SELECT c.oid::int AS oid, n.nspname AS schema, c.relname AS name, c.relkind::text AS relkind,
            c.relispartition AS ispartition,
            EXISTS (SELECT 1 FROM pg_inherits i WHERE i.inhrelid = c.oid) AS inherits,
            EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e') AS extension,
            ds.description AS comment
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            LEFT JOIN pg_description ds ON ds.objoid = c.oid AND ds.classoid = 'pg_class'::regclass AND ds.objsubid = 0
      WHERE n.nspname = ANY($1::text[]) AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
      ORDER BY n.nspname, c.relname`,
    [schemas],
  );
  const skipped: SkippedObject[] = [];
  const notes: string[] = [];
  const tables = new Map<number, TableModel>();
  for (const r of rels.rows) {
    const full = `${r.schema}.${r.name}`;
    const kind = r.relkind === "r" ? "table" : r.relkind === "p" ? "partitioned table" : r.relkind === "v" ? "view" : r.relkind === "m" ? "materialized view" : "foreign table";
    const skipKey = SKIPPED_KINDS[r.relkind as keyof typeof SKIPPED_KINDS];
    const reason = (skipKey ? say(skipKey) : null)
      ?? (r.ispartition ? say("sync.skip.partition") : null)
      ?? (r.inherits ? say("sync.skip.inherits") : null)
      ?? (r.extension ? say("sync.skip.extension") : null)
      ?? (badName(r.name) ? say("sync.skip.tableName") : null);
    if (reason) {
      skipped.push({ kind: r.ispartition ? "partition" : kind, name: full, reason });
      continue;
    }
    tables.set(r.oid, { schema: r.schema, name: r.name, comment: r.comment, columns: [], primaryKey: [], primaryKeyName: null, uniques: [], indexes: [], checks: [] });
  }
  const relids = [...tables.keys()];

  // Each query reads one catalog as a whole (hash joins, no per-row subquery or per-row function that opens the
  // relation): at 5,000 tables, col_description() and pg_get_expr(adbin, adrelid) per column cost seconds.
  const cols = await db.query<ColRow>(
    `SELECT a.attrelid::int AS relid, a.attnum::int AS attnum, a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type,
            a.atttypid::int AS typid, ty.typtype::text AS typtype, a.attnotnull AS notnull, a.attidentity::text AS identity,
            a.attgenerated::text AS generated
       FROM pg_attribute a JOIN pg_type ty ON ty.oid = a.atttypid
      WHERE a.attrelid = ANY($1::oid[]) AND a.attnum > 0 AND NOT a.attisdropped
      ORDER BY a.attrelid, a.attnum`,
    [relids],
  );
  // A default cannot refer to a column, so it is printed without its table (0): no relation is opened. Generated
  // columns' expressions do refer to columns; their tables are skipped, so their defaults are not read.
  const generated = new Set(cols.rows.filter((c) => c.generated).map((c) => c.relid));
  const extras = await db.query<ColExtra & { relid: number; attnum: number }>(
    `SELECT d.adrelid::int AS relid, d.adnum::int AS attnum, pg_get_expr(d.adbin, 0) AS default, NULL AS comment, false AS serial
       FROM pg_attrdef d WHERE d.adrelid = ANY($2::oid[])
     UNION ALL
     SELECT objoid::int, objsubid, NULL, description, false FROM pg_description
      WHERE objoid = ANY($1::oid[]) AND classoid = 'pg_class'::regclass AND objsubid > 0
     UNION ALL
     SELECT dep.refobjid::int, dep.refobjsubid, NULL, NULL, true FROM pg_depend dep JOIN pg_sequence s ON s.seqrelid = dep.objid
      WHERE dep.refobjid = ANY($1::oid[]) AND dep.classid = 'pg_class'::regclass AND dep.refclassid = 'pg_class'::regclass
        AND dep.refobjsubid > 0 AND dep.deptype = 'a'`,
    [relids, relids.filter((r) => !generated.has(r))],
  );
  const at = (relid: number, attnum: number) => relid * 2048 + attnum;
  const extra = new Map<number, ColExtra>();
  for (const e of extras.rows) {
    const k = at(e.relid, e.attnum);
    const x = extra.get(k) ?? { default: null, comment: null, serial: false };
    x.default ??= e.default;
    x.comment ??= e.comment;
    x.serial ||= e.serial;
    extra.set(k, x);
  }
  /** relid → attnum → column name, to read the constraints' and indexes' column numbers. */
  const names = new Map<number, string>();
  for (const c of cols.rows) names.set(at(c.relid, c.attnum), c.name);
  const nameOf = (relid: number, attnum: number) => names.get(at(relid, attnum)) ?? null;
  const badTables = new Map<number, string>();
  /** Domain type → the first column using it, and how many more do. */
  const domains = new Map<string, { where: string; more: number }>();
  for (const c of cols.rows) {
    const table = tables.get(c.relid)!;
    const problem = badName(c.name)
      ? say("sync.skip.columnName", { name: c.name })
      : c.generated
        ? say("sync.skip.generated", { name: c.name })
        : c.type.length > 100 || !PG_TYPE_PATTERN.test(c.type)
          ? say("sync.skip.columnType", { name: c.name, type: c.type })
          : null;
    if (problem) {
      if (!badTables.has(c.relid)) badTables.set(c.relid, problem);
      continue;
    }
    table.columns.push(toColumn(c, extra.get(at(c.relid, c.attnum)) ?? NO_EXTRA, notes, `${table.schema}.${table.name}`));
    if (c.typtype === "d") {
      const seen = domains.get(c.type);
      if (seen) seen.more += 1;
      else domains.set(c.type, { where: `${table.schema}.${table.name}.${c.name}`, more: 0 });
    }
  }
  // A domain's name is kept as the column's type (no drift here), but the plan creates only enum types.
  for (const [type, { where, more }] of domains) notes.push(say("sync.note.domain", { type, where, more }));

  const cons = await db.query<ConRow & { conkey: number[]; confkey: number[] | null; refid: number }>(
    `SELECT c.conrelid::int AS relid, c.conname AS name, c.contype::text AS type, c.convalidated AS validated,
            c.conindid::int AS indexid, c.condeferrable AS deferrable, c.conkey::int[] AS conkey, c.confkey::int[] AS confkey,
            c.confrelid::int AS refid, CASE WHEN c.contype = 'c' THEN pg_get_expr(c.conbin, c.conrelid) END AS expr,
            rn.nspname AS ref_schema, r.relname AS ref_table, c.confdeltype::text AS on_delete, c.confupdtype::text AS on_update
       FROM pg_constraint c LEFT JOIN pg_class r ON r.oid = c.confrelid LEFT JOIN pg_namespace rn ON rn.oid = r.relnamespace
      WHERE c.conrelid = ANY($1::oid[]) AND c.contype IN ('p', 'u', 'c', 'f', 'x')
      ORDER BY c.conrelid, c.conname`,
    [relids],
  );
  for (const c of cons.rows) {
    c.columns = (c.conkey ?? []).map((n) => nameOf(c.relid, n) ?? "");
    // A referenced table outside the schemas read has no names here: such a key is skipped (not imported).
    c.ref_columns = c.type === "f" ? (c.confkey ?? []).map((n) => nameOf(c.refid, n) ?? "") : null;
  }
  const idx = await db.query<IdxRow & { indkey: number[] }>(
    `SELECT i.indrelid::int AS relid, i.indexrelid::int AS indexid, ic.relname AS name, am.amname AS method,
            i.indisunique AS unique, i.indisprimary AS primary, pg_get_expr(i.indpred, i.indrelid) AS where, i.indkey::int2[]::int[] AS indkey,
            (i.indexprs IS NULL AND i.indnkeyatts = i.indnatts AND 0 = ALL (i.indoption::int2[])
              AND NOT i.indclass::oid[] && ARRAY(SELECT oid FROM pg_opclass WHERE NOT opcdefault)) AS plain
       FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_am am ON am.oid = ic.relam
      WHERE i.indrelid = ANY($1::oid[])
      ORDER BY i.indrelid, ic.relname`,
    [relids],
  );
  for (const i of idx.rows) i.columns = i.indkey.map((n) => (n === 0 ? null : nameOf(i.relid, n)));
  const constraintIndexes = new Map<number, ConRow>();
  for (const c of cons.rows) {
    const table = tables.get(c.relid)!;
    const where = `${table.schema}.${table.name}`;
    if (c.type === "p") {
      table.primaryKey = c.columns;
      table.primaryKeyName = c.name;
      constraintIndexes.set(c.indexid, c);
    } else if (c.type === "u") {
      constraintIndexes.set(c.indexid, c);
      if (c.columns.length === 1) table.uniques.push({ column: c.columns[0], name: c.name });
      // A multi-column UNIQUE constraint is kept as its unique index (below).
    } else if (c.type === "x") {
      constraintIndexes.set(c.indexid, c);
      skipped.push({ kind: "exclusion constraint", name: `${where}.${c.name}`, reason: say("sync.skip.exclusion") });
    } else if (c.type === "c") {
      if (badName(c.name)) {
        skipped.push({ kind: "check", name: `${where}.${c.name}`, reason: say("sync.skip.name") });
        continue;
      }
      if (!c.validated) notes.push(say("sync.note.notValid", { where, name: c.name }));
      table.checks.push({ name: c.name, condition: c.expr! });
    }
  }
  for (const i of idx.rows) {
    const table = tables.get(i.relid)!;
    const con = constraintIndexes.get(i.indexid);
    if (i.primary || (con && (con.type === "x" || con.columns.length === 1))) continue;
    const where = `${table.schema}.${table.name}`;
    const method = i.method as IndexMethod;
    const reason = !METHODS.has(method)
      ? say("sync.skip.indexMethod", { method: i.method })
      : !i.plain || i.columns.some((c) => c === null)
        ? say("sync.skip.indexShape")
        : null;
    if (reason) {
      skipped.push({ kind: "index", name: say("sync.skip.indexOn", { index: i.name, table: where }), reason });
      continue;
    }
    table.indexes.push({ name: i.name, columns: i.columns as string[], method, unique: i.unique, where: i.where, constraint: con !== undefined });
  }
  for (const [relid, reason] of badTables) {
    const table = tables.get(relid)!;
    skipped.push({ kind: "table", name: `${table.schema}.${table.name}`, reason });
    tables.delete(relid);
  }
  const foreignKeys = foreignKeysOf(cons.rows, tables, skipped, notes);
  // Triggers, row-level security and its policies stay in the database and the plan never touches them; the
  // metadata does not describe them, so they are listed with the reason rather than passed over in silence.
  const kept = await db.query<{ relid: number; kind: keyof typeof KEPT_KINDS; name: string }>(
    `SELECT tgrelid::int AS relid, 'trigger' AS kind, tgname AS name FROM pg_trigger WHERE tgrelid = ANY($1::oid[]) AND NOT tgisinternal
     UNION ALL
     SELECT polrelid::int, 'policy', polname FROM pg_policy WHERE polrelid = ANY($1::oid[])
     UNION ALL
     SELECT oid::int, 'row level security', '' FROM pg_class WHERE oid = ANY($1::oid[]) AND relrowsecurity
     ORDER BY 1, 2, 3`,
    [[...tables.keys()]],
  );
  for (const k of kept.rows) {
    const table = tables.get(k.relid);
    if (!table) continue;
    const where = `${table.schema}.${table.name}`;
    skipped.push({ kind: k.kind, name: k.name ? `${where}.${k.name}` : where, reason: say(KEPT_KINDS[k.kind]) });
  }
  const enums = await db.query<EnumModel>(
    `SELECT n.nspname AS schema, t.typname AS name, array_agg(e.enumlabel ORDER BY e.enumsortorder)::text[] AS labels,
            format_type(t.oid, NULL) AS type
       FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace JOIN pg_enum e ON e.enumtypid = t.oid
      WHERE n.nspname = ANY($1::text[]) GROUP BY n.nspname, t.typname, t.oid ORDER BY 1, 2`,
    [schemas],
  );
  return { model: { tables: [...tables.values()], foreignKeys, enums: enums.rows }, skipped, notes };
}

function toColumn(c: ColRow, e: ColExtra, notes: string[], where: string): ColumnModel {
  const serialType = e.serial && e.default?.startsWith("nextval(") ? ({ 21: "smallserial", 23: "serial", 20: "bigserial" } as const)[c.typid as 21 | 23 | 20] : undefined;
  if (e.serial && !serialType && !c.identity) notes.push(say("sync.note.ownsSequence", { where: `${where}.${c.name}` }));
  return {
    name: c.name,
    type: c.type,
    serial: serialType ?? null,
    identity: c.identity === "a" ? "always" : c.identity === "d" ? "by default" : null,
    notNull: c.notnull,
    default: serialType || c.identity ? null : e.default,
    comment: e.comment,
  };
}

function foreignKeysOf(cons: ConRow[], tables: Map<number, TableModel>, skipped: SkippedObject[], notes: string[]): ForeignKeyModel[] {
  const known = new Set([...tables.values()].map((t) => `${t.schema}.${t.name}`));
  const fks: ForeignKeyModel[] = [];
  for (const c of cons.filter((x) => x.type === "f")) {
    const table = tables.get(c.relid);
    if (!table) continue;
    const where = `${table.schema}.${table.name}`;
    const target = `${c.ref_schema}.${c.ref_table}`;
    const reason = c.columns.length !== 1
      ? say("sync.skip.fkColumns")
      : !known.has(target)
        ? say("sync.skip.fkTarget", { target })
        : badName(c.name)
          ? say("sync.skip.name")
          : null;
    if (reason) {
      skipped.push({ kind: "foreign key", name: `${where}.${c.name}`, reason });
      continue;
    }
    const at = `${where}.${c.name}`;
    if (!["a", "c"].includes(c.on_delete)) notes.push(say("sync.note.onDelete", { where: at, rule: DELETE_RULES[c.on_delete] }));
    if (c.on_update !== "a") notes.push(say("sync.note.onUpdate", { where: at, rule: DELETE_RULES[c.on_update] }));
    if (c.deferrable) notes.push(say("sync.note.deferrable", { where: at }));
    fks.push({
      name: c.name,
      schema: table.schema,
      table: table.name,
      column: c.columns[0],
      toSchema: c.ref_schema!,
      toTable: c.ref_table!,
      toColumn: c.ref_columns![0],
      cascade: c.on_delete === "c",
    });
  }
  return fks;
}
