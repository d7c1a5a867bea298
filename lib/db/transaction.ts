import pg from "pg";
import { onClientInTransaction, tx } from "./pool";

/**
 * `work` in one transaction, on whatever the caller has: a pool (one of its clients, through `tx`) or a
 * client it already holds (the CLI's, a test's).
 */
export async function inTransaction<T>(
  db: pg.Pool | pg.ClientBase,
  work: (client: pg.ClientBase) => Promise<T>,
): Promise<T> {
  return db instanceof pg.Pool ? tx(work, db) : onClientInTransaction(db, work);
}
