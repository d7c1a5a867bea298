import pg from "pg";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { runImport } from "../lib/sync/import";
import { currentPlan, currentSync, forgetResults, lastResult } from "../lib/sync/last-result";
import { endedBetween, sameVisibleState, takeSnapshot, type Snapshot } from "../lib/sync/snapshot";
import { loadSync } from "../lib/sync/sync";
import { freshDatabase, servers, type FreshDatabase } from "./helpers/db";

const SCHEMA = `
  CREATE TABLE public.users (id bigserial PRIMARY KEY, email varchar(255) NOT NULL UNIQUE, name text);
  INSERT INTO public.users (email) VALUES ('a@example.com'), ('b@example.com');
  INSERT INTO _metadata.project (id, project_id, project_name, root_path) VALUES (1, 'shop', 'Shop', '/tmp/shop');
`;

const snap = (xmin: number, xmax: number, xip: number[] = [], server = "db 5432"): Snapshot => ({
  server,
  xmin: BigInt(xmin),
  xmax: BigInt(xmax),
  xip: xip.map(BigInt),
});

describe("which transactions may have ended between two snapshots", () => {
  it("lists those running then and not now, and those begun since that are not running now", () => {
    expect(endedBetween(snap(10, 20, [12, 15]), snap(12, 24, [15, 22]))).toEqual([12n, 20n, 21n, 23n]);
    expect(endedBetween(snap(10, 20, [12]), snap(10, 20, [12]))).toEqual([]);
  });
  it("gives up on another server, a snapshot that went back, or too many to look up", () => {
    expect(endedBetween(snap(10, 20), snap(10, 20, [], "other 5432"))).toBeNull();
    expect(endedBetween(snap(10, 20), snap(10, 19))).toBeNull();
    expect(endedBetween(snap(10, 20), snap(10, 20 + 20_000))).toBeNull();
  });
});

/**
 * Other test files commit on the same servers at any moment (and a transaction of theirs that ends can make a row
 * of ours look recent: computed again, never stale): a result kept is looked for a few times (it must turn up), a
 * change must show every time.
 */
async function keptAcross<T>(tries: number, get: () => Promise<T>, between: () => Promise<unknown> = async () => {}): Promise<boolean> {
  for (let i = 0; i < tries; i++) {
    const first = await get();
    await between();
    if ((await get()) === first) return true;
  }
  return false;
}

