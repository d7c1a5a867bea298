import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { governPool } from "../lib/db/pool";
import { readDbLimits } from "../lib/db/limits";
import { ConflictError } from "../lib/metadata/conflict";
import { createTable, getTable, updateTable } from "../lib/metadata/tables";
import { postgresIds } from "./helpers/clusters";
import { freshDatabase, server, type FreshDatabase } from "./helpers/db";
import { rows, tableValues, thrown } from "./helpers/metadata";
import { pgbouncerAvailable, startPgBouncer, type RunningPgBouncer } from "./helpers/pgbouncer";

// Two editor instances share nothing but PostgreSQL: each has its own pool (as two processes would), both
// reach the database through PgBouncer in transaction mode (as a team deployment would).
describe.skipIf(!pgbouncerAvailable())("two instances through PgBouncer (transaction mode)", () => {
  let db: FreshDatabase;
  let bouncer: RunningPgBouncer;
  let dir: string;
  const instances: pg.Pool[] = [];

  beforeAll(async () => {
    db = await freshDatabase({ init: true });
    dir = mkdtempSync(path.join(os.tmpdir(), "pgbouncer-"));
    chmodSync(dir, 0o755); // PgBouncer may run as the postgres user: it must reach its folder
    bouncer = await startPgBouncer(path.join(dir, "b"), server().adminUrl, await postgresIds());
    const url = new URL(db.url.replace(/:\d+\//, `:${bouncer.port}/`));
    const limits = readDbLimits({ DB_PGBOUNCER: "1", DB_POOL_MAX: "4" });
    for (const name of ["instance-a", "instance-b"]) {
      const pool = new pg.Pool({ connectionString: url.toString(), max: limits.poolMax, application_name: name });
      pool.on("error", () => {});
      governPool(pool, limits);
      instances.push(pool);
    }
  });
  afterAll(async () => {
    await Promise.all(instances.map((p) => p.end()));
    await bouncer?.stop();
    await db?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("really goes through PgBouncer", async () => {
    const port = (await rows<{ port: number }>(instances[0], "SELECT inet_server_port() AS port"))[0].port;
    expect(port).toBe(Number(new URL(server().adminUrl).port));
    expect(new URL(instances[0].options.connectionString!).port).toBe(String(bouncer.port));
  });

  it("a stale edit through one instance conflicts with the other's; the history holds every change", async () => {
    const [a, b] = instances;
    const created = await createTable(tableValues("orders"), a);
    const seenByB = (await getTable(created.id, b))!;
    const savedByA = await updateTable(created.id, created.rowVersion, { label: "By A" }, a);
    const conflict = await thrown(updateTable(created.id, seenByB.rowVersion, { label: "By B" }, b));
    expect(conflict).toBeInstanceOf(ConflictError);
    expect((conflict as ConflictError<{ label: string }>).current).toMatchObject({ label: "By A" });
    await updateTable(created.id, savedByA.rowVersion, { label: "By B" }, b);

    // Concurrent edits of one row through both: exactly one wins per version, the rest conflict.
    const current = (await getTable(created.id, a))!;
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, (_, i) => updateTable(created.id, current.rowVersion, { label: `Race ${i}` }, i % 2 ? a : b)),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results) if (r.status === "rejected") expect(r.reason).toBeInstanceOf(ConflictError);

    const log = await rows<{ label: string }>(
      a,
      `SELECT new_data->>'label' AS label FROM _metadata.metadata_sync_log
        WHERE table_name = 'mappings_table' AND record_id = $1 AND operation = 'UPDATE' ORDER BY id`,
      [created.id],
    );
    const winner = results.findIndex((r) => r.status === "fulfilled");
    expect(log.map((l) => l.label)).toEqual(["By A", "By B", `Race ${winner}`]);
  });
});
