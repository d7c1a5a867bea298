import "server-only";
import { one } from "../db/pool";

export interface MetadataStats {
  tables: number;
  columns: number;
  relations: number;
  endpoints: number;
  logEntries: number;
}

/** Row counts for the home page; the log is counted approximately past 10k (it may hold many entries). */
export async function getStats(): Promise<MetadataStats> {
  return one<MetadataStats>(
    `SELECT (SELECT count(*) FROM _metadata.mappings_table)::int AS tables,
            (SELECT count(*) FROM _metadata.mappings_column)::int AS columns,
            (SELECT count(*) FROM _metadata.mappings_relation)::int AS relations,
            (SELECT count(*) FROM _metadata.mappings_api_endpoint)::int AS endpoints,
            (SELECT count(*) FROM (SELECT 1 FROM _metadata.metadata_sync_log LIMIT 10001) s)::int AS "logEntries"`,
  );
}
