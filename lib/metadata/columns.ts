import "server-only";
import type pg from "pg";
import { quoteIdent } from "../db/identifiers";
import { getPool, maybeOne, query, tx, type Queryable } from "../db/pool";
import { COLUMN_FIELD_KINDS, columnDefaults, type ColumnField, type ColumnValues, type NewColumnValues } from "../schemas/column";
import { toDbValue } from "../schemas/fields";
import { ConflictError, FieldError } from "./conflict";
import { deriveColumnDefaults } from "./derive";

/** A mappings_column row (every field), with `version` = updated_at as exact text. */
export interface ColumnRow {
  id: number;
  table_id: number;
  schema_name: string;
  table_name: string;
  version: string;
  [field: string]: unknown;
}

const FIELDS = Object.keys(COLUMN_FIELD_KINDS) as ColumnField[];
const SELECT = `SELECT c.*, c.created_at::text AS created_at, c.updated_at::text AS updated_at, c.updated_at::text AS version
  FROM _metadata.mappings_column c`;

/** One table's columns in form order: the grid loads per table, never all columns of all tables. */
export async function listColumns(tableId: number, db?: Queryable): Promise<ColumnRow[]> {
  return query<ColumnRow>(`${SELECT} WHERE c.table_id = $1 ORDER BY c.sort_order, c.id`, [tableId], db);
}

export async function getColumn(id: number, db?: Queryable): Promise<ColumnRow | null> {
  return maybeOne<ColumnRow>(`${SELECT} WHERE c.id = $1`, [id], db);
}

const SERIALS: Record<string, string> = { SMALLSERIAL: "smallint", SERIAL2: "smallint", SERIAL: "integer", SERIAL4: "integer", BIGSERIAL: "bigint", SERIAL8: "bigint" };

/** Asks the server whether it knows the type (serial pseudo-types allowed). null when it does. */
export async function pgTypeProblem(pgType: string, db: Queryable = getPool()): Promise<string | null> {
  const trimmed = pgType.trim();
  if (trimmed === "") return null;
  const normalized = SERIALS[trimmed.toUpperCase()] ?? trimmed;
  try {
    const { rows } = await db.query<{ t: string | null }>("SELECT to_regtype($1)::text AS t", [normalized]);
    if (rows[0].t) return null;
  } catch {
    // PostgreSQL 15 raises on some malformed names where 16+ returns NULL: both mean "not a type".
  }
  return `PostgreSQL does not know the type "${pgType}".`;
}

function duplicateColumn(error: unknown, name: string, table: string): never {
  if ((error as { code?: string }).code === "23505") throw new FieldError("pg_column", `Table ${table} already has a column "${name}".`);
  throw error;
}

/** Adds columns (one from the form, or many pasted) at the end of the table, derived defaults filled in. */
export async function addColumns(tableId: number, rows: NewColumnValues[], pool?: pg.Pool): Promise<ColumnRow[]> {
  for (const [i, row] of rows.entries()) {
    const problem = await pgTypeProblem(row.pg_type, pool);
    if (problem) throw new FieldError(rows.length > 1 ? `rows.${i}.pg_type` : "pg_type", problem);
  }
  return tx(async (client) => {
    // Lock first, then read the last position in a new statement: its snapshot sees a concurrent paste
    // that committed while this one waited for the lock.
    const table = await maybeOne<{ schema_name: string; table_name: string }>(
      "SELECT schema_name, table_name FROM _metadata.mappings_table WHERE id = $1 FOR UPDATE",
      [tableId],
      client,
    );
    if (!table) throw new ConflictError(null);
    const { next } = (await maybeOne<{ next: number }>(
      "SELECT COALESCE(max(sort_order), 0) + 1 AS next FROM _metadata.mappings_column WHERE table_id = $1",
      [tableId],
      client,
    ))!;
    const ids: number[] = [];
    for (const [i, row] of rows.entries()) {
      const derived = deriveColumnDefaults(row.pg_column, row.pg_type, row.label);
      const values: ColumnValues = {
        ...columnDefaults,
        pg_column: row.pg_column,
        pg_type: row.pg_type,
        label: row.label || derived.label,
        graphql_field: row.graphql_field || derived.graphql_field,
        graphql_type: row.graphql_type || derived.graphql_type,
        form_type: row.form_type || derived.form_type,
        is_required: row.is_required,
        is_unique: row.is_unique,
        is_primary_key: row.is_primary_key,
        sort_order: String(next + i),
      };
      const inserted = await maybeOne<{ id: number }>(
        `INSERT INTO _metadata.mappings_column (table_id, schema_name, table_name, ${FIELDS.map(quoteIdent).join(", ")})
         VALUES ($1, $2, $3, ${FIELDS.map((f, j) => `$${j + 4}${COLUMN_FIELD_KINDS[f] === "json" ? "::jsonb" : ""}`).join(", ")})
         RETURNING id`,
        [tableId, table.schema_name, table.table_name, ...FIELDS.map((f) => toDbValue(COLUMN_FIELD_KINDS[f], values[f]))],
        client,
      ).catch((error) => duplicateColumn(error, row.pg_column, table.table_name));
      ids.push(inserted!.id);
    }
    return query<ColumnRow>(`${SELECT} WHERE c.id = ANY($1::bigint[]) ORDER BY c.sort_order, c.id`, [ids], client);
  }, pool);
}

