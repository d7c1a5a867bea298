import "server-only";
import type pg from "pg";
import { maybeOne, query, tx, type Queryable } from "../db/pool";
import { COLUMN_FIELD_KINDS, columnDefaults, type ColumnValues, type NewColumnValues } from "../schemas/column";
import { ConflictError, FieldError } from "./conflict";
import { dbValues, deleteIfVersion, insertRow, rowVersionSql, saveIfVersion, type Entity } from "./versioned-row";
import { deriveColumnDefaults } from "./derive";
import { enumOptionsDefine, pgTypeProblem, pgTypeProblems } from "./pg-types";
import { CellEditsError, type CellEditTarget } from "./cell-edits";
import { say } from "../i18n/messages";

/** A mappings_column row (every field), with its concurrency token (versioned-row.ts). */
export interface ColumnRow {
  id: number;
  table_id: number;
  schema_name: string;
  table_name: string;
  rowVersion: string;
  [field: string]: unknown;
}

const COLUMN_COLUMNS = `r.*, r.created_at::text AS created_at, r.updated_at::text AS updated_at,
  ${rowVersionSql("mappings_column")} AS "rowVersion"`;
const SELECT = `SELECT ${COLUMN_COLUMNS} FROM _metadata.mappings_column r`;
const COLUMNS: Entity<ColumnRow> = { table: "mappings_column", read: (id, db) => getColumn(id, db), columns: COLUMN_COLUMNS };

/** One table's columns in form order: the grid loads per table, never all columns of all tables. */
export async function listColumns(tableId: number, db?: Queryable): Promise<ColumnRow[]> {
  return query<ColumnRow>(`${SELECT} WHERE r.table_id = $1 ORDER BY r.sort_order, r.id`, [tableId], db);
}

export async function getColumn(id: number, db?: Queryable): Promise<ColumnRow | null> {
  return maybeOne<ColumnRow>(`${SELECT} WHERE r.id = $1`, [id], db);
}

/** Adds columns (one from the form, or many pasted) at the end of the table, derived defaults filled in. */
export async function addColumns(tableId: number, rows: NewColumnValues[], pool?: pg.Pool): Promise<ColumnRow[]> {
  const problems: Record<number, string> = {};
  for (const [i, row] of rows.entries()) {
    const problem = await pgTypeProblem(row.pg_type, pool);
    if (problem && rows.length === 1) throw new FieldError("pg_type", problem);
    if (problem) problems[i] = problem;
  }
  // A paste reports every row whose type the server does not know, not only the first.
  const n = Object.keys(problems).length;
  if (n > 0) throw new CellEditsError(say("server.typesUnknown", { count: n }), problems);
  return tx((client) => insertColumns(client, tableId, rows), pool);
}

/**
 * addColumns' inserts, on a client inside the caller's transaction (the relation wizard adds a foreign-key
 * column and its relation together). The types must be checked already.
 */
export async function insertColumns(client: pg.PoolClient, tableId: number, rows: NewColumnValues[]): Promise<ColumnRow[]> {
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
      help_text: row.help_text ?? columnDefaults.help_text,
      pg_constraints: row.pg_constraints ?? columnDefaults.pg_constraints,
      sort_order: String(next + i),
    };
    const id = await insertRow(
      "mappings_column",
      { table_id: tableId, schema_name: table.schema_name, table_name: table.table_name, ...dbValues(COLUMN_FIELD_KINDS, values) },
      client,
    );
    ids.push(id);
  }
  return query<ColumnRow>(`${SELECT} WHERE r.id = ANY($1::bigint[]) ORDER BY r.sort_order, r.id`, [ids], client);
}

/**
 * Changes fields of a column, guarded by its version. A new pg_column is carried to the relations that
 * name it and to its table's primary_key and indexes (renames.ts), in the same transaction.
 */
export async function updateColumn(
  id: number,
  rowVersion: string,
  changes: Partial<ColumnValues>,
  pool?: pg.Pool,
): Promise<ColumnRow> {
  if (changes.pg_type !== undefined) {
    const problem = await pgTypeProblem(changes.pg_type, pool);
    if (problem && !enumOptionsDefine(changes.pg_type, changes.enum_options ?? (await enumOptionsOf([id], pool)).get(id))) {
      throw new FieldError("pg_type", problem);
    }
  }
  return saveIfVersion(COLUMNS, id, rowVersion, dbValues(COLUMN_FIELD_KINDS, changes), pool);
}

