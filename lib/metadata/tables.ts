import "server-only";
import type pg from "pg";
import { quoteIdent } from "../db/identifiers";
import { maybeOne, query, tx, type Queryable } from "../db/pool";
import { toDbValue } from "../schemas/fields";
import { TABLE_FIELD_KINDS, type TableField, type TableValues } from "../schemas/table";
import { ConflictError, FieldError } from "./conflict";

/** A mappings_table row for the grid: no JSONB (loaded with the table's page), plus its column count. */
export interface TableListRow {
  id: number;
  schema_name: string;
  table_name: string;
  graphql_type: string | null;
  label: string;
  description: string | null;
  primary_key: string | null;
  is_api_enabled: boolean | null;
  column_count: number;
  updated_at: string;
  version: string;
}

export interface TableRow extends Omit<TableListRow, "column_count"> {
  api_permissions: unknown;
  table_constraints: unknown;
  indexes: unknown;
  created_at: string;
}

// updated_at::text keeps microseconds: it is the optimistic-concurrency token ("version").
const TABLE_COLUMNS = `t.id, t.schema_name, t.table_name, t.graphql_type, t.label, t.description, t.primary_key,
  t.is_api_enabled, t.updated_at::text AS updated_at, t.updated_at::text AS version`;

export async function listTables(db?: Queryable): Promise<TableListRow[]> {
  return query<TableListRow>(
    `SELECT ${TABLE_COLUMNS}, COALESCE(c.n, 0)::int AS column_count
       FROM _metadata.mappings_table t
       LEFT JOIN (SELECT table_id, count(*) AS n FROM _metadata.mappings_column GROUP BY table_id) c ON c.table_id = t.id
      ORDER BY t.schema_name, t.table_name`,
    [],
    db,
  );
}

export async function getTable(id: number, db?: Queryable): Promise<TableRow | null> {
  return maybeOne<TableRow>(
    `SELECT ${TABLE_COLUMNS}, t.api_permissions, t.table_constraints, t.indexes, t.created_at::text AS created_at
       FROM _metadata.mappings_table t WHERE t.id = $1`,
    [id],
    db,
  );
}

/** Table names (for pickers): id, schema, name, primary key. */
export async function listTableNames(db?: Queryable) {
  return query<{ id: number; schema_name: string; table_name: string; primary_key: string | null; label: string }>(
    "SELECT id, schema_name, table_name, primary_key, label FROM _metadata.mappings_table ORDER BY schema_name, table_name",
    [],
    db,
  );
}

const FIELDS = Object.keys(TABLE_FIELD_KINDS) as TableField[];

function duplicate(error: unknown, values: Pick<TableValues, "schema_name" | "table_name">): never {
  if ((error as { code?: string }).code === "23505") {
    throw new FieldError("table_name", `A table ${values.schema_name}.${values.table_name} already exists.`);
  }
  throw error;
}

export async function createTable(values: TableValues, db?: Queryable): Promise<TableRow> {
  const params = FIELDS.map((f) => toDbValue(TABLE_FIELD_KINDS[f], values[f]));
  const row = await maybeOne<{ id: number }>(
    `INSERT INTO _metadata.mappings_table (${FIELDS.map(quoteIdent).join(", ")})
     VALUES (${FIELDS.map((f, i) => `$${i + 1}${TABLE_FIELD_KINDS[f] === "json" ? "::jsonb" : ""}`).join(", ")})
     RETURNING id`,
    params,
    db,
  ).catch((error) => duplicate(error, values));
  return (await getTable(row!.id, db))!;
}

/**
 * Changes some fields of a table, guarded by its version. A new table_name or schema_name is carried to
 * its mappings_column rows and to every mappings_relation naming it, in the same transaction: no orphans.
 */
export async function updateTable(
  id: number,
  version: string,
  changes: Partial<TableValues>,
  pool?: pg.Pool,
): Promise<TableRow> {
  const fields = (Object.keys(changes) as TableField[]).filter((f) => FIELDS.includes(f));
  if (fields.length === 0) throw new Error("Nothing to change");
  return tx(async (client) => {
    const before = await maybeOne<{ schema_name: string; table_name: string }>(
      "SELECT schema_name, table_name FROM _metadata.mappings_table WHERE id = $1 AND updated_at = $2::timestamptz FOR UPDATE",
      [id, version],
      client,
    );
    if (!before) throw new ConflictError(await getTable(id, client));
    const params = fields.map((f) => toDbValue(TABLE_FIELD_KINDS[f], changes[f]!));
    const sets = fields.map((f, i) => `${quoteIdent(f)} = $${i + 2}${TABLE_FIELD_KINDS[f] === "json" ? "::jsonb" : ""}`);
    const after = await maybeOne<{ schema_name: string; table_name: string }>(
      `UPDATE _metadata.mappings_table SET ${sets.join(", ")} WHERE id = $1 RETURNING schema_name, table_name`,
      [id, ...params],
      client,
    ).catch((error) => duplicate(error, { schema_name: String(changes.schema_name ?? before.schema_name), table_name: String(changes.table_name ?? before.table_name) }));
    if (after && (after.schema_name !== before.schema_name || after.table_name !== before.table_name)) {
      await renameReferences(client, id, after);
    }
    return (await getTable(id, client))!;
  }, pool);
}

/** Carries a table's (new) schema and name to its columns and to the relations naming it. */
export async function renameReferences(client: pg.PoolClient, id: number, to: { schema_name: string; table_name: string }) {
  await client.query(
    "UPDATE _metadata.mappings_column SET schema_name = $2, table_name = $3 WHERE table_id = $1",
    [id, to.schema_name, to.table_name],
  );
  await client.query(
    "UPDATE _metadata.mappings_relation SET from_schema = $2, from_table = $3 WHERE from_table_id = $1",
    [id, to.schema_name, to.table_name],
  );
  await client.query(
    "UPDATE _metadata.mappings_relation SET to_schema = $2, to_table = $3 WHERE to_table_id = $1",
    [id, to.schema_name, to.table_name],
  );
}

/** What deleting a table takes with it (shown before the user confirms). */
export async function deletionImpact(id: number, db?: Queryable) {
  return (await maybeOne<{ columns: number; relations: number }>(
    `SELECT (SELECT count(*) FROM _metadata.mappings_column WHERE table_id = $1)::int AS columns,
            (SELECT count(*) FROM _metadata.mappings_relation WHERE from_table_id = $1 OR to_table_id = $1)::int AS relations`,
    [id],
    db,
  ))!;
}

/** Deletes the table; its columns and relations go with it (ON DELETE CASCADE). Guarded by its version. */
export async function deleteTable(id: number, version: string, pool?: pg.Pool) {
  return tx(async (client) => {
    const impact = await deletionImpact(id, client);
    const deleted = await client.query(
      "DELETE FROM _metadata.mappings_table WHERE id = $1 AND updated_at = $2::timestamptz",
      [id, version],
    );
    if (deleted.rowCount === 0) throw new ConflictError(await getTable(id, client));
    return impact;
  }, pool);
}

