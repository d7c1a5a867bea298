import "server-only";
import type pg from "pg";
import { quoteIdent } from "../db/identifiers";
import { getPool, maybeOne, query, tx, type Queryable } from "../db/pool";
import { ENDPOINT_FIELD_KINDS, type EndpointField, type EndpointValues } from "../schemas/endpoint";
import { toDbValue } from "../schemas/fields";
import { ConflictError, FieldError } from "./conflict";

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
  /** updated_at::text (microseconds kept): the optimistic-concurrency token. */
  version: string;
}

const SELECT = `SELECT e.id, e.endpoint_name, e.base_url, e.method::text AS method, e.headers, e.auth_config,
  e.rate_limit_config, e.timeout_ms, e.retry_config, e.cache_config, e.request_mapping, e.response_mapping,
  e.description, e.is_active, e.created_at::text AS created_at, e.updated_at::text AS updated_at,
  e.updated_at::text AS version FROM _metadata.mappings_api_endpoint e`;

export async function listEndpoints(db?: Queryable): Promise<EndpointRow[]> {
  return query<EndpointRow>(`${SELECT} ORDER BY e.endpoint_name`, [], db);
}

export async function getEndpoint(id: number, db?: Queryable): Promise<EndpointRow | null> {
  return maybeOne<EndpointRow>(`${SELECT} WHERE e.id = $1`, [id], db);
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

const FIELDS = Object.keys(ENDPOINT_FIELD_KINDS) as EndpointField[];

/** The parameter placeholder with the cast its column needs (JSON goes as text, the method as the enum). */
function placeholder(field: EndpointField, n: number): string {
  if (field === "method") return `$${n}::_metadata.http_method_enum`;
  return ENDPOINT_FIELD_KINDS[field] === "json" ? `$${n}::jsonb` : `$${n}`;
}

function duplicate(error: unknown, name: string): never {
  if ((error as { code?: string }).code === "23505") {
    throw new FieldError("endpoint_name", `An endpoint named ${name} already exists.`);
  }
  throw error;
}

export async function createEndpoint(values: EndpointValues, db?: Queryable): Promise<EndpointRow> {
  const params = FIELDS.map((f) => toDbValue(ENDPOINT_FIELD_KINDS[f], values[f]));
  const row = await maybeOne<{ id: number }>(
    `INSERT INTO _metadata.mappings_api_endpoint (${FIELDS.map(quoteIdent).join(", ")})
     VALUES (${FIELDS.map((f, i) => placeholder(f, i + 1)).join(", ")}) RETURNING id`,
    params,
    db,
  ).catch((error) => duplicate(error, values.endpoint_name));
  return (await getEndpoint(row!.id, db))!;
}

/**
 * Changes some fields of an endpoint, guarded by its version. A new endpoint_name is carried to the columns
 * that name the old one (api_endpoints entries, api_source_path), in the same transaction.
 */
export async function updateEndpoint(
  id: number,
  version: string,
  changes: Partial<Record<EndpointField, string | boolean>>,
  pool?: pg.Pool,
): Promise<EndpointRow> {
  const fields = (Object.keys(changes) as EndpointField[]).filter((f) => FIELDS.includes(f));
  if (fields.length === 0) throw new Error("Nothing to change");
  return tx(async (client) => {
    const before = await maybeOne<{ endpoint_name: string }>(
      "SELECT endpoint_name FROM _metadata.mappings_api_endpoint WHERE id = $1 AND updated_at = $2::timestamptz FOR UPDATE",
      [id, version],
      client,
    );
    if (!before) throw new ConflictError(await getEndpoint(id, client));
    const sets = fields.map((f, i) => `${quoteIdent(f)} = ${placeholder(f, i + 2)}`);
    await client
      .query(`UPDATE _metadata.mappings_api_endpoint SET ${sets.join(", ")} WHERE id = $1`, [
        id,
        ...fields.map((f) => toDbValue(ENDPOINT_FIELD_KINDS[f], changes[f]!)),
      ])
      .catch((error) => duplicate(error, String(changes.endpoint_name)));
    if (changes.endpoint_name !== undefined) {
      const name = String(changes.endpoint_name).trim();
      if (name !== before.endpoint_name) await renameInColumns(client, before.endpoint_name, name);
    }
    return (await getEndpoint(id, client))!;
  }, pool);
}

/** Columns follow a renamed endpoint: entries of their api_endpoints array, and an api_source_path naming it. */
async function renameInColumns(client: pg.PoolClient, from: string, to: string) {
  await client.query(
    `UPDATE _metadata.mappings_column c
        SET api_endpoints = CASE WHEN jsonb_typeof(c.api_endpoints) = 'array' AND c.api_endpoints ? $1::text THEN (
              SELECT jsonb_agg(CASE WHEN x.value = to_jsonb($1::text) THEN to_jsonb($2::text) ELSE x.value END ORDER BY x.n)
                FROM jsonb_array_elements(c.api_endpoints) WITH ORDINALITY AS x(value, n)) ELSE c.api_endpoints END,
            api_source_path = CASE WHEN c.api_source_path = $1::text THEN $2::text ELSE c.api_source_path END
      WHERE (jsonb_typeof(c.api_endpoints) = 'array' AND c.api_endpoints ? $1::text) OR c.api_source_path = $1::text`,
    [from, to],
  );
}

/** Deletes the endpoint, guarded by its version (columns naming it keep the name: it is their text). */
export async function deleteEndpoint(id: number, version: string, db: Queryable = getPool()): Promise<void> {
  const deleted = await db.query(
    "DELETE FROM _metadata.mappings_api_endpoint WHERE id = $1 AND updated_at = $2::timestamptz",
    [id, version],
  );
  if (deleted.rowCount === 0) throw new ConflictError(await getEndpoint(id, db));
}
