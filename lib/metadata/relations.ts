import "server-only";
import type { CellEditTarget } from "./cell-edits";
import type pg from "pg";
import { getPool, maybeOne, query, tx, type Queryable } from "../db/pool";
import { RELATION_FIELD_KINDS, type RelationInlineField, type RelationValues } from "../schemas/relation";
import { FieldError } from "./conflict";
import { dbValues, deleteIfVersion, insertRow, rowVersionSql, saveIfVersion, type Entity } from "./versioned-row";
import { foreignKeyType } from "./relation-keys";
import { say } from "../i18n/messages";

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
  /** The concurrency token every edit carries back (versioned-row.ts; a hash: there is no updated_at). */
  rowVersion: string;
}

const SELECT = `SELECT r.id, r.from_table_id, r.to_table_id, r.from_schema, r.from_table, r.from_column, r.to_schema,
  r.to_table, r.to_column, r.relation_type::text AS relation_type, r.graphql_field, r.is_cascade_delete, r.constraint_name,
  r.created_at::text AS created_at, ${rowVersionSql("mappings_relation")} AS "rowVersion" FROM _metadata.mappings_relation r`;
const RELATIONS: Entity<RelationRow> = { table: "mappings_relation", read: (id, db) => getRelation(id, db) };

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

/**
 * The endpoints must be existing tables and columns, and a foreign key's two columns of one type (a serial
 * counts as its integer); names are taken from the ids, so they always agree.
 */
async function endpoints(client: pg.ClientBase, values: RelationValues) {
  const tables = await query<{ id: number; schema_name: string; table_name: string }>(
    "SELECT id, schema_name, table_name FROM _metadata.mappings_table WHERE id = ANY($1::bigint[])",
    [[values.from_table_id, values.to_table_id]],
    client,
  );
  const from = tables.find((t) => t.id === values.from_table_id);
  const to = tables.find((t) => t.id === values.to_table_id);
  if (!from) throw new FieldError("from_table_id", say("server.tableGone"));
  if (!to) throw new FieldError("to_table_id", say("server.tableGone"));
  const columns = await query<{ table_id: number; pg_column: string; pg_type: string }>(
    `SELECT table_id, pg_column, pg_type FROM _metadata.mappings_column
      WHERE (table_id = $1 AND pg_column = $2) OR (table_id = $3 AND pg_column = $4)`,
    [from.id, values.from_column, to.id, values.to_column],
    client,
  );
  const fromColumn = columns.find((c) => c.table_id === from.id && c.pg_column === values.from_column);
  const toColumn = columns.find((c) => c.table_id === to.id && c.pg_column === values.to_column);
  if (!fromColumn) throw new FieldError("from_column", say("server.noColumn", { table: from.table_name, column: values.from_column }));
  if (!toColumn) throw new FieldError("to_column", say("server.noColumn", { table: to.table_name, column: values.to_column }));
  // A ManyToMany joins two keys through a junction table: its ends need not share a type.
  if (values.relation_type !== "ManyToMany" && !(await sameKeyType(client, fromColumn.pg_type, toColumn.pg_type))) {
    throw new FieldError(
      "from_column",
      say("server.keyTypesDiffer", {
        from: `${from.table_name}.${fromColumn.pg_column}`,
        fromType: fromColumn.pg_type,
        to: `${to.table_name}.${toColumn.pg_column}`,
        toType: toColumn.pg_type,
        keyType: foreignKeyType(toColumn.pg_type),
      }),
    );
  }
  return { from, to };
}

/** Whether PostgreSQL sees one type in both (lengths aside: VARCHAR(36) and VARCHAR(40) match, TEXT does not). */
async function sameKeyType(client: pg.ClientBase, a: string, b: string): Promise<boolean> {
  const [x, y] = [foreignKeyType(a), foreignKeyType(b)];
  // Unquoted type names are case-insensitive; a quoted one ("Role", a mixed-case enum) is not: the server decides.
  if (x.toUpperCase() === y.toUpperCase() && (x === y || !x.includes('"'))) return true;
  // PostgreSQL 15 raises on some malformed names where 16+ returns NULL: the savepoint keeps the transaction.
  await client.query("SAVEPOINT key_type");
  try {
    const { rows } = await client.query<{ same: boolean | null }>("SELECT to_regtype($1) = to_regtype($2) AS same", [x, y]);
    await client.query("RELEASE SAVEPOINT key_type");
    return rows[0].same === true;
  } catch {
    await client.query("ROLLBACK TO SAVEPOINT key_type");
    return false;
  }
}

export async function createRelation(values: RelationValues, pool: pg.Pool = getPool()): Promise<RelationRow> {
  return tx((client) => insertRelation(client, values), pool);
}

/** One relation row, inside the caller's transaction (the wizard adds columns and the reverse with it). */
export async function insertRelation(client: pg.ClientBase, values: RelationValues): Promise<RelationRow> {
  const { from, to } = await endpoints(client, values);
  const id = await insertRow(
    "mappings_relation",
      {
        from_table_id: from.id,
        to_table_id: to.id,
        from_schema: from.schema_name,
        from_table: from.table_name,
        from_column: values.from_column,
        to_schema: to.schema_name,
        to_table: to.table_name,
        to_column: values.to_column,
        relation_type: values.relation_type,
        graphql_field: values.graphql_field || null,
        is_cascade_delete: values.is_cascade_delete,
        constraint_name: values.constraint_name || null,
      },
    client,
  );
  return (await getRelation(id, client))!;
}

/** Inline edits of a relation's own fields, guarded by its version (row hash). */
export async function updateRelation(
  id: number,
  rowVersion: string,
  changes: Partial<Record<RelationInlineField, string | boolean>>,
  pool?: pg.Pool,
): Promise<RelationRow> {
  return saveIfVersion(RELATIONS, id, rowVersion, dbValues(RELATION_FIELD_KINDS, changes), pool);
}

export async function deleteRelation(id: number, rowVersion: string, db: Queryable = getPool()): Promise<void> {
  await deleteIfVersion(RELATIONS, id, rowVersion, db);
}

/** The relations grid's batch edits (paste, fill down, undo). */
export const RELATION_CELL_EDITS: CellEditTarget<RelationRow> = { entity: RELATIONS, kinds: RELATION_FIELD_KINDS };
