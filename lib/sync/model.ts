/**
 * One normalized picture of business tables, built from either side: the live catalog (introspect.ts) or the
 * metadata rows (from-metadata.ts, canonicalized by the server in probe.ts). Drift compares two of these and
 * the plan turns their difference into DDL, so both sides must spell everything the same way: types as
 * format_type prints them, expressions as pg_get_expr prints them.
 */

export type SerialKind = "smallserial" | "serial" | "bigserial";
export type IdentityKind = "always" | "by default";

export interface ColumnModel {
  name: string;
  /** format_type text: "character varying(255)", "integer", "text[]", "s1.mood" (serials: their integer type). */
  type: string;
  serial: SerialKind | null;
  identity: IdentityKind | null;
  notNull: boolean;
  /** pg_get_expr text of the default (none for serial and identity columns). */
  default: string | null;
  comment: string | null;
}

export type IndexMethod = "btree" | "gin" | "gist" | "hash" | "brin";

export interface IndexModel {
  /** Catalog name; metadata may leave it empty (then the plan names it). Not compared. */
  name: string | null;
  columns: string[];
  method: IndexMethod;
  unique: boolean;
  /** Partial index condition (pg_get_expr text). */
  where: string | null;
  /** Catalog side: the index belongs to a UNIQUE constraint (dropped with ALTER TABLE … DROP CONSTRAINT). */
  constraint?: boolean;
}

export interface CheckModel {
  name: string;
  /** pg_get_expr text of the condition, e.g. "(price > (0)::numeric)". */
  condition: string;
}

export interface TableModel {
  schema: string;
  name: string;
  comment: string | null;
  columns: ColumnModel[];
  /** Primary key columns (compared as a set: metadata marks them per column). */
  primaryKey: string[];
  /** The primary key constraint's name (catalog side only: DROP needs it). */
  primaryKeyName: string | null;
  /** Single-column unique constraints (the column's is_unique); names from the catalog only. */
  uniques: { column: string; name: string | null }[];
  /** Every other index, multi-column UNIQUE constraints included (their index is what the metadata keeps). */
  indexes: IndexModel[];
  checks: CheckModel[];
}

export interface ForeignKeyModel {
  name: string;
  schema: string;
  table: string;
  column: string;
  toSchema: string;
  toTable: string;
  toColumn: string;
  cascade: boolean;
}

export interface EnumModel {
  schema: string;
  name: string;
  labels: string[];
  /** How format_type spells columns of this type (qualified when its schema is not on the search path). */
  type?: string;
}

export interface SkippedObject {
  kind: string;
  name: string;
  reason: string;
}

export interface SchemaModel {
  tables: TableModel[];
  foreignKeys: ForeignKeyModel[];
  enums: EnumModel[];
}

export const tableKey = (t: { schema: string; name: string }) => `${t.schema}.${t.name}`;

/** What makes two indexes the same index (names aside). */
export const indexKey = (i: IndexModel) =>
  `${i.unique ? "unique " : ""}${i.method}(${i.columns.join(",")})${i.where ? ` where ${i.where}` : ""}`;

/** What makes two foreign keys the same (the name is compared separately). */
export const foreignKeyKey = (fk: ForeignKeyModel) =>
  `${fk.schema}.${fk.table}.${fk.column}->${fk.toSchema}.${fk.toTable}.${fk.toColumn}`;

/** The type of a column as DDL writes it: serials keep their pseudo-type. */
export function ddlType(column: ColumnModel): string {
  if (column.serial) return column.serial;
  return column.type;
}

/** A name as format_type prints it: bare when lower snake_case, else double-quoted (`"Role"`). */
const typeIdent = (name: string) => (/^[a-z_][a-z0-9_]*$/.test(name) ? name : `"${name}"`);

/** The enum's name as format_type prints it (falls back to the search path's default: public unqualified). */
export function enumTypeName(e: EnumModel): string {
  return e.type ?? (e.schema === "public" ? typeIdent(e.name) : `${typeIdent(e.schema)}.${typeIdent(e.name)}`);
}

export function sortedModel(model: SchemaModel): SchemaModel {
  const byKey = <T extends { schema: string; name: string }>(a: T, b: T) => tableKey(a).localeCompare(tableKey(b));
  return {
    tables: [...model.tables].sort(byKey),
    foreignKeys: [...model.foreignKeys].sort((a, b) => foreignKeyKey(a).localeCompare(foreignKeyKey(b))),
    enums: [...model.enums].sort(byKey),
  };
}
