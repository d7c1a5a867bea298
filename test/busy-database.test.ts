import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { failed } from "../lib/actions/result";
import { getPool, tx } from "../lib/db/pool";
import { getSetupState } from "../lib/metadata/setup-state";
import { getStats } from "../lib/metadata/stats";
import { listEndpoints } from "../lib/metadata/endpoints";
import { createTable, listTables, updateTable } from "../lib/metadata/tables";
import { freshDatabase, type FreshDatabase } from "./helpers/db";
import { rows, tableValues } from "./helpers/metadata";

// Defect 4: one locked table drained the pool, and every page said "The database is unreachable".
// The app's own pool (lib/db/pool.ts) under test, configured the way the README documents: the lock timeout is
// deliberately longer than the pool timeout, so pages only load if edits cannot take every connection.
let db: FreshDatabase;
let holder: pg.Client;

beforeAll(async () => {
  db = await freshDatabase({ init: true });
  vi.stubEnv("DATABASE_URL", db.url);
  vi.stubEnv("DB_POOL_MAX", "10");
  vi.stubEnv("DB_POOL_TIMEOUT_MS", "4000");
  vi.stubEnv("DB_LOCK_TIMEOUT_MS", "8000");
  await db.client.query(
    "INSERT INTO _metadata.project (id, project_id, project_name, root_path) VALUES (1, 'busy', 'Busy', '/tmp/busy')",
  );
  holder = new pg.Client({ connectionString: db.url, application_name: "nightly-migration" });
  await holder.connect();
});

afterAll(async () => {
  await holder?.end().catch(() => {});
  await getPool().end();
  vi.unstubAllEnvs();
  await db?.drop();
});

const message = (error: unknown) => ("formError" in failed(error) ? (failed(error) as { formError: string }).formError : "");

describe("a table locked by another session", () => {
  it("12 edits say the database is busy and who holds the lock; unrelated pages still load; nothing is written", async () => {
    const table = await createTable(tableValues("orders"));
    await holder.query("BEGIN");
    await holder.query("LOCK TABLE _metadata.mappings_table IN EXCLUSIVE MODE");

    const edits = Array.from({ length: 12 }, (_, i) =>
      updateTable(table.id, table.rowVersion, { label: `Edit ${i}` }).then(
        () => "saved",
        (error: unknown) => message(error),
      ),
    );
    // While every edit is blocked or queued: the pages' reads (setup gate, home, tables, endpoints).
    const pages = await Promise.all([getSetupState(), getStats(), listTables(), listEndpoints()]);
    expect(pages[0].kind).toBe("ready");
    expect(pages[1].tables).toBe(1);
    expect(pages[2].map((t) => t.label)).toEqual(["Orders"]);
    expect(pages[3]).toEqual([]);

    const outcomes = await Promise.all(edits);
    await holder.query("ROLLBACK");
    for (const outcome of outcomes) {
      expect(outcome).toMatch(/^The database is busy: /);
      expect(outcome).not.toMatch(/unreachable|canceling statement/i);
    }
    // Those that got to wait on the lock name its holder.
    expect(outcomes.some((o) => o.includes('application "nightly-migration"'))).toBe(true);
    expect((await rows(getPool(), "SELECT label FROM _metadata.mappings_table")).map((r) => r.label)).toEqual(["Orders"]);

    // Once the lock is gone, the same edit goes through.
    const saved = await updateTable(table.id, table.rowVersion, { label: "After" });
    expect(saved.label).toBe("After");
  }, 30_000);

  it("a statement that runs past the statement timeout is cancelled and reported as busy", async () => {
    const error = await tx(async (client) => {
      await client.query("SET LOCAL statement_timeout = 200");
      await client.query("SELECT pg_sleep(2)");
    }).then(() => null, (e: unknown) => e);
    expect(message(error)).toMatch(/^The database is busy: the request took longer than the statement timeout/);
  });
});
