import type { Queryable } from "../db/pool";
import { BACKUP_TABLES, type BackupDocument, type BackupRow, type BackupTable } from "./backup-format";
import { rowLabel } from "./backup-preview";
import { pgTypeRowProblems, rowProblems } from "./row-checks";
import { say } from "../i18n/messages";

/** At most this many refused rows are listed (then "… and N more"). */
const MAX_LISTED = 200;

/**
 * Every row of a backup as an edit would see it: the entity's schema (row-checks.ts), the PostgreSQL types
 * asked of the server, and the names a row copies from another row of the backup (a column's table, a
 * relation's tables and columns). One line per refused row: table, id, label, and each reason.
 */
export async function backupProblems(
  doc: BackupDocument,
  client: Queryable,
): Promise<{ refused: number; listed: string[] }> {
  const reasons = new Map<BackupRow, string[]>();
  const refuse = (row: BackupRow, problems: string[]) => {
    if (problems.length) reasons.set(row, [...(reasons.get(row) ?? []), ...problems]);
  };
  for (const table of BACKUP_TABLES) for (const row of doc.tables[table]) refuse(row, rowProblems(table, row));
  // Only types the schema let through reach the server.
  const wellFormed = doc.tables.mappings_column.filter((c) => !reasons.has(c));
  for (const [row, problem] of await pgTypeRowProblems(wellFormed, client)) {
    refuse(row as BackupRow, [problem]);
  }

  const tables = new Map(doc.tables.mappings_table.map((t) => [t.id, t]));
  const columnNames = new Map<number, Set<unknown>>();
  for (const c of doc.tables.mappings_column) {
    const id = Number(c.table_id);
    if (!columnNames.has(id)) columnNames.set(id, new Set());
    columnNames.get(id)!.add(c.pg_column);
  }
  /** The problem with a copy of table `id`'s names (schema, table) and, if given, of one of its columns. */
  const copyProblem = (end: string, id: unknown, schema: unknown, name: unknown, column?: unknown) => {
    const table = tables.get(Number(id));
    if (!table) return say("backup.noTableRow", { end, id: String(id) });
    if (table.schema_name !== schema || table.table_name !== name) {
      const says = `${String(schema)}.${String(name)}`;
      return say("backup.tableNameMismatch", { end, says, id: String(table.id), actual: `${table.schema_name}.${table.table_name}` });
    }
    if (column !== undefined && !columnNames.get(table.id)?.has(column)) {
      return say("backup.noColumn", { end, table: String(table.table_name), column: String(column) });
    }
    return null;
  };
  for (const c of doc.tables.mappings_column) {
    const problem = copyProblem("", c.table_id, c.schema_name, c.table_name);
    if (problem) refuse(c, [problem]);
  }
  for (const r of doc.tables.mappings_relation) {
    const problems = [
      copyProblem("from_", r.from_table_id, r.from_schema, r.from_table, r.from_column),
      copyProblem("to_", r.to_table_id, r.to_schema, r.to_table, r.to_column),
    ];
    refuse(r, problems.filter((p): p is string => p !== null));
  }

  const lines: string[] = [];
  for (const table of BACKUP_TABLES) {
    for (const row of doc.tables[table]) {
      const found = reasons.get(row);
      if (found) lines.push(`${table} #${row.id} ${label(table, row)}: ${found.join("; ")}`);
    }
  }
  const listed = lines.slice(0, MAX_LISTED);
  if (lines.length > MAX_LISTED) listed.push(say("server.andMore", { count: lines.length - MAX_LISTED }));
  return { refused: lines.length, listed };
}

/** The row's label, kept short: a hostile name may be very long. */
function label(table: BackupTable, row: BackupRow) {
  const text = rowLabel(table, row);
  return text.length > 120 ? `${text.slice(0, 120)}…` : text;
}
