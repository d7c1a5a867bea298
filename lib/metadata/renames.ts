import type pg from "pg";
import { maybeOne } from "../db/pool";

/**
 * Rename propagation, one home for edits and restores alike. Names are copied across the metadata: a column
 * carries its table's schema and name, a relation both tables' and both columns' names, a table its key
 * column's name (primary_key, indexes[].columns), a column the names of the endpoints it reads
 * (api_endpoints, api_source_path). When a row's name changes, every copy follows in the same transaction.
 *
 * Lock order, so that two renames never wait for each other in a circle: a mappings_table row before its
 * columns, columns before relations, each set in id order; an endpoint before the columns naming it. A
 * writer that changes a column's name locks the column's table first (lockTableOfColumn), as a table rename
 * (which rewrites the table's columns) does.
 */
type Row = Record<string, unknown>;
type Client = pg.ClientBase;

export type RenamedTable = "mappings_table" | "mappings_column" | "mappings_api_endpoint";

/** The columns whose values others copy, per table: changing one renames (and needs carryRename). */
const NAME_COLUMNS: Record<string, readonly string[]> = {
  mappings_table: ["schema_name", "table_name"],
  mappings_column: ["pg_column"],
  mappings_api_endpoint: ["endpoint_name"],
};

/** Whether changing `before` into `after` renames something others copy (and so needs carryRename). */
export function renames(table: string, before: Row, after: Row): boolean {
  return (NAME_COLUMNS[table] ?? []).some((c) => before[c] !== after[c]);
}

/** Whether writing `columns` of a `table` row may rename something (renames() can only tell afterwards). */
export function mayRename(table: string, columns: readonly string[]): boolean {
  return (NAME_COLUMNS[table] ?? []).some((c) => columns.includes(c));
}

/** Carries the names of `after` (the row as now written) to every copy of `before`'s names. */
export async function carryRename(client: Client, table: string, before: Row, after: Row): Promise<void> {
  if (!renames(table, before, after)) return;
  if (table === "mappings_table") {
    await tableRenamed(client, Number(after.id), String(after.schema_name), String(after.table_name));
  } else if (table === "mappings_column") {
    await columnRenamed(client, Number(before.table_id), String(before.pg_column), String(after.pg_column));
  } else if (table === "mappings_api_endpoint") {
    await endpointRenamed(client, String(before.endpoint_name), String(after.endpoint_name));
  }
}

/**
 * Locks the mappings_table row a column belongs to (before the column itself is locked: see the lock order).
 * Returns the table id, or null when the column does not exist.
 */
export async function lockTableOfColumn(client: Client, columnId: number): Promise<number | null> {
  const row = await maybeOne<{ id: number }>(
    `SELECT t.id FROM _metadata.mappings_table t
      WHERE t.id = (SELECT c.table_id FROM _metadata.mappings_column c WHERE c.id = $1)
      FOR NO KEY UPDATE OF t`,
    [columnId],
    client,
  );
  return row?.id ?? null;
}

/** Locks the rows `where` selects, in id order, before they are updated together. */
async function lockInOrder(client: Client, table: string, where: string, params: unknown[]) {
  await client.query(`SELECT id FROM _metadata.${table} WHERE ${where} ORDER BY id FOR NO KEY UPDATE`, params);
}

async function tableRenamed(client: Client, id: number, schema: string, name: string) {
  await lockInOrder(client, "mappings_column", "table_id = $1", [id]);
  await client.query("UPDATE _metadata.mappings_column SET schema_name = $2, table_name = $3 WHERE table_id = $1", [
    id,
    schema,
    name,
  ]);
  await lockInOrder(client, "mappings_relation", "from_table_id = $1 OR to_table_id = $1", [id]);
  await client.query(
    "UPDATE _metadata.mappings_relation SET from_schema = $2, from_table = $3 WHERE from_table_id = $1",
    [id, schema, name],
  );
  await client.query("UPDATE _metadata.mappings_relation SET to_schema = $2, to_table = $3 WHERE to_table_id = $1", [
    id,
    schema,
    name,
  ]);
}

/** A renamed column: the relations naming it, its table's primary_key and indexes[].columns follow. */
async function columnRenamed(client: Client, tableId: number, from: string, to: string) {
  const naming = "(from_table_id = $1 AND from_column = $2) OR (to_table_id = $1 AND to_column = $2)";
  await lockInOrder(client, "mappings_relation", naming, [tableId, from]);
  await client.query(
    "UPDATE _metadata.mappings_relation SET from_column = $3 WHERE from_table_id = $1 AND from_column = $2",
    [tableId, from, to],
  );
  await client.query("UPDATE _metadata.mappings_relation SET to_column = $3 WHERE to_table_id = $1 AND to_column = $2", [
    tableId,
    from,
    to,
  ]);
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

/** Columns follow a renamed endpoint: entries of their api_endpoints array, and an api_source_path naming it. */
async function endpointRenamed(client: Client, from: string, to: string) {
  const naming = "(jsonb_typeof(api_endpoints) = 'array' AND api_endpoints ? $1::text) OR api_source_path = $1::text";
  await lockInOrder(client, "mappings_column", naming, [from]);
  await client.query(
    `UPDATE _metadata.mappings_column c
        SET api_endpoints = CASE WHEN jsonb_typeof(c.api_endpoints) = 'array' AND c.api_endpoints ? $1::text THEN (
              SELECT jsonb_agg(CASE WHEN x.value = to_jsonb($1::text) THEN to_jsonb($2::text) ELSE x.value END ORDER BY x.n)
                FROM jsonb_array_elements(c.api_endpoints) WITH ORDINALITY AS x(value, n)) ELSE c.api_endpoints END,
            api_source_path = CASE WHEN c.api_source_path = $1::text THEN $2::text ELSE c.api_source_path END
      WHERE (jsonb_typeof(c.api_endpoints) = 'array' AND c.api_endpoints ? $1::text) OR c.api_source_path = $1::text`,
    [from, to],
  );
}
