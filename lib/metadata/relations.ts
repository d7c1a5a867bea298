import "server-only";
import type pg from "pg";
import { quoteIdent } from "../db/identifiers";
import { getPool, maybeOne, query, tx, type Queryable } from "../db/pool";
import { toDbValue } from "../schemas/fields";
import { RELATION_FIELD_KINDS, type RelationInlineField, type RelationValues } from "../schemas/relation";
import { ConflictError, FieldError } from "./conflict";

export interface RelationRow {
  id: number;
  from_table_id: number | null;
  to_table_id: number | null;
  from_schema: string;
  from_table: string;
  from_column: string;
  to_schema: string;
  to_table: string;
  to_column: string;
  relation_type: string;
  graphql_field: string | null;
  is_cascade_delete: boolean | null;
  constraint_name: string | null;
  created_at: string;
  /** mappings_relation has no updated_at: a hash of the row is its version. */
  version: string;
}

const SELECT = `SELECT r.id, r.from_table_id, r.to_table_id, r.from_schema, r.from_table, r.from_column, r.to_schema,
  r.to_table, r.to_column, r.relation_type::text AS relation_type, r.graphql_field, r.is_cascade_delete, r.constraint_name,
  r.created_at::text AS created_at, md5(r::text) AS version FROM _metadata.mappings_relation r`;

export async function listRelations(db?: Queryable): Promise<RelationRow[]> {
  return query<RelationRow>(`${SELECT} ORDER BY r.from_schema, r.from_table, r.from_column, r.id`, [], db);
}

/** Outgoing (from this table) and incoming (to it). */
export async function listRelationsOfTable(tableId: number, db?: Queryable) {
  const rows = await query<RelationRow>(
    `${SELECT} WHERE r.from_table_id = $1 OR r.to_table_id = $1 ORDER BY r.from_table, r.from_column, r.id`,
    [tableId],
    db,
  );
  return { outgoing: rows.filter((r) => r.from_table_id === tableId), incoming: rows.filter((r) => r.to_table_id === tableId) };
}

export async function getRelation(id: number, db?: Queryable): Promise<RelationRow | null> {
  return maybeOne<RelationRow>(`${SELECT} WHERE r.id = $1`, [id], db);
}

/** The endpoints must be existing tables and columns; names are taken from the ids, so they always agree. */
async function endpoints(client: Queryable, values: RelationValues) {
  const tables = await query<{ id: number; schema_name: string; table_name: string }>(
    "SELECT id, schema_name, table_name FROM _metadata.mappings_table WHERE id = ANY($1::bigint[])",
    [[values.from_table_id, values.to_table_id]],
    client,
  );
  const from = tables.find((t) => t.id === values.from_table_id);
  const to = tables.find((t) => t.id === values.to_table_id);
  if (!from) throw new FieldError("from_table_id", "That table no longer exists.");
  if (!to) throw new FieldError("to_table_id", "That table no longer exists.");
  const columns = await query<{ table_id: number; pg_column: string }>(
    `SELECT table_id, pg_column FROM _metadata.mappings_column
      WHERE (table_id = $1 AND pg_column = $2) OR (table_id = $3 AND pg_column = $4)`,
    [from.id, values.from_column, to.id, values.to_column],
    client,
  );
  if (!columns.some((c) => c.table_id === from.id && c.pg_column === values.from_column)) {
    throw new FieldError("from_column", `${from.table_name} has no column "${values.from_column}".`);
  }
  if (!columns.some((c) => c.table_id === to.id && c.pg_column === values.to_column)) {
    throw new FieldError("to_column", `${to.table_name} has no column "${values.to_column}".`);
  }
  return { from, to };
}

function duplicateRelation(error: unknown): never {
  if ((error as { code?: string }).code === "23505") {
    throw new FieldError("from_column", "This relation (same columns at both ends) already exists.");
  }
  throw error;
}

export async function createRelation(values: RelationValues, pool: pg.Pool = getPool()): Promise<RelationRow> {
  return tx(async (client) => {
    const { from, to } = await endpoints(client, values);
    const row = await maybeOne<{ id: number }>(
      `INSERT INTO _metadata.mappings_relation (from_table_id, to_table_id, from_schema, from_table, from_column,
         to_schema, to_table, to_column, relation_type, graphql_field, is_cascade_delete, constraint_name)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
      [
        from.id,
        to.id,
        from.schema_name,
        from.table_name,
        values.from_column,
        to.schema_name,
        to.table_name,
        values.to_column,
        values.relation_type,
        values.graphql_field || null,
        values.is_cascade_delete,
        values.constraint_name || null,
      ],
      client,
    ).catch(duplicateRelation);
    return (await getRelation(row!.id, client))!;
  }, pool);
}

/** Inline edits of a relation's own fields, guarded by its version (row hash). */
export async function updateRelation(
  id: number,
  version: string,
  changes: Partial<Record<RelationInlineField, string | boolean>>,
  db: Queryable = getPool(),
): Promise<RelationRow> {
  const fields = (Object.keys(changes) as RelationInlineField[]).filter((f) => f in RELATION_FIELD_KINDS);
  if (fields.length === 0) throw new Error("Nothing to change");
  const sets = fields.map(
    (f, i) => `${quoteIdent(f)} = $${i + 3}${f === "relation_type" ? "::_metadata.relation_type_enum" : ""}`,
  );
  const updated = await db.query(
    `UPDATE _metadata.mappings_relation r SET ${sets.join(", ")} WHERE r.id = $1 AND md5(r::text) = $2`,
    [id, version, ...fields.map((f) => toDbValue(RELATION_FIELD_KINDS[f], changes[f]!))],
  );
  if (updated.rowCount === 0) throw new ConflictError(await getRelation(id, db));
  return (await getRelation(id, db))!;
}

export async function deleteRelation(id: number, version: string, db: Queryable = getPool()): Promise<void> {
  const deleted = await db.query("DELETE FROM _metadata.mappings_relation r WHERE r.id = $1 AND md5(r::text) = $2", [id, version]);
  if (deleted.rowCount === 0) throw new ConflictError(await getRelation(id, db));
}
