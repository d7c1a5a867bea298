import { createHash } from "node:crypto";
import type pg from "pg";
import { quoteIdent } from "../db/identifiers";
import { inTransaction } from "../db/transaction";
import {
  BACKUP_FORMAT,
  BACKUP_TABLES,
  BACKUP_VERSION,
  type BackupDocument,
  type BackupRow,
  type BackupTable,
} from "./backup-format";
import { backupProblems } from "./backup-checks";
import { compareTable, type RestorePreview } from "./backup-preview";
import { readCatalog } from "./catalog";
import { compareCatalog } from "./check";
import { say } from "../i18n/messages";

export * from "./backup-format";
export * from "./backup-preview";

/** A backup or restore the user must hear "no" about: the reason, and the details (rows, tables) if any. */
export class BackupRefusedError extends Error {
  constructor(
    message: string,
    readonly problems: string[] = [],
  ) {
    super(message);
    this.name = "BackupRefusedError";
  }
}

/** Parents before children (the foreign keys); deletion runs the other way round. */
const INSERT_ORDER: BackupTable[] = [
  "project",
  "mappings_table",
  "diagram_layout",
  "mappings_api_endpoint",
  "mappings_column",
  "mappings_relation",
  "metadata_sync_log",
];
const INSERT_CHUNK = 1000;

type Db = pg.Pool | pg.ClientBase;
const qualified = (table: BackupTable) => `_metadata.${quoteIdent(table)}`;

type LiveData = Pick<BackupDocument, "tables" | "sequences">;

/**
 * Every row as row_to_json gives it (column order, PostgreSQL's text for each value), in UTC so the
 * timestamps' text does not depend on the session's TimeZone. Runs inside the caller's transaction.
 */
async function readLive(client: pg.ClientBase): Promise<LiveData> {
  await client.query("SET LOCAL TimeZone = 'UTC'");
  const tables = {} as LiveData["tables"];
  const sequences = {} as LiveData["sequences"];
  for (const table of BACKUP_TABLES) {
    const { rows } = await client.query<{ row: string }>(
      `SELECT row_to_json(t)::text AS row FROM ${qualified(table)} t ORDER BY t.id`,
    );
    tables[table] = rows.map((r) => JSON.parse(r.row) as BackupRow);
    const seq = await client.query<{ value: number | null }>(
      "SELECT pg_sequence_last_value(pg_get_serial_sequence($1, 'id')::regclass) AS value",
      [`_metadata.${table}`],
    );
    sequences[table] = seq.rows[0].value;
  }
  return { tables, sequences };
}

const digestOf = (tables: LiveData["tables"]) => createHash("sha256").update(JSON.stringify(tables)).digest("hex");

async function requireTables(client: pg.ClientBase) {
  const { rows } = await client.query<{ name: string }>(
    "SELECT name FROM unnest($1::text[]) AS name WHERE to_regclass('_metadata.' || quote_ident(name)) IS NULL",
    [[...BACKUP_TABLES]],
  );
  if (rows.length) {
    throw new BackupRefusedError(say("server.backupNoSchema", { tables: rows.map((r) => r.name).join(", ") }));
  }
}

async function requireCompleteSchema(client: pg.ClientBase) {
  const summary = compareCatalog(await readCatalog(client));
  if (!summary.complete) {
    throw new BackupRefusedError(
      summary.empty
        ? say("server.backupSchemaMissing")
        : say("server.backupSchemaIncomplete", { missing: summary.missing, different: summary.different }),
    );
  }
}

/**
 * Refuses a backup any of whose rows an edit would refuse (defect: restores used to write whatever the file
 * said, names included that later reach generated SQL). Lists each refused row with its reasons.
 */
async function requireValidRows(client: pg.ClientBase, doc: BackupDocument) {
  const { refused, listed } = await backupProblems(doc, client);
  if (refused === 0) return;
  throw new BackupRefusedError(say("server.backupRowsRefused", { count: refused }), listed);
}

/** One consistent snapshot of every `_metadata` row, as the versioned backup document. */
export async function exportMetadata(db: Db): Promise<BackupDocument> {
  return inTransaction(db, async (client) => {
    await client.query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
    await requireTables(client);
    const { rows } = await client.query<{ database: string; version: string }>(
      "SELECT current_database() AS database, current_setting('server_version') AS version",
    );
    const live = await readLive(client);
    return {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      exportedAt: new Date().toISOString(),
      source: { database: rows[0].database, serverVersion: rows[0].version.split(" ")[0] },
      ...live,
    };
  });
}

/** What restoring `doc` would do, table by table; changes nothing. */
export async function previewRestore(db: Db, doc: BackupDocument): Promise<RestorePreview> {
  return inTransaction(db, async (client) => {
    await client.query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
    await requireCompleteSchema(client);
    await requireValidRows(client, doc);
    const live = await readLive(client);
    const tables = BACKUP_TABLES.map((t) => compareTable(t, live.tables[t], doc.tables[t]));
    const sum = (k: "added" | "changed" | "removed" | "unchanged") => tables.reduce((n, t) => n + t[k], 0);
    return {
      tables,
      totals: { added: sum("added"), changed: sum("changed"), removed: sum("removed"), unchanged: sum("unchanged") },
      backup: {
        exportedAt: doc.exportedAt,
        source: doc.source,
        rows: BACKUP_TABLES.reduce((n, t) => n + doc.tables[t].length, 0),
      },
      digest: digestOf(live.tables),
    };
  });
}

