/**
 * `npm run bench:sync`: the import → drift → plan loop at scale, on its own embedded PostgreSQL (.data/bench-sync,
 * port BENCH_PG_PORT or 55660). A measurement, not a test: prints a table, writes test-results/bench-sync.json,
 * exits 0 whether targets are met or not.
 *   import   1,000 tables × 20 columns, each with a foreign key to the one before (end to end, one transaction)
 *   drift    5,000 tables × 20 columns against the metadata that describes them
 *   plan     the same 5,000 tables into an empty database (CREATE TABLE for all of them)
 * Beside each: the raw catalog query alone (introspect), the floor any of them pays.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { startEmbedded } from "../../lib/db/embedded";
import { runInit } from "../../lib/metadata/init";
import { previewPlan } from "../../lib/sync/apply";
import { runImport } from "../../lib/sync/import";
import { introspect } from "../../lib/sync/introspect";
import { loadSync } from "../../lib/sync/sync";

const PG_PORT = Number(process.env.BENCH_PG_PORT ?? 55660);
const TARGETS = { importMs: 3000, driftMs: 2000, planMs: 2000 };
const log = (line: string) => console.log(`[bench:sync] ${line}`);

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const value = await work();
  return [value, performance.now() - start];
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** `count` tables × 20 columns in `schema`; with `fks`, each table refers to the one before. */
async function createTables(client: pg.Client, schema: string, count: number, fks: boolean) {
  await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE; CREATE SCHEMA ${schema}`);
  for (let start = 0; start < count; start += 250) {
    const ddl: string[] = [];
    for (let i = start; i < Math.min(count, start + 250); i++) {
      const cols = [
        "id bigserial PRIMARY KEY",
        fks && i > 0 ? `prev_id bigint REFERENCES ${schema}.t${i - 1} (id) ON DELETE CASCADE` : "prev_id bigint",
        "name varchar(120) NOT NULL",
        "status varchar(20) NOT NULL DEFAULT 'ACTIVE'",
        "amount numeric(12,2) DEFAULT 0",
        "created_at timestamptz NOT NULL DEFAULT now()",
        ...Array.from({ length: 14 }, (_, c) => `c${c} ${["text", "integer", "boolean", "jsonb", "date", "bigint", "uuid"][c % 7]}`),
      ];
      ddl.push(`CREATE TABLE ${schema}.t${i} (${cols.join(", ")}); CREATE INDEX ON ${schema}.t${i} (created_at);`);
    }
    await client.query(ddl.join("\n"));
  }
}

async function main() {
  mkdirSync(".data", { recursive: true });
  const server = await startEmbedded({ dir: ".data/bench-sync", port: PG_PORT, log });
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  const url = (db: string) => server.url.replace(/\/[^/?]+(\?|$)/, `/${db}$1`);
  const results: Record<string, number> = {};
  try {
    // A throwaway cluster: no durability needed, so creating thousands of tables is not dominated by fsync.
    for (const setting of ["fsync = off", "synchronous_commit = off", "full_page_writes = off"]) await admin.query(`ALTER SYSTEM SET ${setting}`);
    await admin.query("SELECT pg_reload_conf()");
    for (const db of ["sync_bench", "sync_bench_empty"]) {
      await admin.query(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`);
      await admin.query(`CREATE DATABASE ${db}`);
    }
    const client = new pg.Client({ connectionString: url("sync_bench") });
    const empty = new pg.Client({ connectionString: url("sync_bench_empty") });
    await client.connect();
    await empty.connect();
    await runInit(client);

    log("creating 1,000 tables × 20 columns with foreign keys…");
    await createTables(client, "imp", 1000, true);
    [, results.importCatalogMs] = await timed(() => introspect(client, ["imp"]));
    const [imported, importMs] = await timed(() => runImport(client, ["imp"]));
    results.importMs = importMs;
    log(`import: ${Math.round(importMs)} ms end to end; catalog query alone ${Math.round(results.importCatalogMs)} ms`);
    log(`imported ${imported.counts.table.add} tables, ${imported.counts.column.add} columns, ${imported.counts.relation.add} relations`);

    // --import-only: the first measure alone (a few minutes less on a slow machine).
    if (process.argv.includes("--import-only")) {
      await Promise.all([client.end(), empty.end()]);
      return;
    }
    log("creating 5,000 tables × 20 columns…");
    await createTables(client, "big", 5000, false);
    await runImport(client, ["big"]);
    const catalog: number[] = [];
    const drift: number[] = [];
    const plan: number[] = [];
    for (let i = 0; i < 3; i++) {
      catalog.push((await timed(() => introspect(client, ["big"])))[1]);
      const [state, ms] = await timed(() => loadSync(client, { schemas: ["big"] }));
      if (state.items.length) throw new Error(`expected no drift, found ${state.items.length} items`);
      drift.push(ms);
      const [preview, planMs] = await timed(() => previewPlan(client, { schemas: ["big"], target: empty }));
      if (preview.statements.length < 5000) throw new Error(`expected a CREATE TABLE per table, got ${preview.statements.length} statements`);
      plan.push(planMs);
      log(`round ${i + 1}: catalog ${Math.round(catalog[i])} ms, drift ${Math.round(ms)} ms, plan ${Math.round(planMs)} ms`);
    }
    results.catalogMs = median(catalog);
    results.driftMs = median(drift);
    results.planMs = median(plan);
    await client.end();
    await empty.end();
  } finally {
    await admin.end();
    await server.stop();
  }
  if (process.argv.includes("--import-only")) {
    console.log(`import ${Math.round(results.importMs)} ms, catalog query alone ${Math.round(results.importCatalogMs)} ms`);
    return;
  }
  const rows = [
    ["Import 1,000 tables × 20 columns with FKs, end to end", results.importMs, TARGETS.importMs],
    ["… the raw catalog query alone (floor)", results.importCatalogMs, null],
    ["Drift, 5,000 tables × 20 columns (median of 3)", results.driftMs, TARGETS.driftMs],
    ["Plan, 5,000 tables into an empty database (median of 3)", results.planMs, TARGETS.planMs],
    ["… the raw catalog query alone, 5,000 tables (floor)", results.catalogMs, null],
  ] as const;
  console.log("\n| Measure | Result | Target |\n| --- | --- | --- |");
  for (const [name, ms, target] of rows) console.log(`| ${name} | ${Math.round(ms).toLocaleString("en")} ms | ${target ? `< ${target / 1000} s` : "(info)"} |`);
  mkdirSync("test-results", { recursive: true });
  writeFileSync(path.join("test-results", "bench-sync.json"), JSON.stringify({ at: new Date().toISOString(), results, targets: TARGETS }, null, 2));
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
