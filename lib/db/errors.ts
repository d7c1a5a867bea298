import { describeConnection, type ConnectionDisplay } from "./config";
import { DatabaseBusyError } from "./busy";
import { NotConfiguredError } from "./pool";
import { say } from "../i18n/messages";

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
    return { code: "unreachable", message: say("errors.unreachable", { where, reason: e.code === "ENOTFOUND" ? "notfound" : "refused" }) };
  }
  // pg-pool's words for "every connection is in use and none came free in time": busy, not unreachable.
  if (e.message === "timeout exceeded when trying to connect") {
    return { code: "busy", message: say("errors.poolBusy") };
  }
  if (e.message && /Connection terminated/i.test(e.message)) {
    return { code: "unreachable", message: say("errors.terminated", { where }) };
  }
  switch (e.code) {
    case "28P01":
    case "28000":
      return { code: "auth", message: say("errors.auth", { where }) };
    case "3D000":
      return { code: "no_database", message: say("errors.noDatabase", { where }) };
    case "42501":
      logDetail(error);
      return { code: "privilege", message: say("errors.privilege") };
    case "23505": {
      const field = fieldFor(e, fields);
      if (!field) logDetail(error);
      return { code: "duplicate", field, message: field ? say("errors.duplicateField") : say("errors.duplicate") };
    }
    case "23503":
      logDetail(error);
      return { code: "foreign_key", message: say("errors.foreignKey") };
    case "23502":
      return { code: "not_null", field: e.column ? fields[e.column] ?? e.column : undefined, message: say("errors.notNull", { column: e.column || "none" }) };
    case "23514":
      return { code: "check", message: say("errors.check", { constraint: e.constraint || "none" }) };
    case "22P02":
    case "22007":
    case "22008":
    case "22003":
    case "22001":
    case "22021":
    case "22P05":
      logDetail(error);
      return { code: "invalid_value", field: e.column, message: say(`errors.invalid.${e.code}`) };
    case "42P01":
    case "42704":
    case "3F000":
      logDetail(error);
      return { code: "missing_object", message: say("errors.missingObject") };
    case "40001":
    case "40P01":
      return { code: "retry", message: say("errors.retry") };
    case "55P03":
      return { code: "busy", message: say("errors.lockBusy") };
    case "57014":
      return { code: "busy", message: say("errors.timeoutBusy") };
    case "57P01":
    case "57P03":
      return { code: "unreachable", message: say("errors.restarting", { where }) };
  }
  console.error("[db] unexpected error:", error);
  return { code: "unknown", message: say("errors.unknown") };
}

type Values = Record<string, unknown>;

/**
 * Each unique constraint of the _metadata tables: the form field a duplicate is blamed on, and the sentence,
 * from the values of the row that was refused. Every writer maps 23505 through here (uniqueViolation).
 */
const UNIQUE_CONSTRAINTS: Record<string, { field: string; message: (row: Values) => string }> = {
  mappings_table_schema_name_table_name_key: {
    field: "table_name",
    message: (r) => say("errors.tableExists", { schema: String(r.schema_name), table: String(r.table_name) }),
  },
  mappings_column_schema_name_table_name_pg_column_key: {
    field: "pg_column",
    message: (r) => say("errors.columnExists", { table: String(r.table_name), column: String(r.pg_column) }),
  },
  mappings_relation_from_schema_from_table_from_column_to_sch_key: {
    field: "from_column",
    message: () => say("errors.relationExists"),
  },
  mappings_api_endpoint_endpoint_name_key: {
    field: "endpoint_name",
    message: (r) => say("errors.endpointExists", { name: String(r.endpoint_name) }),
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