interface PgError {
  code?: string;
  message?: string;
  detail?: string;
  constraint?: string;
}

/** A row PostgreSQL refused (class 22: bad value, 23: a constraint): the backup's fault, said as such. */
function refusedRow(table: BackupTable, error: unknown): BackupRefusedError | null {
  const e = error as PgError;
  if (!e?.code || !/^2[23]/.test(e.code)) return null;
  // PostgreSQL's own text names values and internals: it goes to the server log, the user gets our sentence.
  console.error(`[backup] PostgreSQL refused a ${table} row: ${e.code} ${e.message}${e.detail ? ` (${e.detail})` : ""}`);
  const reason =
    e.code === "23503"
      ? say("server.backupMissingReference")
      : e.constraint
        ? say("server.backupConstraint", { name: e.constraint })
        : say("server.backupBadValue");
  return new BackupRefusedError(say("server.backupRowRefused", { table, reason }));
}

export interface RestoreResult {
  rows: Record<BackupTable, number>;
}

/**
 * A sequence comes back exactly as backed up (null: never used), so backup → restore → backup is identical.
 * Only a sequence behind its table's highest id (a hand-made backup, or rows inserted with explicit ids) is
 * moved up to it, so the next id is free; not the project's: its CHECK (id = 1) lets no other id in, and the
 * editor always inserts that row with id 1, so its sequence never hands out an id that is used.
 */
async function restoreSequence(client: pg.ClientBase, table: BackupTable, doc: BackupDocument) {
  const saved = doc.sequences[table];
  const highest = doc.tables[table].reduce((max, r) => Math.max(max, r.id), 0);
  const last = table === "project" ? saved : Math.max(saved ?? 0, highest) || null;
  // setval(…, 1, false): the state of a sequence never used (pg_sequence_last_value gives NULL).
  await client.query("SELECT setval(pg_get_serial_sequence($1, 'id'), $2, $3)", [
    `_metadata.${table}`,
    last ?? 1,
    last !== null,
  ]);
}

/** Restoring puts the backup's own history back, with the log trigger told to stay quiet; the trigger obeys
 * only the schema's owner (sql/001_metadata_init.sql), so anyone else would get a history of the restore itself. */
async function requireOwner(client: pg.ClientBase) {
  const { rows } = await client.query<{ owner: boolean; name: string }>(
    `SELECT pg_has_role(session_user, n.nspowner, 'MEMBER') AS owner, pg_get_userbyid(n.nspowner)::text AS name
       FROM pg_namespace n WHERE n.nspname = '_metadata'`,
  );
  if (!rows[0]?.owner) {
    throw new BackupRefusedError(say("server.backupNotOwner", { owner: rows[0]?.name ?? "?" }));
  }
}

/**
 * Replaces every `_metadata` row with the backup's, in one transaction (all or nothing), without history
 * entries of its own (the backup's metadata_sync_log is restored as it was), and its id sequences as they
 * were (restoreSequence). With `expectedDigest` (from previewRestore), refuses if the metadata changed since.
 */
export async function restoreMetadata(
  db: Db,
  doc: BackupDocument,
  options: { expectedDigest?: string } = {},
): Promise<RestoreResult> {
  return inTransaction(db, async (client) => {
    await client.query("SET LOCAL metadata_editor.suppress_log = 'on'");
    await requireCompleteSchema(client);
    await requireOwner(client);
    await requireValidRows(client, doc);
    // Writers wait until we are done (readers do not), so nothing slips in between the delete and the inserts.
    await client.query(`LOCK TABLE ${INSERT_ORDER.map(qualified).join(", ")} IN EXCLUSIVE MODE`);
    if (options.expectedDigest) {
      const live = await readLive(client);
      if (digestOf(live.tables) !== options.expectedDigest) {
        throw new BackupRefusedError(say("server.backupChanged"));
      }
    }
    for (const table of [...INSERT_ORDER].reverse()) await client.query(`DELETE FROM ${qualified(table)}`);
    const rows = {} as RestoreResult["rows"];
    for (const table of INSERT_ORDER) {
      const all = doc.tables[table];
      for (let start = 0; start < all.length; start += INSERT_CHUNK) {
        try {
          await client.query(
            `INSERT INTO ${qualified(table)} SELECT * FROM jsonb_populate_recordset(NULL::${qualified(table)}, $1::jsonb)`,
            [JSON.stringify(all.slice(start, start + INSERT_CHUNK))],
          );
        } catch (error) {
          throw refusedRow(table, error) ?? error;
        }
      }
      rows[table] = all.length;
    }
    // Last, once every row is in: setval is not undone by a rollback.
    for (const table of INSERT_ORDER) await restoreSequence(client, table, doc);
    return { rows };
  });
}
