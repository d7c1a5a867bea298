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

