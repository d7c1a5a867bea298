import "server-only";
import type { CellEditTarget } from "./cell-edits";
import type pg from "pg";
import { getPool, maybeOne, query, tx, type Queryable } from "../db/pool";
import { TABLE_FIELD_KINDS, type TableValues } from "../schemas/table";
import { dbValues, deleteIfVersion, insertRow, rowVersionSql, saveIfVersion, type Entity } from "./versioned-row";

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
  /** The concurrency token every edit carries back (versioned-row.ts). */
  rowVersion: string;
}

export interface TableRow extends Omit<TableListRow, "column_count"> {
  api_permissions: unknown;
  table_constraints: unknown;
  indexes: unknown;
  created_at: string;
}

const TABLE_COLUMNS = `r.id, r.schema_name, r.table_name, r.graphql_type, r.label, r.description, r.primary_key,
  r.is_api_enabled, r.updated_at::text AS updated_at, ${rowVersionSql("mappings_table")} AS "rowVersion"`;

export async function listTables(db?: Queryable): Promise<TableListRow[]> {
  return query<TableListRow>(
    `SELECT ${TABLE_COLUMNS}, COALESCE(c.n, 0)::int AS column_count
       FROM _metadata.mappings_table r
       LEFT JOIN (SELECT table_id, count(*) AS n FROM _metadata.mappings_column GROUP BY table_id) c ON c.table_id = r.id
      ORDER BY r.schema_name, r.table_name`,
    [],
    db,
  );
}

const TABLE_ROW_COLUMNS = `${TABLE_COLUMNS}, r.api_permissions, r.table_constraints, r.indexes, r.created_at::text AS created_at`;

export async function getTable(id: number, db?: Queryable): Promise<TableRow | null> {
  return maybeOne<TableRow>(`SELECT ${TABLE_ROW_COLUMNS} FROM _metadata.mappings_table r WHERE r.id = $1`, [id], db);
}

/** Table names (for pickers): id, schema, name, primary key. */
export async function listTableNames(db?: Queryable) {
  return query<{ id: number; schema_name: string; table_name: string; primary_key: string | null; label: string }>(
    "SELECT id, schema_name, table_name, primary_key, label FROM _metadata.mappings_table ORDER BY schema_name, table_name",
    [],
    db,
  );
}

const TABLES: Entity<TableRow> = { table: "mappings_table", read: (id, db) => getTable(id, db), columns: TABLE_ROW_COLUMNS };

export async function createTable(values: TableValues, db?: Queryable): Promise<TableRow> {
  return (await getTable(await insertRow("mappings_table", dbValues(TABLE_FIELD_KINDS, values), db ?? getPool()), db))!;
}

/**
 * Changes some fields of a table, guarded by its version. A new table_name or schema_name is carried to
 * its mappings_column rows and to every mappings_relation naming it, in the same transaction: no orphans.
 */
export async function updateTable(
  id: number,
  rowVersion: string,
  changes: Partial<TableValues>,
  pool?: pg.Pool,
): Promise<TableRow> {
  return saveIfVersion(TABLES, id, rowVersion, dbValues(TABLE_FIELD_KINDS, changes), pool);
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
export async function deleteTable(id: number, rowVersion: string, pool?: pg.Pool) {
  return tx(async (client) => {
    const impact = await deletionImpact(id, client);
    await deleteIfVersion(TABLES, id, rowVersion, client);
    return impact;
  }, pool);
}

/** The tables grid's batch edits (paste, fill down, undo); renames carry as in updateTable. */
export const TABLE_CELL_EDITS: CellEditTarget<TableRow> = { entity: TABLES, kinds: TABLE_FIELD_KINDS };
