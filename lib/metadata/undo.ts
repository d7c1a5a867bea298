import "server-only";
import { quoteIdent } from "../db/identifiers";
import { getPool, query, tx } from "../db/pool";
import { FieldError } from "./conflict";
import { ENTRY_COLUMNS, restoreEntry, type HistoryEntry, type LoggedTable } from "./history";
import { say } from "../i18n/messages";

// Parents before children: a column needs its table, a relation its columns.
const ORDER: LoggedTable[] = ["project", "mappings_table", "mappings_api_endpoint", "mappings_column", "mappings_relation"];

/**
 * Undoes the deletion of a row and of everything deleted with it (a table's columns and relations): every
 * DELETE the history logged in that same transaction (same changed_at, which is the transaction's now()) is
 * written back, parents first, in one transaction. Each row passes the same checks as a history restore; if
 * one cannot come back (say, its name is taken now) nothing does, and the message says why.
 */
export async function undoDeletion(table: LoggedTable, recordId: number, pool = getPool()) {
  return tx(async (client) => {
    const entries = await query<HistoryEntry>(
      `WITH last AS (
         SELECT changed_at, changed_by FROM _metadata.metadata_sync_log
          WHERE table_name = $1 AND record_id = $2 AND operation = 'DELETE' ORDER BY id DESC LIMIT 1)
       SELECT ${ENTRY_COLUMNS}
         FROM _metadata.metadata_sync_log l JOIN last USING (changed_at)
        WHERE l.operation = 'DELETE' AND l.changed_by IS NOT DISTINCT FROM last.changed_by
        ORDER BY l.id`,
      [table, recordId],
      client,
    );
    if (entries.length === 0) throw new FieldError("entry", say("server.nothingToUndo"));
    const taken = await query<{ n: number }>(`SELECT count(*)::int AS n FROM _metadata.${quoteIdent(table)} WHERE id = $1`, [recordId], client);
    if (taken[0].n > 0) throw new FieldError("entry", say("server.existsAgain"));
    entries.sort((a, b) => ORDER.indexOf(a.table_name as LoggedTable) - ORDER.indexOf(b.table_name as LoggedTable) || a.id - b.id);
    for (const entry of entries) await restoreEntry(client, entry, "before");
    return { restored: entries.length };
  }, pool);
}
