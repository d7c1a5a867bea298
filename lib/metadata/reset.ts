import type pg from "pg";
import { quoteIdent } from "../db/identifiers";
import { inTransaction } from "../db/transaction";
import { METADATA_SCHEMA } from "./catalog";
import { say } from "../i18n/messages";

/** What a reset would drop: the schema's tables with their row counts, its types and functions. */
export interface ResetScope {
  exists: boolean;
  projectId: string | null;
  tables: { name: string; rows: number }[];
  types: string[];
  functions: string[];
}

export class ResetRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ResetRefusedError";
  }
}

export async function describeReset(db: pg.Pool | pg.ClientBase): Promise<ResetScope> {
  return inTransaction(db, async (client) => {
    await client.query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
    const names = async (sql: string) =>
      (await client.query<{ name: string }>(sql, [METADATA_SCHEMA])).rows.map((r) => r.name);
    const tableNames = await names(
      `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') ORDER BY c.relname`,
    );
    const types = await names(
      "SELECT t.typname AS name FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = $1 AND t.typtype = 'e' ORDER BY 1",
    );
    const functions = await names(
      "SELECT p.proname AS name FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = $1 ORDER BY 1",
    );
    const exists =
      (await client.query("SELECT 1 FROM pg_namespace WHERE nspname = $1", [METADATA_SCHEMA])).rowCount === 1;
    const tables = [];
    for (const name of tableNames) {
      const { rows } = await client.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM ${quoteIdent(METADATA_SCHEMA)}.${quoteIdent(name)}`,
      );
      tables.push({ name, rows: rows[0].n });
    }
    const project = tableNames.includes("project")
      ? await client.query<{ project_id: string }>(`SELECT project_id FROM ${METADATA_SCHEMA}.project WHERE id = 1`)
      : null;
    return { exists, projectId: project?.rows[0]?.project_id ?? null, tables, types, functions };
  });
}

/**
 * The spec's appendix C: drops the whole `_metadata` schema (tables, types, functions, triggers); the
 * extensions stay. With `confirmProjectId`, only if that is the project row's project_id (read under a
 * lock, in the transaction that drops).
 */
export async function resetMetadata(
  db: pg.Pool | pg.ClientBase,
  options: { confirmProjectId?: string } = {},
): Promise<void> {
  await inTransaction(db, async (client) => {
    if (options.confirmProjectId !== undefined) {
      const { rows } = await client.query<{ project_id: string }>(
        `SELECT project_id FROM ${METADATA_SCHEMA}.project WHERE id = 1 FOR UPDATE`,
      );
      if (rows.length === 0)
        throw new ResetRefusedError(say("server.resetNoProject"));
      if (rows[0].project_id !== options.confirmProjectId) {
        // The refusal must not tell a caller who cannot read the page which id would be accepted.
        throw new ResetRefusedError(say("server.resetWrongId"));
      }
    }
    await client.query(`DROP SCHEMA IF EXISTS ${METADATA_SCHEMA} CASCADE`);
  });
}
