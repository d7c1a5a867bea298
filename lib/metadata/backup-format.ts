import { z } from "zod";
import type { Catalog } from "./catalog";
import { expectedCatalog } from "./check";
import { say } from "../i18n/messages";

/**
 * The backup document: every row of every `_metadata` table, as PostgreSQL's row_to_json gives it, plus the
 * id sequences. Parsing is strict (every column, no unknown ones, values of the column's type), so a file
 * that would restore anything other than exactly what it says is refused before the database is touched.
 */
export const BACKUP_FORMAT = "metadata-editor-backup";
export const BACKUP_VERSION = 1;

/** In the document's order (the spec's). */
export const BACKUP_TABLES = [
  "project",
  "mappings_table",
  "mappings_column",
  "mappings_relation",
  "mappings_api_endpoint",
  "metadata_sync_log",
  "diagram_layout",
] as const;
export type BackupTable = (typeof BACKUP_TABLES)[number];

/** Added after format version 1 shipped: a backup without them restores with none (old files stay valid). */
const OPTIONAL_TABLES: readonly BackupTable[] = ["diagram_layout"];
const rowsOf = (tables: Record<string, unknown>, t: BackupTable) =>
  tables[t] === undefined && OPTIONAL_TABLES.includes(t) ? [] : tables[t];

export type BackupRow = Record<string, unknown> & { id: number };

export interface BackupDocument {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  exportedAt: string;
  source: { database: string; serverVersion: string };
  tables: Record<BackupTable, BackupRow[]>;
  /** The last value each table's id sequence handed out (null: never used). */
  sequences: Record<BackupTable, number | null>;
}

export type ParseResult = { ok: true; doc: BackupDocument } | { ok: false; reason: string; problems: string[] };

const MAX_PROBLEMS = 20;

const envelopeSchema = z.object({
  exportedAt: z.string({ error: "exportedAt must be a date-time text" }),
  source: z.object(
    { database: z.string(), serverVersion: z.string() },
    { error: "source must name the database and server version" },
  ),
  tables: z.record(z.string(), z.unknown(), { error: "tables must be an object with one list of rows per table" }),
  sequences: z.record(z.string(), z.unknown(), { error: "sequences must be an object with one value per table" }),
});

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const refuse = (reason: string, problems: string[] = []): ParseResult => ({ ok: false, reason, problems });

/** Checks one value against a column type as the catalog spells it; returns what is wrong, or null. */
export function typeProblem(type: string, value: unknown, catalog: Catalog): string | null {
  if (value === null || type === "jsonb") return null;
  if (type === "bigint" || type === "integer") {
    const limit = type === "integer" ? 2 ** 31 : Number.MAX_SAFE_INTEGER;
    return Number.isInteger(value) && Math.abs(value as number) <= limit ? null : say("backup.wholeNumber", { type });
  }
  if (type === "boolean") return typeof value === "boolean" ? null : say("backup.bool");
  if (typeof value !== "string") return say("backup.text", { type });
  const length = type.match(/^character varying\((\d+)\)$/);
  if (length && value.length > Number(length[1]) && [...value].length > Number(length[1])) {
    return say("backup.longer", { max: length[1] });
  }
  const enumName = type.match(/^_metadata\.(\w+)$/)?.[1];
  const labels = enumName ? catalog.enums[enumName] : undefined;
  if (labels && !labels.includes(value)) return say("backup.oneOf", { labels: labels.join(", ") });
  return null;
}

function checkRows(table: BackupTable, rows: unknown[], catalog: Catalog, problems: string[]) {
  const columns = catalog.tables[table].columns;
  const names = Object.keys(columns);
  const seen = new Set<number>();
  rows.forEach((row, index) => {
    // Said only for a row at fault: a backup may hold a hundred thousand rows.
    const where = () => say("backup.rowWhere", { table, index: String(index + 1) });
    if (!isObject(row)) {
      problems.push(say("backup.notObject", { where: where() }));
      return;
    }
    const at = () => (Number.isSafeInteger(row.id) ? say("backup.rowWithId", { where: where(), id: String(row.id) }) : where());
    const missing = names.filter((n) => !Object.hasOwn(row, n));
    const unknown = Object.keys(row).filter((n) => !Object.hasOwn(columns, n));
    if (missing.length) problems.push(say("backup.missingColumns", { at: at(), names: missing.join(", ") }));
    if (unknown.length) problems.push(say("backup.unknownColumns", { at: at(), names: unknown.join(", ") }));
    if (!Number.isSafeInteger(row.id) || (row.id as number) < 1) {
      problems.push(say("backup.badId", { where: where() }));
    } else if (seen.has(row.id as number)) {
      problems.push(say("backup.duplicateId", { table, id: String(row.id) }));
    } else {
      seen.add(row.id as number);
    }
    for (const name of names) {
      if (!Object.hasOwn(row, name) || name === "id") continue;
      const column = columns[name];
      const value = row[name];
      if (value === null && column.notNull) problems.push(say("backup.notNull", { at: at(), name }));
      const problem = typeProblem(column.type, value, catalog);
      if (problem) problems.push(say("backup.valueProblem", { at: at(), name, problem }));
    }
  });
}

