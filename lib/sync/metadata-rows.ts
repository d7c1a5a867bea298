import type pg from "pg";
import { quoteIdent } from "../db/identifiers";
import type { Queryable } from "../db/pool";
import { relationSchema } from "../schemas/relation";
import type { ForeignKeyModel, TableModel } from "./model";
import { relationFieldsFrom } from "./to-metadata";
import { COLUMN_FIELD_KINDS, type ColumnField, type ColumnValues } from "../schemas/column";
import { fromDbValue, toDbValue, type FieldKind } from "../schemas/fields";
import { TABLE_FIELD_KINDS, type TableField, type TableValues } from "../schemas/table";
import { stableJson } from "./to-metadata";

/** Metadata rows as the edit forms hold them, plus their ids: what an import compares with and writes over. */
export interface ExistingTable {
  id: number;
  values: TableValues;
}
export interface ExistingColumn {
  id: number;
  tableId: number;
  values: ColumnValues;
}
export interface ExistingRelation {
  id: number;
  key: string;
  relation_type: string;
  is_cascade_delete: boolean;
  constraint_name: string | null;
}

const TABLE_FIELDS = Object.keys(TABLE_FIELD_KINDS) as TableField[];
const COLUMN_FIELDS = Object.keys(COLUMN_FIELD_KINDS) as ColumnField[];

const formValues = <F extends string>(row: Record<string, unknown>, kinds: Record<F, FieldKind>) =>
  Object.fromEntries((Object.keys(kinds) as F[]).map((f) => [f, fromDbValue(kinds[f], row[f])]));

export async function readExisting(db: Queryable, schemas: string[]) {
  const tables = await db.query(`SELECT * FROM _metadata.mappings_table WHERE schema_name = ANY($1::text[])`, [schemas]);
  const columns = await db.query(
    `SELECT c.* FROM _metadata.mappings_column c JOIN _metadata.mappings_table t ON t.id = c.table_id WHERE t.schema_name = ANY($1::text[])`,
    [schemas],
  );
  const relations = await db.query<ExistingRelation & Record<string, string>>(
    `SELECT id, from_schema || '.' || from_table || '.' || from_column || '->' || to_schema || '.' || to_table || '.' || to_column AS key,
            to_schema || '.' || to_table || '.' || to_column || '->' || from_schema || '.' || from_table || '.' || from_column AS inverse_key,
            relation_type::text AS relation_type, COALESCE(is_cascade_delete, false) AS is_cascade_delete, constraint_name
       FROM _metadata.mappings_relation WHERE from_schema = ANY($1::text[]) OR to_schema = ANY($1::text[])`,
    [schemas],
  );
  return {
    tables: new Map<string, ExistingTable>(
      tables.rows.map((r) => [`${r.schema_name}.${r.table_name}`, { id: r.id, values: formValues(r, TABLE_FIELD_KINDS) as TableValues }]),
    ),
    columns: new Map<string, ExistingColumn>(
      columns.rows.map((r) => [`${r.schema_name}.${r.table_name}.${r.pg_column}`, { id: r.id, tableId: r.table_id, values: formValues(r, COLUMN_FIELD_KINDS) as ColumnValues }]),
    ),
    // A OneToMany row describes its foreign key from the other end: find it under the key of that key.
    relations: new Map<string, ExistingRelation>(relations.rows.map((r) => [r.relation_type === "OneToMany" ? r.inverse_key : r.key, r])),
  };
}

/** Fields whose database value differs (JSON compared by value, not spelling). */
export function changedFields<F extends string>(kinds: Record<F, FieldKind>, fields: F[], before: Record<F, string | boolean>, after: Record<F, string | boolean>): F[] {
  const norm = (f: F, v: string | boolean) => {
    const db = toDbValue(kinds[f], v);
    return kinds[f] === "json" && typeof db === "string" ? stableJson(JSON.parse(db)) : String(db);
  };
  return fields.filter((f) => norm(f, before[f]) !== norm(f, after[f]));
}

const SQL_TYPE: Record<FieldKind, string> = { text: "text", required: "text", bool: "boolean", int: "integer", json: "jsonb" };

/**
 * A row as one JSON object's text, for jsonb_to_recordset: each field as toDbValue stores it, JSON fields (already
 * checked by the entity's schema) embedded as their JSON value, NULL fields left out (jsonb_to_recordset reads a
 * missing key as NULL). Built as text rather than objects then JSON.stringify: 20,000 columns × 45 fields share
 * few distinct values, each turned into its JSON text once per field (`memo`); NULLs left out make the text 40% smaller.
 */
function recordJson<F extends string>(
  kinds: Record<F, FieldKind>,
  fields: F[],
  extra: Record<string, unknown>,
  values: Record<F, string | boolean>,
  memo: Map<string | boolean, string | null>[],
): string {
  const parts: string[] = [];
  for (const [k, v] of Object.entries(extra)) if (v !== null && v !== undefined) parts.push(`${JSON.stringify(k)}:${JSON.stringify(v)}`);
  fields.forEach((f, i) => {
    const v = values[f];
    const seen = memo[i];
    let text = seen.get(v);
    if (text === undefined) {
      const db = kinds[f] === "json" && typeof v === "string" ? (v.trim() === "" ? null : JSON.parse(v)) : toDbValue(kinds[f], v);
      text = db === null ? null : `${JSON.stringify(f)}:${JSON.stringify(db)}`;
      if (seen.size >= 10_000) seen.clear();
      seen.set(v, text);
    }
    if (text !== null) parts.push(text);
  });
  return `{${parts.join(",")}}`;
}

/**
 * Many rows in one statement: the rows travel as one JSON parameter and jsonb_to_recordset types them,
 * so a thousand tables cost a handful of round trips.
 */
