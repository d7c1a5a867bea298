import type { Queryable } from "../db/pool";

/**
 * A normalized picture of the `_metadata` schema as the catalog describes it: enough to say, object by
 * object, whether the live schema matches the spec's (see expected-catalog.json and check.ts).
 */
export interface ColumnInfo {
  position: number;
  type: string;
  default: string | null;
  notNull: boolean;
  comment: string | null;
}

export interface TableInfo {
  comment: string | null;
  columns: Record<string, ColumnInfo>;
  constraints: Record<string, string>;
  indexes: Record<string, string>;
  triggers: Record<string, string>;
}

export interface Catalog {
  schema: { exists: boolean; comment: string | null };
  extensions: string[];
  enums: Record<string, string[]>;
  tables: Record<string, TableInfo>;
  functions: Record<string, string>;
}

export const METADATA_SCHEMA = "_metadata";
export const REQUIRED_EXTENSIONS = ["btree_gin", "pg_trgm"] as const;

export async function readCatalog(db: Queryable, schema = METADATA_SCHEMA): Promise<Catalog> {
  // One query after another: `db` may be a single client, which runs one at a time anyway.
  const schemaRow = await db.query<{ comment: string | null }>(
    "SELECT obj_description(oid, 'pg_namespace') AS comment FROM pg_namespace WHERE nspname = $1",
    [schema],
  );
  const extensions = await db.query<{ extname: string }>(
    "SELECT extname FROM pg_extension WHERE extname = ANY($1) ORDER BY extname",
    [[...REQUIRED_EXTENSIONS]],
  );
  const enums = await db.query<{ name: string; labels: string[] }>(
    `SELECT t.typname AS name, array_agg(e.enumlabel ORDER BY e.enumsortorder)::text[] AS labels
         FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace JOIN pg_enum e ON e.enumtypid = t.oid
        WHERE n.nspname = $1 GROUP BY t.typname ORDER BY t.typname`,
    [schema],
  );
  const columns = await db.query<{
    table: string;
    column: string;
    position: number;
    type: string;
    default: string | null;
    not_null: boolean;
    comment: string | null;
  }>(
    `SELECT c.relname AS table, a.attname AS column, a.attnum AS position,
              format_type(a.atttypid, a.atttypmod) AS type, pg_get_expr(d.adbin, d.adrelid) AS default,
              a.attnotnull AS not_null, col_description(c.oid, a.attnum) AS comment
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
         JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
         LEFT JOIN pg_attrdef d ON d.adrelid = c.oid AND d.adnum = a.attnum
        WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') ORDER BY c.relname, a.attnum`,
    [schema],
  );
  // contype 'n' (PostgreSQL 18's named NOT NULL constraints) is left out: attnotnull already says it,
  // and PostgreSQL 15 has no such rows.
  const constraints = await db.query<{ table: string; name: string; def: string }>(
    `SELECT c.relname AS table, k.conname AS name, pg_get_constraintdef(k.oid) AS def
         FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = $1 AND k.contype <> 'n' ORDER BY c.relname, k.conname`,
    [schema],
  );
  const indexes = await db.query<{ table: string; name: string; def: string }>(
    "SELECT tablename AS table, indexname AS name, indexdef AS def FROM pg_indexes WHERE schemaname = $1 ORDER BY tablename, indexname",
    [schema],
  );
  const triggers = await db.query<{ table: string; name: string; def: string }>(
    `SELECT c.relname AS table, t.tgname AS name, pg_get_triggerdef(t.oid) AS def
         FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = $1 AND NOT t.tgisinternal ORDER BY c.relname, t.tgname`,
    [schema],
  );
  const functions = await db.query<{ name: string; def: string }>(
    `SELECT p.proname AS name, pg_get_functiondef(p.oid) AS def
         FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
        WHERE n.nspname = $1 AND p.prokind = 'f' ORDER BY p.proname`,
    [schema],
  );
  const comments = await db.query<{ table: string; comment: string | null }>(
    `SELECT c.relname AS table, obj_description(c.oid, 'pg_class') AS comment
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') ORDER BY c.relname`,
    [schema],
  );

  const tables: Record<string, TableInfo> = {};
  for (const row of comments.rows) {
    tables[row.table] = { comment: row.comment, columns: {}, constraints: {}, indexes: {}, triggers: {} };
  }
  for (const row of columns.rows) {
    tables[row.table].columns[row.column] = {
      position: row.position,
      type: row.type,
      default: row.default,
      notNull: row.not_null,
      comment: row.comment,
    };
  }
  for (const row of constraints.rows) tables[row.table].constraints[row.name] = row.def;
  for (const row of indexes.rows) tables[row.table].indexes[row.name] = row.def;
  for (const row of triggers.rows) tables[row.table].triggers[row.name] = row.def;

  return {
    schema: { exists: schemaRow.rows.length > 0, comment: schemaRow.rows[0]?.comment ?? null },
    extensions: extensions.rows.map((r) => r.extname),
    enums: Object.fromEntries(enums.rows.map((r) => [r.name, r.labels])),
    tables,
    functions: Object.fromEntries(functions.rows.map((r) => [r.name, r.def])),
  };
}