/** Reads a backup file's text: the document, or why it is refused (problems name tables, rows and columns). */
export function parseBackup(text: string, catalog: Catalog = expectedCatalog()): ParseResult {
  if (text.trim() === "") return refuse(say("server.backupEmpty"));
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return refuse(say("server.backupNotJson", { detail: (error as Error).message }));
  }
  if (!isObject(data) || data.format !== BACKUP_FORMAT) {
    return refuse(say("server.backupNotOurs", { format: BACKUP_FORMAT }));
  }
  if (!Number.isInteger(data.version) || (data.version as number) < 1) {
    return refuse(say("server.backupNoVersion"));
  }
  if ((data.version as number) > BACKUP_VERSION) {
    return refuse(say("server.backupNewer", { version: String(data.version), supported: BACKUP_VERSION }));
  }
  const envelope = envelopeSchema.safeParse(data);
  if (!envelope.success) {
    const problems = envelope.error.issues.map((i) => `${i.path.join(".") || say("backup.document")}: ${i.message}`);
    return refuse(say("server.backupHeader"), problems);
  }
  const { tables, sequences } = envelope.data;

  const absent = BACKUP_TABLES.filter((t) => !Array.isArray(rowsOf(tables, t)));
  const foreign = Object.keys(tables).filter((t) => !(BACKUP_TABLES as readonly string[]).includes(t));
  if (absent.length || foreign.length) {
    const parts = [
      absent.length ? say("server.backupMissingTables", { count: absent.length, names: absent.join(", ") }) : "",
      foreign.length ? say("server.backupUnknownTables", { count: foreign.length, names: foreign.join(", ") }) : "",
    ].filter(Boolean);
    return refuse(say("server.backupIncomplete", { parts: parts.join("; ") }));
  }

  const problems: string[] = [];
  for (const table of BACKUP_TABLES) checkRows(table, rowsOf(tables, table) as unknown[], catalog, problems);
  for (const table of BACKUP_TABLES) {
    const value = sequences[table];
    if (value === undefined && OPTIONAL_TABLES.includes(table)) continue;
    if (value !== null && !(Number.isSafeInteger(value) && (value as number) >= 1)) {
      problems.push(say("backup.sequence", { table }));
    }
  }
  const extraSequences = Object.keys(sequences).filter((t) => !(BACKUP_TABLES as readonly string[]).includes(t));
  if (extraSequences.length) problems.push(say("backup.extraSequences", { names: extraSequences.join(", ") }));
  if (problems.length) {
    const shown = problems.slice(0, MAX_PROBLEMS);
    if (problems.length > MAX_PROBLEMS) shown.push(say("server.andMore", { count: problems.length - MAX_PROBLEMS }));
    return refuse(say("server.backupRowsDontFit", { count: problems.length }), shown);
  }
  return {
    ok: true,
    doc: {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      exportedAt: envelope.data.exportedAt,
      source: envelope.data.source,
      tables: Object.fromEntries(BACKUP_TABLES.map((t) => [t, rowsOf(tables, t)])) as BackupDocument["tables"],
      sequences: Object.fromEntries(
        BACKUP_TABLES.map((t) => [t, (sequences[t] as number | null | undefined) ?? null]),
      ) as BackupDocument["sequences"],
    },
  };
}

/**
 * The file's text: the header and each row on a line of its own, so two backups diff line by line. The same
 * rows give the same bytes (row_to_json's column order, PostgreSQL's own text for every value).
 */
export function serializeBackup(doc: BackupDocument): string {
  const head = [
    `  "format": ${JSON.stringify(doc.format)}`,
    `  "version": ${doc.version}`,
    `  "exportedAt": ${JSON.stringify(doc.exportedAt)}`,
    `  "source": ${JSON.stringify(doc.source)}`,
  ];
  const tables = BACKUP_TABLES.map((t) => {
    const rows = doc.tables[t];
    return rows.length === 0
      ? `    "${t}": []`
      : `    "${t}": [\n${rows.map((r) => `      ${JSON.stringify(r)}`).join(",\n")}\n    ]`;
  });
  return `{\n${head.join(",\n")},\n  "tables": {\n${tables.join(",\n")}\n  },\n  "sequences": ${JSON.stringify(doc.sequences)}\n}\n`;
}

/** JSON with object keys sorted at every depth: equal for equal content, whatever order the keys came in. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (isObject(value)) {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k])}`)
      .join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}
