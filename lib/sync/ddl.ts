import { quoteIdent, quoteLiteral } from "../db/identifiers";
import { objectName } from "./from-metadata";
import { ddlType, type ColumnModel, type ForeignKeyModel, type IndexModel, type TableModel } from "./model";

/**
 * DDL text for one object at a time, from validated, server-canonicalized models only: names through quoteIdent,
 * types as format_type printed them (and PG_TYPE_PATTERN accepted), expressions as pg_get_expr printed them,
 * text constants through quoteLiteral.
 */
export const qualified = (schema: string, name: string) => `${quoteIdent(schema)}.${quoteIdent(name)}`;
export const tableName = (t: { schema: string; name: string }) => qualified(t.schema, t.name);

export function columnDefinition(c: ColumnModel): string {
  let sql = `${quoteIdent(c.name)} ${ddlType(c)}`;
  if (c.identity) sql += ` GENERATED ${c.identity === "always" ? "ALWAYS" : "BY DEFAULT"} AS IDENTITY`;
  if (c.notNull) sql += " NOT NULL";
  if (c.default !== null && !c.serial && !c.identity) sql += ` DEFAULT ${c.default}`;
  return sql;
}

export const uniqueName = (t: TableModel, column: string) => objectName([t.name, column], "key");
export const foreignKeyName = (fk: ForeignKeyModel) => fk.name || objectName([fk.table, fk.column], "fkey");

export function indexName(t: TableModel, i: IndexModel): string {
  if (i.name) return i.name;
  const suffix = i.unique ? "key" : i.method === "btree" ? "idx" : `${i.method}_idx`;
  return objectName([t.name, ...i.columns, ...(i.where ? ["partial"] : [])], suffix);
}

export function createTable(t: TableModel): string {
  const lines = t.columns.map(columnDefinition);
  if (t.primaryKey.length) lines.push(`PRIMARY KEY (${t.primaryKey.map(quoteIdent).join(", ")})`);
  for (const u of t.uniques) lines.push(`CONSTRAINT ${quoteIdent(u.name ?? uniqueName(t, u.column))} UNIQUE (${quoteIdent(u.column)})`);
  for (const c of t.checks) lines.push(`CONSTRAINT ${quoteIdent(c.name)} CHECK (${c.condition})`);
  return `CREATE TABLE ${tableName(t)} (\n  ${lines.join(",\n  ")}\n);`;
}

export function createIndex(t: TableModel, i: IndexModel): string {
  return `CREATE ${i.unique ? "UNIQUE " : ""}INDEX ${quoteIdent(indexName(t, i))} ON ${tableName(t)} USING ${i.method} (${i.columns
    .map(quoteIdent)
    .join(", ")})${i.where ? ` WHERE (${i.where})` : ""};`;
}

export function dropIndex(t: TableModel, i: IndexModel): string {
  return i.constraint
    ? `ALTER TABLE ${tableName(t)} DROP CONSTRAINT ${quoteIdent(i.name!)};`
    : `DROP INDEX ${qualified(t.schema, indexName(t, i))};`;
}

export function addForeignKey(fk: ForeignKeyModel): string {
  return `ALTER TABLE ${qualified(fk.schema, fk.table)} ADD CONSTRAINT ${quoteIdent(foreignKeyName(fk))} FOREIGN KEY (${quoteIdent(fk.column)}) REFERENCES ${qualified(
    fk.toSchema,
    fk.toTable,
  )} (${quoteIdent(fk.toColumn)})${fk.cascade ? " ON DELETE CASCADE" : ""};`;
}

export const dropForeignKey = (fk: ForeignKeyModel) =>
  `ALTER TABLE ${qualified(fk.schema, fk.table)} DROP CONSTRAINT ${quoteIdent(foreignKeyName(fk))};`;

export function commentOn(t: TableModel, column: string | null, text: string | null): string {
  const target = column ? `COLUMN ${tableName(t)}.${quoteIdent(column)}` : `TABLE ${tableName(t)}`;
  return `COMMENT ON ${target} IS ${text === null || text === "" ? "NULL" : quoteLiteral(text)};`;
}

/** A table's own comments (table and columns), for a new table. */
export function commentsOf(t: TableModel): string[] {
  const out: string[] = [];
  if (t.comment) out.push(commentOn(t, null, t.comment));
  for (const c of t.columns) if (c.comment) out.push(commentOn(t, c.name, c.comment));
  return out;
}

const WIDENINGS: [RegExp, RegExp][] = [
  [/^smallint$/, /^(integer|bigint|numeric.*|double precision|real)$/],
  [/^integer$/, /^(bigint|numeric.*|double precision)$/],
  [/^bigint$/, /^numeric$/],
  [/^character varying\(\d+\)$/, /^(text|character varying)$/],
  [/^character\(\d+\)$/, /^(text|character varying)$/],
];

/** Whether a type change keeps every value as it is (else it is marked destructive). */
export function isWidening(from: string, to: string): boolean {
  const lengths = /^character varying\((\d+)\)$/;
  const a = lengths.exec(from);
  const b = lengths.exec(to);
  if (a && b) return Number(b[1]) >= Number(a[1]);
  return WIDENINGS.some(([f, t]) => f.test(from) && t.test(to));
}