/**
 * Changes fields of a column, guarded by its version. A new pg_column is carried to the relations that
 * name it (same table id, same old column name), in the same transaction.
 */
export async function updateColumn(
  id: number,
  version: string,
  changes: Partial<ColumnValues>,
  pool?: pg.Pool,
): Promise<ColumnRow> {
  const fields = (Object.keys(changes) as ColumnField[]).filter((f) => FIELDS.includes(f));
  if (fields.length === 0) throw new Error("Nothing to change");
  if (changes.pg_type !== undefined) {
    const problem = await pgTypeProblem(changes.pg_type, pool);
    if (problem) throw new FieldError("pg_type", problem);
  }
  return tx(async (client) => {
    const before = await maybeOne<{ table_id: number; pg_column: string; table_name: string }>(
      "SELECT table_id, pg_column, table_name FROM _metadata.mappings_column WHERE id = $1 AND updated_at = $2::timestamptz FOR UPDATE",
      [id, version],
      client,
    );
    if (!before) throw new ConflictError(await getColumn(id, client));
    const sets = fields.map((f, i) => `${quoteIdent(f)} = $${i + 2}${COLUMN_FIELD_KINDS[f] === "json" ? "::jsonb" : ""}`);
    await client
      .query(`UPDATE _metadata.mappings_column SET ${sets.join(", ")} WHERE id = $1`, [
        id,
        ...fields.map((f) => toDbValue(COLUMN_FIELD_KINDS[f], changes[f]!)),
      ])
      .catch((error) => duplicateColumn(error, String(changes.pg_column), before.table_name));
    if (changes.pg_column !== undefined && changes.pg_column !== before.pg_column) {
      await carryColumnRename(client, before.table_id, before.pg_column, changes.pg_column);
    }
    return (await getColumn(id, client))!;
  }, pool);
}

/** A renamed column: the relations naming it, its table's primary_key and indexes[].columns follow. */
export async function carryColumnRename(client: pg.PoolClient, tableId: number, from: string, to: string) {
  await client.query(
    "UPDATE _metadata.mappings_relation SET from_column = $3 WHERE from_table_id = $1 AND from_column = $2",
    [tableId, from, to],
  );
  await client.query(
    "UPDATE _metadata.mappings_relation SET to_column = $3 WHERE to_table_id = $1 AND to_column = $2",
    [tableId, from, to],
  );
  await renameInTable(client, tableId, from, to);
}

async function renameInTable(client: pg.PoolClient, tableId: number, from: string, to: string) {
  await client.query(
    `UPDATE _metadata.mappings_table t
        SET primary_key = CASE WHEN t.primary_key = $2 THEN $3 ELSE t.primary_key END,
            indexes = CASE WHEN jsonb_typeof(t.indexes) = 'array' THEN (
              SELECT jsonb_agg(CASE WHEN jsonb_typeof(ix.value -> 'columns') = 'array' THEN jsonb_set(ix.value, '{columns}', (
                       SELECT jsonb_agg(CASE WHEN c.value = to_jsonb($2::text) THEN to_jsonb($3::text) ELSE c.value END ORDER BY c.n)
                         FROM jsonb_array_elements(ix.value -> 'columns') WITH ORDINALITY AS c(value, n)))
                     ELSE ix.value END ORDER BY ix.n)
                FROM jsonb_array_elements(t.indexes) WITH ORDINALITY AS ix(value, n)) ELSE t.indexes END
      WHERE t.id = $1
        AND (t.primary_key = $2 OR (jsonb_typeof(t.indexes) = 'array' AND t.indexes::text LIKE '%' || to_jsonb($2::text)::text || '%'))`,
    [tableId, from, to],
  );
}

/** Writes sort_order 1..n in the given order (only rows whose position changes are touched). */
export async function reorderColumns(tableId: number, orderedIds: number[], pool?: pg.Pool): Promise<ColumnRow[]> {
  return tx(async (client) => {
    await client.query(
      `UPDATE _metadata.mappings_column c SET sort_order = o.ord
         FROM unnest($2::bigint[]) WITH ORDINALITY AS o(id, ord)
        WHERE c.id = o.id AND c.table_id = $1 AND c.sort_order IS DISTINCT FROM o.ord::int`,
      [tableId, orderedIds],
    );
    return listColumns(tableId, client);
  }, pool);
}

/** Deletes a column and the relations that name it (they would point at nothing), in one transaction. */
export async function deleteColumn(id: number, version: string, pool?: pg.Pool): Promise<{ relations: number }> {
  return tx(async (client) => {
    const deleted = await maybeOne<{ table_id: number; pg_column: string }>(
      "DELETE FROM _metadata.mappings_column WHERE id = $1 AND updated_at = $2::timestamptz RETURNING table_id, pg_column",
      [id, version],
      client,
    );
    if (!deleted) throw new ConflictError(await getColumn(id, client));
    const relations = await client.query(
      `DELETE FROM _metadata.mappings_relation
        WHERE (from_table_id = $1 AND from_column = $2) OR (to_table_id = $1 AND to_column = $2)`,
      [deleted.table_id, deleted.pg_column],
    );
    return { relations: relations.rowCount ?? 0 };
  }, pool);
}
