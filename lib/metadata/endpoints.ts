import "server-only";
import type { CellEditTarget } from "./cell-edits";
import type pg from "pg";
import { getPool, maybeOne, query, tx, type Queryable } from "../db/pool";
import { ENDPOINT_FIELD_KINDS, type EndpointField, type EndpointValues } from "../schemas/endpoint";
import { dbValues, deleteIfVersion, insertRow, rowVersionSql, saveIfVersion, type Entity } from "./versioned-row";

/** A mappings_api_endpoint row, JSONB included: endpoints are few, and the grid opens each one's full form. */
export interface EndpointRow {
  id: number;
  endpoint_name: string;
  base_url: string;
  method: string | null;
  headers: unknown;
  auth_config: unknown;
  rate_limit_config: unknown;
  timeout_ms: number | null;
  retry_config: unknown;
  cache_config: unknown;
  request_mapping: unknown;
  response_mapping: unknown;
  description: string | null;
  is_active: boolean | null;
  created_at: string;
  updated_at: string;
  /** The concurrency token every edit carries back (versioned-row.ts). */
  rowVersion: string;
}

const ENDPOINT_COLUMNS = `r.id, r.endpoint_name, r.base_url, r.method::text AS method, r.headers, r.auth_config,
  r.rate_limit_config, r.timeout_ms, r.retry_config, r.cache_config, r.request_mapping, r.response_mapping,
  r.description, r.is_active, r.created_at::text AS created_at, r.updated_at::text AS updated_at,
  ${rowVersionSql("mappings_api_endpoint")} AS "rowVersion"`;
const SELECT = `SELECT ${ENDPOINT_COLUMNS} FROM _metadata.mappings_api_endpoint r`;
const ENDPOINTS: Entity<EndpointRow> = {
  table: "mappings_api_endpoint",
  read: (id, db) => getEndpoint(id, db),
  columns: ENDPOINT_COLUMNS,
};

export async function listEndpoints(db?: Queryable): Promise<EndpointRow[]> {
  return query<EndpointRow>(`${SELECT} ORDER BY r.endpoint_name`, [], db);
}

export async function getEndpoint(id: number, db?: Queryable): Promise<EndpointRow | null> {
  return maybeOne<EndpointRow>(`${SELECT} WHERE r.id = $1`, [id], db);
}

/** Endpoint names, for the pickers of a column's api_* fields. */
export async function listEndpointNames(db?: Queryable): Promise<string[]> {
  const rows = await query<{ endpoint_name: string }>(
    "SELECT endpoint_name FROM _metadata.mappings_api_endpoint ORDER BY endpoint_name",
    [],
    db,
  );
  return rows.map((r) => r.endpoint_name);
}

export async function createEndpoint(values: EndpointValues, db?: Queryable): Promise<EndpointRow> {
  const id = await insertRow("mappings_api_endpoint", dbValues(ENDPOINT_FIELD_KINDS, values), db ?? getPool());
  return (await getEndpoint(id, db))!;
}

/**
 * Changes some fields of an endpoint, guarded by its version. A new endpoint_name is carried to the columns
 * that name the old one (api_endpoints entries, api_source_path: renames.ts), in the same transaction.
 */
export async function updateEndpoint(
  id: number,
  rowVersion: string,
  changes: Partial<Record<EndpointField, string | boolean>>,
  pool?: pg.Pool,
): Promise<EndpointRow> {
  return saveIfVersion(ENDPOINTS, id, rowVersion, dbValues(ENDPOINT_FIELD_KINDS, changes), pool);
}

/** Deletes the endpoint, guarded by its version (columns naming it keep the name: it is their text). */
export async function deleteEndpoint(id: number, rowVersion: string, db: Queryable = getPool()): Promise<void> {
  await deleteIfVersion(ENDPOINTS, id, rowVersion, db);
}

/** The endpoints grid's batch edits (paste, fill down, undo). */
export const ENDPOINT_CELL_EDITS: CellEditTarget<EndpointRow> = { entity: ENDPOINTS, kinds: ENDPOINT_FIELD_KINDS };
