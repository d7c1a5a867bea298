import { afterAll, describe, expect, it } from "vitest";
import type pg from "pg";
import { readCatalog } from "../lib/metadata/catalog";
import { compareCatalog } from "../lib/metadata/check";
import { InitError, loadInitSteps, runInit, type InitStep } from "../lib/metadata/init";
import { connect, freshDatabase, type FreshDatabase } from "./helpers/db";

const boom: InitStep = { key: "boom", label: "boom", sql: "SELECT 1/0" };

/** Everything the init could have left behind, wherever it might land. */
async function leftovers(client: pg.Client) {
  const q = async (sql: string) => (await client.query<{ name: string }>(sql)).rows.map((r) => r.name);
  return {
    schemas: await q("SELECT nspname AS name FROM pg_namespace WHERE nspname = '_metadata'"),
    enums: await q("SELECT typname AS name FROM pg_type WHERE typtype = 'e'"),
    extensions: await q("SELECT extname AS name FROM pg_extension ORDER BY extname"),
    relations: await q(
      "SELECT relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')",
    ),
    functions: await q("SELECT proname AS name FROM pg_proc WHERE proname = 'update_updated_at_column'"),
  };
}

const nothing = { schemas: [], enums: [], extensions: ["plpgsql"], relations: [], functions: [] };

async function idle(client: pg.Client): Promise<boolean> {
  return (await client.query("SELECT now() = statement_timestamp() AS idle")).rows[0].idle;
}

describe("runInit is atomic", () => {
  const dbs: FreshDatabase[] = [];
  afterAll(async () => {
    await Promise.all(dbs.map((d) => d.drop()));
  });

  it("a failure after the last real step rolls back everything", async () => {
    const db = await freshDatabase({ init: false });
    dbs.push(db);
    const steps = [...loadInitSteps(), boom];
    const seen: string[] = [];
    const error = await runInit(db.client, { steps, onStep: (s) => seen.push(`${s.key}:${s.ok}`) }).catch((e) => e);
    expect(error).toBeInstanceOf(InitError);
    expect((error as InitError).message).toMatch(/at "boom".*division by zero.*Nothing was changed/);
    expect((error as InitError).results.map((r) => [r.key, r.ok])).toEqual([
      ["lock", true],
      ["schema", true],
      ["enums", true],
      ["tables", true],
      ["indexes", true],
      ["triggers", true],
      ["history", true],
      ["layout", true],
      ["boom", false],
    ]);
    expect(seen.at(-1)).toBe("boom:false");
    expect(await leftovers(db.client)).toEqual(nothing);
    expect(await idle(db.client)).toBe(true);
    expect((await readCatalog(db.client)).schema.exists).toBe(false);
  });

  it("a failure in the middle (after enums, before tables) rolls back everything", async () => {
    const db = await freshDatabase({ init: false });
    dbs.push(db);
    const real = loadInitSteps();
    const at = real.findIndex((s) => s.key === "tables");
    const steps = [...real.slice(0, at), boom, ...real.slice(at)];
    const error = await runInit(db.client, { steps }).catch((e) => e);
    expect(error).toBeInstanceOf(InitError);
    expect((error as InitError).results.map((r) => r.key)).toEqual(["lock", "schema", "enums", "boom"]);
    expect(await leftovers(db.client)).toEqual(nothing);
    expect(await idle(db.client)).toBe(true);
    // And the same client can then run the real init.
    await runInit(db.client);
    expect(compareCatalog(await readCatalog(db.client)).complete).toBe(true);
  });

  it("a failure in a real step's SQL (not only an injected one) rolls back too", async () => {
    const db = await freshDatabase({ init: false });
    dbs.push(db);
    const steps = loadInitSteps().map((s) =>
      s.key === "indexes" ? { ...s, sql: s.sql.replace("USING GIN (enum_options)", "USING GIN (no_such_column)") } : s,
    );
    const error = await runInit(db.client, { steps }).catch((e) => e);
    expect(error).toBeInstanceOf(InitError);
    expect((error as InitError).results.at(-1)).toMatchObject({ key: "indexes", ok: false });
    expect((error as InitError).results.at(-1)?.error).toMatch(/no_such_column/);
    expect(await leftovers(db.client)).toEqual(nothing);
  });

  it("a failure on an initialized database leaves it exactly as it was", async () => {
    const db = await freshDatabase({ init: true });
    dbs.push(db);
    const before = await readCatalog(db.client);
    const steps = [...loadInitSteps(), { key: "drop", label: "drop", sql: "DROP TABLE _metadata.metadata_sync_log" }, boom];
    await expect(runInit(db.client, { steps })).rejects.toBeInstanceOf(InitError);
    expect(await readCatalog(db.client)).toEqual(before);
  });
});

describe("runInit is safe to run concurrently", () => {
  it("two runs at once on an empty database both succeed (advisory lock) and the catalog is complete", async () => {
    const db = await freshDatabase({ init: false });
    const other = await connect(db.url);
    // A session-level lock stands in for another session: direct, PgBouncer's transaction mode would not keep it.
    const holder = await connect(db.directUrl);
    try {
      // Hold the init's lock so both runs are provably in flight at the same time, then let them race.
      await holder.query("SELECT pg_advisory_lock(hashtext('metadata-editor:init'))");
      const runs = Promise.all([runInit(db.client), runInit(other)]);
      await expect.poll(
        async () =>
          (
            await holder.query<{ n: number }>(
              "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event = 'advisory'",
            )
          ).rows[0].n,
        { timeout: 10_000, interval: 20 },
      ).toBe(2);
      await holder.query("SELECT pg_advisory_unlock(hashtext('metadata-editor:init'))");
      const [a, b] = await runs;
      expect(a.every((s) => s.ok)).toBe(true);
      expect(b.every((s) => s.ok)).toBe(true);
      const summary = compareCatalog(await readCatalog(db.client));
      expect(summary).toMatchObject({ complete: true, missing: 0, different: 0, extra: 0 });
    } finally {
      await holder.end();
      await other.end();
      await db.drop();
    }
  });
});