async function bulk<F extends string>(
  client: pg.ClientBase,
  kinds: Record<F, FieldKind>,
  fields: F[],
  rows: { extra: Record<string, unknown>; values: Record<F, string | boolean> }[],
  statement: (columns: string, recordset: string) => string,
): Promise<{ id: number }[]> {
  const out: { id: number }[] = [];
  const memo = fields.map(() => new Map<string | boolean, string | null>());
  const extraColumns = Object.keys(rows[0]?.extra ?? {}).map((k) => `${quoteIdent(k)} ${k.endsWith("id") ? "bigint" : "text"}`);
  const recordset = `jsonb_to_recordset($1::jsonb) AS x(${[...extraColumns, ...fields.map((f) => `${quoteIdent(f)} ${SQL_TYPE[kinds[f]]}`)].join(", ")})`;
  for (let start = 0; start < rows.length; start += 2000) {
    const chunk = rows.slice(start, start + 2000).map((r) => recordJson(kinds, fields, r.extra, r.values, memo));
    const { rows: ids } = await client.query<{ id: number }>(statement(fields.map(quoteIdent).join(", "), recordset), [`[${chunk.join(",")}]`]);
    out.push(...ids);
  }
  return out;
}

export async function insertTables(client: pg.ClientBase, rows: TableValues[]): Promise<Map<string, number>> {
  if (rows.length === 0) return new Map();
  const ids = await bulk(client, TABLE_FIELD_KINDS, TABLE_FIELDS, rows.map((values) => ({ extra: {}, values })), (cols, rs) =>
    `INSERT INTO _metadata.mappings_table (${cols}) SELECT ${cols} FROM ${rs} RETURNING id, schema_name || '.' || table_name AS key`,
  );
  return new Map((ids as unknown as { id: number; key: string }[]).map((r) => [r.key, r.id]));
}

export async function updateTables(client: pg.ClientBase, rows: { id: number; values: TableValues }[], fields: TableField[]) {
  if (rows.length === 0 || fields.length === 0) return;
  await bulk(client, TABLE_FIELD_KINDS, fields, rows.map((r) => ({ extra: { id: r.id }, values: r.values })), (_cols, rs) =>
    `UPDATE _metadata.mappings_table t SET ${fields.map((f) => `${quoteIdent(f)} = x.${quoteIdent(f)}`).join(", ")} FROM ${rs} WHERE t.id = x.id RETURNING t.id`,
  );
}

export async function insertColumns(client: pg.ClientBase, rows: { tableId: number; schema: string; table: string; values: ColumnValues }[]) {
  if (rows.length === 0) return;
  await bulk(
    client,
    COLUMN_FIELD_KINDS,
    COLUMN_FIELDS,
    rows.map((r) => ({ extra: { table_id: r.tableId, schema_name: r.schema, table_name: r.table }, values: r.values })),
    (cols, rs) =>
      `INSERT INTO _metadata.mappings_column (table_id, schema_name, table_name, ${cols}) SELECT table_id, schema_name, table_name, ${cols} FROM ${rs} RETURNING id`,
  );
}

export async function updateColumns(client: pg.ClientBase, rows: { id: number; values: ColumnValues }[], fields: ColumnField[]) {
  if (rows.length === 0 || fields.length === 0) return;
  await bulk(client, COLUMN_FIELD_KINDS, fields, rows.map((r) => ({ extra: { id: r.id }, values: r.values })), (_cols, rs) =>
    `UPDATE _metadata.mappings_column c SET ${fields.map((f) => `${quoteIdent(f)} = x.${quoteIdent(f)}`).join(", ")} FROM ${rs} WHERE c.id = x.id RETURNING c.id`,
  );
}

/**
 * Relations for foreign keys, each through the relation form's schema (the same checks a person's new relation
 * goes through), inserted in one statement.
 */
export async function insertRelations(
  client: pg.ClientBase,
  items: { fk: ForeignKeyModel; from: TableModel; ids: { from: number | undefined; to: number | undefined } }[],
) {
  if (items.length === 0) return;
  const rows = items.map(({ fk, from, ids }) => {
    const derived = relationFieldsFrom(fk, from);
    const values = relationSchema.parse({
      from_table_id: ids.from,
      from_column: fk.column,
      to_table_id: ids.to,
      to_column: fk.toColumn,
      relation_type: derived.relation_type,
      graphql_field: derived.graphql_field,
      is_cascade_delete: fk.cascade,
      constraint_name: fk.name,
    });
    return {
      from_table_id: values.from_table_id,
      to_table_id: values.to_table_id,
      from_schema: fk.schema,
      from_table: fk.table,
      from_column: values.from_column,
      to_schema: fk.toSchema,
      to_table: fk.toTable,
      to_column: values.to_column,
      relation_type: values.relation_type,
      graphql_field: values.graphql_field || null,
      is_cascade_delete: values.is_cascade_delete,
      constraint_name: values.constraint_name || null,
    };
  });
  await client.query(
    `INSERT INTO _metadata.mappings_relation (from_table_id, to_table_id, from_schema, from_table, from_column, to_schema, to_table, to_column,
       relation_type, graphql_field, is_cascade_delete, constraint_name)
     SELECT from_table_id, to_table_id, from_schema, from_table, from_column, to_schema, to_table, to_column,
            relation_type::_metadata.relation_type_enum, graphql_field, is_cascade_delete, constraint_name
       FROM jsonb_to_recordset($1::jsonb) AS x(from_table_id bigint, to_table_id bigint, from_schema text, from_table text, from_column text,
            to_schema text, to_table text, to_column text, relation_type text, graphql_field text, is_cascade_delete boolean, constraint_name text)`,
    [JSON.stringify(rows)],
  );
}