describe.each(servers().map((s) => [s.name] as const))("the last drift and plan on %s", (serverName) => {
  let db: FreshDatabase;
  let other: pg.Client;
  beforeAll(async () => {
    db = await freshDatabase({ init: true, server: serverName });
    await db.client.query(SCHEMA);
    await runImport(db.client, ["public"]);
    other = new pg.Client({ connectionString: db.url });
    await other.connect();
  });
  afterAll(async () => {
    await other?.end();
    await db?.drop();
  });
  beforeEach(() => forgetResults());

  it("is kept while nothing commits, our own rolled-back probes included", async () => {
    let computed = 0;
    const compute = async () => {
      computed++;
      // What canonicalize does: a transaction that takes an id and is rolled back.
      await db.client.query("BEGIN");
      await db.client.query("CREATE TEMP TABLE probe (x int)");
      await db.client.query("ROLLBACK");
      return { computed };
    };
    expect(await keptAcross(30, () => lastResult(db.client, "probe", compute))).toBe(true);
    expect(await keptAcross(30, () => currentSync(db.client))).toBe(true);
    expect(await keptAcross(30, () => currentPlan(db.client))).toBe(true);
    // Another session's rolled-back write does not count either.
    const rolledBack = async () => {
      await other.query("BEGIN");
      await other.query("INSERT INTO public.users (email) VALUES ('rolled@back')");
      await other.query("ROLLBACK");
    };
    expect(await keptAcross(30, () => currentSync(db.client), rolledBack)).toBe(true);
  });

  it("is kept across commits that change nothing it reads: ANALYZE and VACUUM (autovacuum's work), business data", async () => {
    const plan = await currentPlan(db.client);
    expect(plan.statements.some((s) => s.rows !== null)).toBe(false);
    for (const work of [
      "ANALYZE public.users",
      "VACUUM ANALYZE _metadata.mappings_column",
      "VACUUM ANALYZE pg_catalog.pg_attribute",
      "UPDATE public.users SET name = 'changed' WHERE id = 1",
    ]) {
      const committed = async () => {
        const before = await takeSnapshot(db.client);
        await other.query(work);
        // It did commit (a transaction id, written rows): PostgreSQL's snapshot alone would say "changed".
        expect(await sameVisibleState(db.client, before, await takeSnapshot(db.client))).toBe(false);
      };
      expect(await keptAcross(30, () => currentSync(db.client), committed), work).toBe(true);
      expect(await keptAcross(30, () => currentPlan(db.client), committed), work).toBe(true);
    }
  });

  it("is computed again after a change that only deletes rows (a comment, a metadata column)", async () => {
    await other.query("COMMENT ON TABLE public.users IS 'people'");
    expect((await currentSync(db.client)).items.map((i) => i.id)).toEqual(["comment:public.users::"]);
    await other.query("COMMENT ON TABLE public.users IS NULL");
    expect((await currentSync(db.client)).items).toEqual([]);
    const { row } = (await other.query("SELECT to_jsonb(c) AS row FROM _metadata.mappings_column c WHERE pg_column = 'name'")).rows[0];
    await other.query("DELETE FROM _metadata.mappings_column WHERE id = $1", [row.id]);
    expect((await currentSync(db.client)).items.map((i) => i.id)).toEqual(["column:public.users:name:"]);
    await other.query("INSERT INTO _metadata.mappings_column SELECT * FROM jsonb_populate_record(NULL::_metadata.mappings_column, $1)", [row]);
    expect((await currentSync(db.client)).items).toEqual([]);
  });

  it("is computed again after a transaction that was running when it was kept commits a change made in a subtransaction", async () => {
    await other.query("COMMENT ON TABLE public.users IS 'first'");
    const late = new pg.Client({ connectionString: db.url });
    await late.connect();
    try {
      await late.query("BEGIN");
      await late.query("SELECT pg_current_xact_id()");
      // An update (no row more or less), written under the subtransaction's own id, which no snapshot lists.
      await late.query("SAVEPOINT s");
      await late.query("COMMENT ON TABLE public.users IS 'second'");
      await late.query("RELEASE SAVEPOINT s");
      expect(await keptAcross(30, () => currentSync(db.client))).toBe(true);
      expect((await currentSync(db.client)).items.map((i) => i.database)).toEqual(["first"]);
      await late.query("COMMIT");
      expect((await currentSync(db.client)).items.map((i) => i.database)).toEqual(["second"]);
    } finally {
      await late.end();
      await other.query("COMMENT ON TABLE public.users IS NULL");
    }
  });

  it("is computed again after a change to the metadata", async () => {
    const before = await currentSync(db.client);
    expect(before.items).toEqual([]);
    const retype = (type: string) => other.query("UPDATE _metadata.mappings_column SET pg_type = $1 WHERE pg_column = 'email'", [type]);
    await retype("text");
    const after = await currentSync(db.client);
    expect(after.items.map((i) => i.id)).toEqual(["type:public.users:email:"]);
    // A commit that changes nothing the drift depends on still counts (a new object, equal content).
    await retype("text");
    const again = await currentSync(db.client);
    expect(again).not.toBe(after);
    expect(again.items).toEqual(after.items);
    await retype("character varying(255)");
    expect((await currentSync(db.client)).items).toEqual([]);
  });

  it("is computed again after a change to the catalog (psql), the drift and the plan alike", async () => {
    const drift = await currentSync(db.client);
    const plan = await currentPlan(db.client);
    await other.query("ALTER TABLE public.users ADD COLUMN nickname varchar(30)");
    expect((await currentSync(db.client)).items.length).toBe(drift.items.length + 1);
    expect((await currentPlan(db.client)).statements.map((s) => s.sql)).toContain('ALTER TABLE "public"."users" DROP COLUMN "nickname";');
    expect(plan.statements.map((s) => s.sql)).not.toContain('ALTER TABLE "public"."users" DROP COLUMN "nickname";');
    await other.query("ALTER TABLE public.users DROP COLUMN nickname");
    expect((await currentSync(db.client)).items).toEqual(drift.items);
  });

  it("is computed again after a change to the rows a destructive statement counts", async () => {
    await other.query("ALTER TABLE public.users ALTER COLUMN email DROP NOT NULL");
    const item = (await currentSync(db.client)).items.find((i) => i.kind === "nullability")!;
    expect(item).toBeDefined();
    const count = async () => (await currentPlan(db.client, [item.id])).statements.map((s) => s.rows);
    expect(await count()).toEqual([0]);
    await other.query("UPDATE public.users SET email = NULL WHERE email = 'a@example.com'");
    expect(await count()).toEqual([1]);
    await other.query("UPDATE public.users SET email = 'a@example.com' WHERE email IS NULL");
    expect(await count()).toEqual([0]);
    await other.query("ALTER TABLE public.users ALTER COLUMN email SET NOT NULL");
  });

  it("is not kept when something committed while it was computed", async () => {
    let computed = 0;
    const compute = async () => {
      computed++;
      if (computed === 1) await other.query("COMMENT ON TABLE public.users IS 'changed meanwhile'");
      return loadSync(db.client);
    };
    const first = await lastResult(db.client, "meanwhile", compute);
    const second = await lastResult(db.client, "meanwhile", compute);
    expect(computed).toBe(2);
    expect(second).not.toBe(first);
    expect(second.items.map((i) => i.kind)).toEqual(["comment"]);
    await other.query("COMMENT ON TABLE public.users IS NULL");
  });

  it("takes a snapshot a later one can be compared with", async () => {
    const a = await takeSnapshot(db.client);
    await other.query("UPDATE public.users SET name = 'x' WHERE id = 1");
    const b = await takeSnapshot(db.client);
    expect(a.server).toBe(b.server);
    expect(b.xmax > a.xmax).toBe(true);
  });
});
