import type pg from "pg";
import { getPool } from "../db/pool";

/** One pooled connection for work that needs a single session (probes in savepoints, one transaction). */
export async function withPoolClient<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await getPool().connect();
  try {
    return await work(client);
  } finally {
    client.release();
  }
}

/**
 * Two pooled connections to the same database, for a read-only computation (drift, plan preview) that reads the
 * metadata on one while it reads the catalog on the other: the two reads overlap.
 */
export async function withPoolClients<T>(work: (meta: pg.PoolClient, target: pg.PoolClient) => Promise<T>): Promise<T> {
  return withPoolClient((meta) => withPoolClient((target) => work(meta, target)));
}
