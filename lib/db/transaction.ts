import pg from "pg";
import { tx } from "./pool";

/**
 * `work` in one transaction, on whatever the caller has: a pool (one of its clients, through `tx`) or a
 * client it already holds (the CLI's, a test's).
 */
export async function inTransaction<T>(
  db: pg.Pool | pg.ClientBase,
  work: (client: pg.ClientBase) => Promise<T>,
): Promise<T> {
  if (db instanceof pg.Pool) return tx(work, db);
  await db.query("BEGIN");
  try {
    const result = await work(db);
    await db.query("COMMIT");
    return result;
  } catch (error) {
    await db.query("ROLLBACK").catch(() => {});
    throw error;
  }
}
