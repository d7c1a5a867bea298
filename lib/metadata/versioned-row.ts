import type pg from "pg";
import { uniqueViolation } from "../db/errors";
import { quoteIdent } from "../db/identifiers";
import { autocommit, maybeOne, tx, type Queryable } from "../db/pool";
import { toDbValue, type FieldKind } from "../schemas/fields";
import { ConflictError, FieldError } from "./conflict";
import { carryRename, lockTableOfColumn, mayRename, renames } from "./renames";
import { mark } from "../server-timing";

/**
 * The one way a metadata row is written: insert, update-if-version, delete-if-version. Every editor row carries
 * its `rowVersion` (the concurrency token: updated_at as exact text, or a hash of the row where the table has
 * no updated_at); a write whose token no longer matches throws ConflictError with the row as it is now. A
 * unique violation becomes a FieldError (lib/db/errors.ts names the field), a rename is carried to every copy
 * of the name (renames.ts). The project's own `version` column is its semver, not this token.
 */
export type VersionedTable = "project" | "mappings_table" | "mappings_column" | "mappings_relation" | "mappings_api_endpoint";
type Row = Record<string, unknown>;

const utc = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/**
 * SQL for a row's version, over the alias `r`: the same text whatever the session's TimeZone (two editor
 * instances may differ), compared as text, so a malformed token is simply stale, never a cast error.
 */
export function rowVersionSql(table: VersionedTable): string {
  return table === "mappings_relation" ? `md5((to_jsonb(r) - 'created_at')::text || ${utc("r.created_at")})` : utc("r.updated_at");
}

export interface Entity<R> {
  table: VersionedTable;
  /** The row as the editor shows it: what a conflict carries (null when the row is gone). */
  read: (id: number, db: Queryable) => Promise<R | null>;
  /**
   * `read`'s select list over the alias `r`, when `read` is just that list over the row's own columns: an
   * update then returns the row in the same shape (updateIfVersion), without reading it again.
   */
  columns?: string;
}

/** The fields of `changes` that `kinds` allows (the entity's schema), as query parameters. */
export function dbValues<F extends string>(kinds: Record<F, FieldKind>, changes: Partial<Record<F, string | boolean>>): Row {
  const fields = (Object.keys(changes) as F[]).filter((f) => Object.hasOwn(kinds, f));
  return Object.fromEntries(fields.map((f) => [f, toDbValue(kinds[f], changes[f]!)]));
}

const target = (table: VersionedTable) => `_metadata.${quoteIdent(table)}`;

/** JSON goes as text: pg would send a JS array as a PostgreSQL array literal. */
const param = (value: unknown) =>
  value !== null && typeof value === "object" && !(value instanceof Date) ? JSON.stringify(value) : value;

function refuseDuplicate(error: unknown, row: Row): never {
  const duplicate = uniqueViolation(error, row);
  throw duplicate ? new FieldError(duplicate.field, duplicate.message) : error;
}

/** Inserts a row of allow-listed columns; returns its id. */
export async function insertRow(table: VersionedTable, values: Row, db: Queryable): Promise<number> {
  const columns = Object.keys(values);
  const row = await maybeOne<{ id: number }>(
    `INSERT INTO ${target(table)} (${columns.map(quoteIdent).join(", ")})
     VALUES (${columns.map((_, i) => `$${i + 1}`).join(", ")}) RETURNING id`,
    columns.map((c) => param(values[c])),
    db,
  ).catch((error) => refuseDuplicate(error, values));
  return row!.id;
}

/**
 * Writes `values` (allow-listed columns) into row `id` and carries a rename; `rowVersion` null writes
 * whatever the row holds now (a restore from history). Runs in the caller's transaction; returns the row as
 * it was before, or null when it does not exist (or, with a version, changed since).
 */
export async function writeRow(
  table: VersionedTable,
  id: number,
  rowVersion: string | null,
  values: Row,
  client: pg.ClientBase,
): Promise<Row | null> {
  return (await lockAndWrite(table, id, rowVersion, values, client))?.before ?? null;
}

/**
 * writeRow's work. With `shape` (an entity's select list over the alias `r`), the UPDATE also returns the row
 * in that shape, so an edit needs no separate read afterwards: one database round trip less per cell edit.
 * `shaped` is null when a rename was carried (the caller then reads the row again, after the rename).
 */
