import { describeConnection, type ConnectionDisplay } from "./config";
import { DatabaseBusyError } from "./busy";
import { NotConfiguredError } from "./pool";

/** A failure translated for a person: what happened, and on which field if one is to blame. */
export interface UserError {
  message: string;
  field?: string;
  code?: string;
}

interface PgLikeError {
  code?: string;
  message?: string;
  detail?: string;
  constraint?: string;
  column?: string;
  errno?: number;
  hostname?: string;
}

const CONNECTION_CODES = new Set(["ECONNREFUSED", "ENOTFOUND", "EHOSTUNREACH", "ETIMEDOUT", "ECONNRESET", "EAI_AGAIN"]);

/** Maps a thrown error to a sentence. Unknown errors are logged here, and reach the user without internals. */
export function toUserError(error: unknown, connection?: ConnectionDisplay, fields: Record<string, string> = {}): UserError {
  if (error instanceof NotConfiguredError) return { message: error.message, code: "not_configured" };
  if (error instanceof DatabaseBusyError) return { message: error.message, code: "busy" };
  const e = (error ?? {}) as PgLikeError;
  const where = connection ? ` (${describeConnection(connection)})` : "";
  if (e.code && CONNECTION_CODES.has(e.code)) {
    return { code: "unreachable", message: `The database is unreachable${where}: ${e.code === "ENOTFOUND" ? "host not found" : "connection refused or timed out"}. Check that the server runs and the host and port are right.` };
  }
  // pg-pool's words for "every connection is in use and none came free in time": busy, not unreachable.
  if (e.message === "timeout exceeded when trying to connect") {
    return { code: "busy", message: "The database is busy: all of this editor's connections are in use; nothing was changed. Try again in a moment." };
  }
  if (e.message && /Connection terminated/i.test(e.message)) {
    return { code: "unreachable", message: `The database is unreachable${where}: the connection timed out or was closed.` };
  }
  switch (e.code) {
    case "28P01":
    case "28000":
      return { code: "auth", message: `The database refused the login${where}: wrong user name or password.` };
    case "3D000":
      return { code: "no_database", message: `The database does not exist${where}. Create it first (createdb) or correct DB_NAME.` };
    case "42501":
      logDetail(error);
      return { code: "privilege", message: "Permission denied: the database user lacks a privilege this needs (the server log names it); ask the database's owner to grant it." };
    case "23505": {
      const field = fieldFor(e, fields);
      if (!field) logDetail(error);
      return { code: "duplicate", field, message: field ? "This value is already taken; choose another." : "A value that must be unique is already taken." };
    }
    case "23503":
      logDetail(error);
      return { code: "foreign_key", message: "This refers to a row that does not exist, or the row is still referenced." };
    case "23502":
      return { code: "not_null", field: e.column ? fields[e.column] ?? e.column : undefined, message: `A required value is missing${e.column ? ` (${e.column})` : ""}.` };
    case "23514":
      return { code: "check", message: `A check constraint refused the value${e.constraint ? ` (${e.constraint})` : ""}.` };
    case "22P02":
    case "22007":
    case "22008":
    case "22003":
    case "22001":
    case "22021":
    case "22P05":
      logDetail(error);
      return { code: "invalid_value", field: e.column, message: INVALID_VALUE[e.code] };
    case "42P01":
    case "42704":
    case "3F000":
      logDetail(error);
      return { code: "missing_object", message: "The _metadata schema is missing or incomplete. Run the setup again." };
    case "40001":
    case "40P01":
      return { code: "retry", message: "The database aborted this change because of a concurrent one; try again." };
    case "55P03":
      return { code: "busy", message: "The database is busy: a lock is held by another session; nothing was changed. Try again when it is released." };
    case "57014":
      return { code: "busy", message: "The database is busy: the request took longer than the statement timeout and was cancelled; nothing was changed." };
    case "57P01":
    case "57P03":
      return { code: "unreachable", message: `The database is shutting down or starting up${where}; try again in a moment.` };
  }
  console.error("[db] unexpected error:", error);
  return { code: "unknown", message: "Something went wrong on the server; the change was not saved. Details are in the server log." };
}

type Values = Record<string, unknown>;

/**
 * Each unique constraint of the _metadata tables: the form field a duplicate is blamed on, and the sentence,
 * from the values of the row that was refused. Every writer maps 23505 through here (uniqueViolation).
 */
const UNIQUE_CONSTRAINTS: Record<string, { field: string; message: (row: Values) => string }> = {
  mappings_table_schema_name_table_name_key: {
    field: "table_name",
    message: (r) => `A table ${r.schema_name}.${r.table_name} already exists.`,
  },
  mappings_column_schema_name_table_name_pg_column_key: {
    field: "pg_column",
    message: (r) => `Table ${r.table_name} already has a column "${r.pg_column}".`,
  },
  mappings_relation_from_schema_from_table_from_column_to_sch_key: {
    field: "from_column",
    message: () => "This relation (same columns at both ends) already exists.",
  },
  mappings_api_endpoint_endpoint_name_key: {
    field: "endpoint_name",
    message: (r) => `An endpoint named ${r.endpoint_name} already exists.`,
  },
};

/** A unique violation (23505) of a known constraint, said about `row`'s values; null for any other error. */
export function uniqueViolation(error: unknown, row: Values): { field: string; message: string } | null {
  const e = (error ?? {}) as PgLikeError;
  const known = e.code === "23505" && e.constraint ? UNIQUE_CONSTRAINTS[e.constraint] : undefined;
  return known ? { field: known.field, message: known.message(row) } : null;
}

/**
 * PostgreSQL's own message text names internals (columns, values, SQL) and never reaches the client: the
 * user gets a sentence of ours, the server log the original.
 */
function logDetail(error: unknown) {
  const e = error as PgLikeError;
  console.error(`[db] ${e.code ?? "error"}: ${e.message ?? String(error)}${e.detail ? ` (${e.detail})` : ""}`);
}

const INVALID_VALUE: Record<string, string> = {
  "22P02": "A value is not in the form the database expects.",
  "22007": "A date or time is not in a form the database reads.",
  "22008": "A date or time is out of range.",
  "22003": "A number is out of range.",
  "22001": "A value is too long for its column.",
  "22021": "A value holds a character the database cannot store.",
  "22P05": "A value holds a character the database cannot store (such as \\u0000).",
};

function fieldFor(e: PgLikeError, fields: Record<string, string>): string | undefined {
  if (e.constraint && UNIQUE_CONSTRAINTS[e.constraint]) return UNIQUE_CONSTRAINTS[e.constraint].field;
  if (e.constraint && fields[e.constraint]) return fields[e.constraint];
  const match = e.detail?.match(/^Key \(([^)]+)\)/);
  if (match) {
    const columns = match[1].split(",").map((c) => c.trim());
    for (const c of columns.reverse()) if (fields[c]) return fields[c];
  }
  return undefined;
}