/**
 * Writes sort_order 1..n in the given order (only rows whose position changes are touched), made from the
 * versions the grid holds: the order must name exactly the table's columns (none unknown, missing or twice)
 * at exactly those versions, or nothing is written and ConflictError carries the columns as they are now (a
 * stale grid, someone's edit, add, delete or reorder meanwhile). The columns are locked before they are
 * compared, so a concurrent reorder waits and then sees the versions this one leaves.
 */
export async function reorderColumns(tableId: number, order: { id: number; rowVersion: string }[], pool?: pg.Pool): Promise<ColumnRow[]> {
  return tx(async (client) => {
    // A table deleted meanwhile is said so (the grid emptied itself: no column of it was left to list).
    // Its lock (as insertColumns') keeps a column from being added before this commits.
    if (!(await maybeOne("SELECT 1 FROM _metadata.mappings_table WHERE id = $1 FOR SHARE", [tableId], client))) {
      throw new FieldError("tableId", say("server.tableGone"));
    }
    const current = await query<{ id: number; v: string }>(
      `SELECT r.id::int AS id, ${rowVersionSql("mappings_column")} AS v FROM _metadata.mappings_column r
        WHERE r.table_id = $1 FOR NO KEY UPDATE`,
      [tableId],
      client,
    );
    const versions = new Map(current.map((c) => [c.id, c.v]));
    const seen = new Set<number>();
    const fits =
      order.length === versions.size &&
      order.every((c) => !seen.has(c.id) && seen.add(c.id) && versions.get(c.id) === c.rowVersion);
    if (!fits) throw new ConflictError(await listColumns(tableId, client), say("server.columnsChangedOrderNotSaved"));
    await client.query(
      `UPDATE _metadata.mappings_column c SET sort_order = o.ord
         FROM unnest($2::bigint[]) WITH ORDINALITY AS o(id, ord)
        WHERE c.id = o.id AND c.table_id = $1 AND c.sort_order IS DISTINCT FROM o.ord::int`,
      [tableId, order.map((c) => c.id)],
    );
    return listColumns(tableId, client);
  }, pool);
}

/** Deletes a column and the relations that name it (they would point at nothing), in one transaction. */
export async function deleteColumn(id: number, rowVersion: string, pool?: pg.Pool): Promise<{ relations: number }> {
  return tx(async (client) => {
    const deleted = await deleteIfVersion(COLUMNS, id, rowVersion, client);
    const relations = await client.query(
      `DELETE FROM _metadata.mappings_relation
        WHERE (from_table_id = $1 AND from_column = $2) OR (to_table_id = $1 AND to_column = $2)`,
      [deleted.table_id, deleted.pg_column],
    );
    return { relations: relations.rowCount ?? 0 };
  }, pool);
}

/** The columns grid's batch edits (paste, fill down, undo): pg_type checked by the server, as updateColumn does. */
export const COLUMN_CELL_EDITS: CellEditTarget<ColumnRow> = {
  entity: COLUMNS,
  kinds: COLUMN_FIELD_KINDS,
  async check(edits, client) {
    const types = edits.filter((e) => e.field === "pg_type" && typeof e.value === "string").map((e) => e.value as string);
    const problems = await pgTypeProblems(types, client);
    const unknown = edits.filter((e) => e.field === "pg_type" && problems.has(e.value as string));
    // The rows' enum options (or the ones this batch writes) may define an unknown type: the plan creates it.
    const options = unknown.length ? await enumOptionsOf(unknown.map((e) => e.id), client) : new Map<number, unknown>();
    for (const e of edits) if (e.field === "enum_options") options.set(e.id, e.value);
    const byIndex: Record<number, string> = {};
    edits.forEach((e, i) => {
      const problem = e.field === "pg_type" ? problems.get(e.value as string) : undefined;
      if (problem && !enumOptionsDefine(e.value as string, options.get(e.id))) byIndex[i] = problem;
    });
    return byIndex;
  },
};

/** The enum options of these column rows as stored (JSON arrays or null): id → options. */
async function enumOptionsOf(ids: number[], db?: Queryable): Promise<Map<number, unknown>> {
  const rows = await query<{ id: number; enum_options: unknown }>(
    "SELECT id::int AS id, enum_options FROM _metadata.mappings_column WHERE id = ANY($1::bigint[])",
    [ids],
    db,
  );
  return new Map(rows.map((r) => [r.id, r.enum_options]));
}
