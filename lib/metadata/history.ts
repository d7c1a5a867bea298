import "server-only";
import type pg from "pg";
import { getPool, maybeOne, query, tx, type Queryable } from "../db/pool";
import { expectedCatalog } from "./check";
import { FieldError } from "./conflict";
import { pgTypeRowProblems, rowProblems } from "./row-checks";
import { insertRow, writeRow } from "./versioned-row";
import { say } from "../i18n/messages";

export const LOGGED_TABLES = ["project", "mappings_table", "mappings_column", "mappings_relation", "mappings_api_endpoint"] as const;
export type LoggedTable = (typeof LOGGED_TABLES)[number];
export const OPERATIONS = ["INSERT", "UPDATE", "DELETE"] as const;

/** One entry's columns as HistoryEntry holds them (the role's name left out: only the list looks it up). */
export const ENTRY_COLUMNS = `l.id, l.table_name, l.operation, l.record_id, l.old_data, l.new_data, l.changed_by,
            NULL::text AS changed_by_role, l.changed_at::text AS changed_at`;

export interface HistoryEntry {
  id: number;
  table_name: string;
  operation: string;
  record_id: number | null;
  old_data: Record<string, unknown> | null;
  new_data: Record<string, unknown> | null;
  changed_by: number | null;
  /** The database role whose OID changed_by holds, when it is one. */
  changed_by_role: string | null;
  changed_at: string;
}

export interface HistoryFilter {
  table?: LoggedTable;
  operation?: (typeof OPERATIONS)[number];
  from?: string;
  to?: string;
  /** Entries about one mappings_table row, its columns and its relations. */
  tableId?: number;
  /** Keyset cursor: entries with a smaller id (older). */
  before?: number;
  limit?: number;
}

/** Newest first, a page at a time (keyset on id, which the primary key index serves). */
export async function listHistory(filter: HistoryFilter = {}, db?: Queryable) {
  const where: string[] = [];
  const params: unknown[] = [];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  if (filter.table) where.push(`l.table_name = ${param(filter.table)}`);
  if (filter.operation) where.push(`l.operation = ${param(filter.operation)}`);
  if (filter.from) where.push(`l.changed_at >= ${param(filter.from)}::timestamptz`);
  if (filter.to) where.push(`l.changed_at <= ${param(filter.to)}::timestamptz`);
  if (filter.before) where.push(`l.id < ${param(filter.before)}`);
  if (filter.tableId) {
    // Two parameters: one is typed bigint (record_id), the other text (values read out of the JSON).
    const id = param(filter.tableId);
    const text = param(String(filter.tableId));
    where.push(`((l.table_name = 'mappings_table' AND l.record_id = ${id}::bigint)
      OR (l.table_name = 'mappings_column' AND COALESCE(l.new_data, l.old_data) ->> 'table_id' = ${text}::text)
      OR (l.table_name = 'mappings_relation' AND ${text}::text IN (COALESCE(l.new_data, l.old_data) ->> 'from_table_id', COALESCE(l.new_data, l.old_data) ->> 'to_table_id')))`);
  }
  const limit = Math.min(Math.max(filter.limit ?? 50, 1), 500);
  const rows = await query<HistoryEntry>(
    `SELECT l.id, l.table_name, l.operation, l.record_id, l.old_data, l.new_data, l.changed_by,
            r.rolname AS changed_by_role, l.changed_at::text AS changed_at
       FROM _metadata.metadata_sync_log l
       LEFT JOIN pg_roles r ON r.oid::bigint = l.changed_by
      ${where.length ? `WHERE ${where.join(" AND ")}` : ""}
      ORDER BY l.id DESC LIMIT ${limit + 1}`,
    params,
    db,
  );
  const more = rows.length > limit;
  const entries = more ? rows.slice(0, limit) : rows;
  return { entries, nextBefore: more ? entries[entries.length - 1].id : null };
}

export async function getHistoryEntry(id: number, db?: Queryable): Promise<HistoryEntry | null> {
  return maybeOne<HistoryEntry>(
    `SELECT ${ENTRY_COLUMNS} FROM _metadata.metadata_sync_log l WHERE l.id = $1`,
    [id],
    db,
  );
}

/**
 * Puts a row back as an entry recorded it: "before" (old_data: undo an update, bring back a deleted row)
 * or "after" (new_data). The restore is an ordinary UPDATE or INSERT, so the history trigger logs it in turn.
 * The row must pass the same checks as an edit (row-checks.ts); a restored name is carried to its copies
 * as any rename is (renames.ts, through writeRow).
 */
