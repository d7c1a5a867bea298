import { getPool, type Queryable } from "../db/pool";
import { say } from "../i18n/messages";
import { enumTypeParts } from "../sync/probe";

/**
 * PostgreSQL types checked by the server (to_regtype), for edits and restores alike. Not a server-only
 * module: the CLI's restore runs it too.
 */
const SERIALS: Record<string, string> = { SMALLSERIAL: "smallint", SERIAL2: "smallint", SERIAL: "integer", SERIAL4: "integer", BIGSERIAL: "bigint", SERIAL8: "bigint" };

const unknownType = (pgType: string) => say("server.typeUnknown", { type: pgType });
const regtypeInput = (pgType: string) => SERIALS[pgType.trim().toUpperCase()] ?? pgType.trim();

/**
 * Whether a column's enum options define its type: the change plan creates an enum type the server does not
 * know yet from them (CREATE TYPE … AS ENUM, lib/sync/probe.ts), so a name such as `mood` or `shop."Role"` with
 * options is a type to be, not a typo. This is what lets metadata restored into a new database, or an enum
 * designed in the editor, reach the plan. Options as a row holds them (a JSON array) or a form sends them (text).
 */
export function enumOptionsDefine(pgType: string, enumOptions: unknown): boolean {
  let options = enumOptions;
  if (typeof options === "string") {
    if (options.trim() === "") return false;
    try {
      options = JSON.parse(options);
    } catch {
      return false;
    }
  }
  return Array.isArray(options) && options.length > 0 && enumTypeParts(pgType.trim()) !== null;
}

/**
 * Asks the server whether it knows the type (serial pseudo-types allowed). null when it does. The callers that
 * hold a column's enum options then ask enumOptionsDefine (a type the plan will create).
 */
export async function pgTypeProblem(pgType: string, db: Queryable = getPool()): Promise<string | null> {
  const trimmed = pgType.trim();
  if (trimmed === "") return null;
  const normalized = regtypeInput(trimmed);
  try {
    const { rows } = await db.query<{ t: string | null }>("SELECT to_regtype($1)::text AS t", [normalized]);
    if (rows[0].t) return null;
  } catch {
    // PostgreSQL 15 raises on some malformed names where 16+ returns NULL: both mean "not a type".
  }
  return unknownType(pgType);
}

/**
 * pgTypeProblem for many types, inside the caller's transaction: each check has its own savepoint, since
 * PostgreSQL 15 raises on some malformed names and that would abort the transaction. Type → problem.
 */
export async function pgTypeProblems(pgTypes: Iterable<string>, client: Queryable): Promise<Map<string, string>> {
  const problems = new Map<string, string>();
  for (const pgType of new Set(pgTypes)) {
    if (pgType.trim() === "") continue;
    await client.query("SAVEPOINT pg_type_check");
    try {
      const { rows } = await client.query<{ t: string | null }>("SELECT to_regtype($1)::text AS t", [regtypeInput(pgType)]);
      await client.query("RELEASE SAVEPOINT pg_type_check");
      if (!rows[0].t) problems.set(pgType, unknownType(pgType));
    } catch {
      await client.query("ROLLBACK TO SAVEPOINT pg_type_check");
      problems.set(pgType, unknownType(pgType));
    }
  }
  return problems;
}
