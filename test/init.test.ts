import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readCatalog, type Catalog } from "../lib/metadata/catalog";
import { compareCatalog } from "../lib/metadata/check";
import { runInit } from "../lib/metadata/init";
import { freshDatabase, servers, type FreshDatabase } from "./helpers/db";

const snapshot = JSON.parse(readFileSync(path.join(process.cwd(), "sql", "expected-catalog.json"), "utf8")) as Catalog;

describe.each(servers().map((s) => [s.name, s.version] as const))("init on %s (%s)", (serverName) => {
  const dbs: FreshDatabase[] = [];
  afterAll(async () => {
    await Promise.all(dbs.map((d) => d.drop()));
  });

  it("creates everything on an empty database, and a second run changes nothing", async () => {
    const db = await freshDatabase({ init: false, server: serverName });
    dbs.push(db);
    expect((await readCatalog(db.client)).schema.exists).toBe(false);

    const first = await runInit(db.client);
    expect(first.map((s) => s.key)).toEqual(["lock", "schema", "enums", "tables", "indexes", "triggers", "history", "layout"]);
    expect(first.every((s) => s.ok)).toBe(true);
    const afterFirst = await readCatalog(db.client);

    const second = await runInit(db.client);
    expect(second.every((s) => s.ok)).toBe(true);
    const afterSecond = await readCatalog(db.client);
    expect(afterSecond).toEqual(afterFirst);

    const summary = compareCatalog(afterSecond);
    expect(summary.items.filter((i) => i.status !== "present")).toEqual([]);
    expect(summary).toMatchObject({ complete: true, empty: false, missing: 0, different: 0, extra: 0 });
    expect(Object.keys(afterSecond.tables).sort()).toEqual([
      "diagram_layout",
      "mappings_api_endpoint",
      "mappings_column",
      "mappings_relation",
      "mappings_table",
      "metadata_sync_log",
      "project",
    ]);
    // No transaction left open on the client: outside one, now() is this statement's own start.
    expect((await db.client.query("SELECT now() = statement_timestamp() AS idle")).rows[0].idle).toBe(true);
  });

  it("sql/expected-catalog.json is exactly what a fresh init produces", async () => {
    const db = await freshDatabase({ init: false, server: serverName });
    dbs.push(db);
    await runInit(db.client);
    const catalog = await readCatalog(db.client);
    expect(catalog).toEqual(snapshot);
  });

  it("the template database (init applied by the global setup) matches the snapshot too", async () => {
    const db = await freshDatabase({ init: true, server: serverName });
    dbs.push(db);
    expect(await readCatalog(db.client)).toEqual(snapshot);
  });

  it("upgrades a database that has the old row-level history triggers: they go, each change is logged once", async () => {
    const db = await freshDatabase({ init: true, server: serverName });
    dbs.push(db);
    await db.client.query(readFileSync(path.join(process.cwd(), "test", "fixtures", "history-row-triggers.sql"), "utf8"));
    await db.client.query("INSERT INTO _metadata.mappings_table (table_name, label) VALUES ('users', 'Users')");
    expect(compareCatalog(await readCatalog(db.client)).complete).toBe(false);

    await runInit(db.client);
    expect(await readCatalog(db.client)).toEqual(snapshot);
    await db.client.query("UPDATE _metadata.mappings_table SET label = 'People' WHERE table_name = 'users'");
    const { rows } = await db.client.query("SELECT operation, new_data->>'label' AS label FROM _metadata.metadata_sync_log ORDER BY id");
    expect(rows).toEqual([
      { operation: "INSERT", label: "Users" },
      { operation: "UPDATE", label: "People" },
    ]);
  });

  it("leaves the business schema alone: nothing of the init lands in public except the two extensions", async () => {
    const db = await freshDatabase({ init: false, server: serverName });
    dbs.push(db);
    await runInit(db.client);
    const { rows: tables } = await db.client.query(
      "SELECT relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind IN ('r','p','v','S')",
    );
    expect(tables).toEqual([]);
    const { rows: fns } = await db.client.query(
      "SELECT p.proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public' AND p.proname = 'update_updated_at_column'",
    );
    expect(fns).toEqual([]);
    const { rows: exts } = await db.client.query<{ extname: string }>("SELECT extname FROM pg_extension ORDER BY extname");
    expect(exts.map((e) => e.extname)).toEqual(["btree_gin", "pg_trgm", "plpgsql"]);
  });
});