export async function restoreFromHistory(entryId: number, which: "before" | "after", pool: pg.Pool = getPool()) {
  return tx(async (client) => {
    const entry = await getHistoryEntry(entryId, client);
    if (!entry) throw new FieldError("entry", say("server.historyEntryGone"));
    const restored = await restoreEntry(client, entry, which);
    // The entry this restore just logged: restoring its "before" undoes the restore (an update only; a
    // re-created row has no earlier version).
    const logged =
      restored.action === "updated"
        ? await maybeOne<{ id: number }>(
            "SELECT max(id)::int AS id FROM _metadata.metadata_sync_log WHERE table_name = $1 AND record_id = $2",
            [restored.table, restored.id],
            client,
          )
        : null;
    return { ...restored, undoEntryId: logged?.id ?? null };
  }, pool);
}

/** One entry's version written back, inside the caller's transaction (see restoreFromHistory). */
export async function restoreEntry(client: pg.PoolClient, entry: HistoryEntry, which: "before" | "after") {
  const table = LOGGED_TABLES.find((t) => t === entry.table_name);
  if (!table) throw new FieldError("entry", say("server.notRestorableTable"));
  const data = which === "before" ? entry.old_data : entry.new_data;
  if (!data || !Number.isSafeInteger(data.id) || (data.id as number) < 1) {
    throw new FieldError("entry", which === "before" ? say("server.noEarlierVersion") : say("server.noLaterVersion"));
  }
  const id = data.id as number;
  await currentNames(client, table, data);
  await requireRestorable(client, table, data);
  const columns = expectedCatalog().tables[table].columns;
  const values = (skip: string[]) =>
    Object.fromEntries(
      Object.keys(columns)
        .filter((c) => !skip.includes(c) && Object.hasOwn(data, c))
        // JSONB goes as JSON text (a JSON string value included), everything else as PostgreSQL's text for it.
        .map((c) => [c, columns[c].type === "jsonb" && data[c] !== null ? JSON.stringify(data[c]) : data[c]]),
    );
  const before = await writeRow(table, id, null, values(["id", "created_at", "updated_at"]), client);
  if (!before) await insertRow(table, values(["updated_at"]), client);
  return { table, id, action: before ? ("updated" as const) : ("re-created" as const) };
}

/** Refuses a version an edit would refuse, field by field, and a column or relation whose tables are gone. */
async function requireRestorable(client: pg.PoolClient, table: LoggedTable, data: Record<string, unknown>) {
  const refuse = (problems: string[]) => {
    if (problems.length) throw new FieldError("entry", say("server.versionNotRestorable", { problems: problems.join("; ") }));
  };
  refuse(rowProblems(table, data));
  const problems: string[] = [];
  if (table === "mappings_column") problems.push(...(await pgTypeRowProblems([data], client)).values());
  const missing = async (id: unknown) =>
    !(await maybeOne("SELECT 1 FROM _metadata.mappings_table WHERE id = $1", [Number(id)], client));
  if (table === "mappings_column" && (await missing(data.table_id))) {
    problems.push(say("server.restoreTableGone"));
  }
  if (table === "mappings_relation") {
    if ((await missing(data.from_table_id)) || (await missing(data.to_table_id))) {
      problems.push(say("server.restoreEndGone"));
    } else {
      for (const end of ["from", "to"] as const) {
        const column = await maybeOne(
          "SELECT 1 FROM _metadata.mappings_column WHERE table_id = $1 AND pg_column = $2",
          [Number(data[`${end}_table_id`]), String(data[`${end}_column`])],
          client,
        );
        if (!column) problems.push(say("server.restoreNoColumn", { table: String(data[`${end}_table`]), column: String(data[`${end}_column`]) }));
      }
    }
  }
  refuse(problems);
}

/**
 * A column or relation restored from an old entry keeps the names its tables have now (they may have been
 * renamed since): the denormalized schema/table names are taken from mappings_table by id.
 */
async function currentNames(client: pg.PoolClient, table: LoggedTable, data: Record<string, unknown>) {
  const name = async (id: unknown) =>
    typeof id === "number"
      ? maybeOne<{ schema_name: string; table_name: string }>("SELECT schema_name, table_name FROM _metadata.mappings_table WHERE id = $1", [id], client)
      : null;
  if (table === "mappings_column") {
    const t = await name(data.table_id);
    if (t) Object.assign(data, { schema_name: t.schema_name, table_name: t.table_name });
  } else if (table === "mappings_relation") {
    const [from, to] = [await name(data.from_table_id), await name(data.to_table_id)];
    if (from) Object.assign(data, { from_schema: from.schema_name, from_table: from.table_name });
    if (to) Object.assign(data, { to_schema: to.schema_name, to_table: to.table_name });
  }
}