async function lockAndWrite(
  table: VersionedTable,
  id: number,
  rowVersion: string | null,
  values: Row,
  client: pg.ClientBase,
  shape?: string,
): Promise<{ before: Row; shaped: Row | null } | null> {
  // The lock order of renames.ts: a column's table before the column, when the column may be renamed.
  if (table === "mappings_column" && "pg_column" in values) await lockTableOfColumn(client, id);
  const before = await maybeOne<Row>(
    `SELECT r.* FROM ${target(table)} r WHERE r.id = $1 ${rowVersion === null ? "" : `AND ${rowVersionSql(table)} = $2`} FOR NO KEY UPDATE`,
    rowVersion === null ? [id] : [id, rowVersion],
    client,
  );
  mark("lock");
  if (!before) return null;
  const columns = Object.keys(values);
  if (columns.length === 0) return { before, shaped: null };
  const update = `UPDATE ${target(table)} SET ${columns.map((c, i) => `${quoteIdent(c)} = $${i + 2}`).join(", ")} WHERE id = $1 RETURNING *`;
  const written = await maybeOne<Row>(
    shape ? `WITH r AS (${update}) SELECT to_jsonb(r) AS "${AFTER}", ${shape} FROM r` : update,
    [id, ...columns.map((c) => param(values[c]))],
    client,
  ).catch((error) => refuseDuplicate(error, { ...before, ...values }));
  mark("update");
  let after = written!;
  let shaped: Row | null = null;
  if (shape) {
    const { [AFTER]: json, ...rest } = written!;
    after = json as Row;
    shaped = rest;
  }
  if (!renames(table, before, after)) return { before, shaped };
  await carryRename(client, table, before, after);
  mark("rename");
  return { before, shaped: null };
}

// The updated row as JSON beside its shaped columns (for renames.ts, which reads its names).
const AFTER = "__after";

/** writeRow guarded by the version the editor loaded; returns the row as it is now. In a transaction. */
export async function updateIfVersion<R>(
  entity: Entity<R>,
  id: number,
  rowVersion: string,
  values: Row,
  client: pg.ClientBase,
): Promise<R> {
  if (Object.keys(values).length === 0) throw new Error("Nothing to change");
  const written = await lockAndWrite(entity.table, id, rowVersion, values, client, entity.columns);
  if (!written) throw new ConflictError(await entity.read(id, client));
  if (written.shaped) return written.shaped as R;
  const row = (await entity.read(id, client))!;
  mark("read");
  return row;
}

/**
 * An edit of one row on its own (a grid cell, a detail form): updateIfVersion in its own transaction. When the
 * change renames nothing and the entity's read is a plain select list, the whole edit is ONE statement, the
 * UPDATE with the version in its WHERE, in the implicit transaction PostgreSQL gives a lone statement: one round
 * trip instead of four (BEGIN, the version-checked lock, the UPDATE, COMMIT). It is just as safe: the UPDATE locks
 * the row, and when another transaction changed it meanwhile PostgreSQL waits for that one and evaluates the
 * WHERE again on the row as it left it (READ COMMITTED), so a changed version writes nothing and is a conflict;
 * the history trigger runs inside the statement. A unique violation is said about the row's other values
 * (errors.ts), which only the transaction reads: that edit (which wrote nothing) is made again there.
 */
export async function saveIfVersion<R>(entity: Entity<R>, id: number, rowVersion: string, values: Row, pool?: pg.Pool): Promise<R> {
  const columns = Object.keys(values);
  const inTransaction = () => tx((client) => updateIfVersion(entity, id, rowVersion, values, client), pool);
  if (!entity.columns || columns.length === 0 || mayRename(entity.table, columns)) return inTransaction();
  const shape = entity.columns;
  try {
    return await autocommit(async (client) => {
      const written = await maybeOne<Row>(
        `WITH r AS (UPDATE ${target(entity.table)} r SET ${columns.map((c, i) => `${quoteIdent(c)} = $${i + 3}`).join(", ")}
                     WHERE r.id = $1 AND ${rowVersionSql(entity.table)} = $2 RETURNING r.*)
         SELECT ${shape} FROM r`,
        [id, rowVersion, ...columns.map((c) => param(values[c]))],
        client,
      );
      mark("update");
      if (!written) throw new ConflictError(await entity.read(id, client));
      return written as R;
    }, pool);
  } catch (error) {
    if ((error as { code?: string } | null)?.code === "23505") return inTransaction();
    throw error;
  }
}

/** Deletes row `id` if its version still matches; returns the deleted row. */
export async function deleteIfVersion<R>(entity: Entity<R>, id: number, rowVersion: string, db: Queryable): Promise<Row> {
  const deleted = await maybeOne<Row>(
    `DELETE FROM ${target(entity.table)} r WHERE r.id = $1 AND ${rowVersionSql(entity.table)} = $2 RETURNING r.*`,
    [id, rowVersion],
    db,
  );
  if (!deleted) throw new ConflictError(await entity.read(id, db));
  return deleted;
}
