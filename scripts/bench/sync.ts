/**
 * `npm run bench:sync`: the import → drift → plan loop at scale, on its own embedded PostgreSQL (.data/bench-sync,
 * port BENCH_PG_PORT or 55660). A measurement, not a test: prints a table, writes test-results/bench-sync.json,
 * exits 0 whether targets are met or not.
 *   import   1,000 tables × 20 columns, each with a foreign key to the one before (end to end, one transaction)
 *   drift    5,000 tables × 20 columns against the metadata that describes them
 *   plan     the same 5,000 tables into an empty database (CREATE TABLE for all of them)
 * Beside each: the raw catalog query alone (introspect), the floor any of them pays.
 * `-- --pages` then also opens the Import, Drift and Plan pages on the 5,000 tables (scripts/bench/sync-pages.ts;
 * a production server on BENCH_PORT or 21660, built first when stale).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { startEmbedded } from "../../lib/db/embedded";
import { runInit } from "../../lib/metadata/init";
import { previewPlan } from "../../lib/sync/apply";
import { runImport } from "../../lib/sync/import";
import { introspect } from "../../lib/sync/introspect";
import { loadSync } from "../../lib/sync/sync";
import { processCpuMs } from "./rss";
import { measureSyncPages, withPagesData, type PageResult } from "./sync-pages";

const PG_PORT = Number(process.env.BENCH_PG_PORT ?? 55660);
const PORT = Number(process.env.BENCH_PORT ?? 21660);
const TARGETS = { importMs: 3000, driftMs: 2000, planMs: 2000, pageMs: 1000 };
const log = (line: string) => console.log(`[bench:sync] ${line}`);

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const value = await work();
  return [value, performance.now() - start];
}
/**
 * CPU used meanwhile by this process and by the clients' server backends (/proc, Linux; ms): on a shared machine
 * the load inflates wall time many times over, CPU time much less, so the two together say what was measured.
 */
async function cpuMeter(clients: pg.Client[]) {
  const pids = await Promise.all(clients.map(async (c) => (await c.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows[0].pid));
  const serverMs = () => pids.reduce((sum, pid) => sum + processCpuMs(pid), 0);
  return () => {
    const node = process.cpuUsage();
    const server = serverMs();
    return () => {
      const used = process.cpuUsage(node);
      return { nodeMs: (used.user + used.system) / 1000, serverMs: serverMs() - server };
    };
  };
}
type Cpu = { nodeMs: number; serverMs: number };
const cpuText = (c: Cpu) => `CPU: node ${Math.round(c.nodeMs).toLocaleString("en")} + PostgreSQL ${Math.round(c.serverMs).toLocaleString("en")} ms`;
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
  const cpu: Record<string, Cpu> = {};
  /** The 1-minute load average as each measure ended: on a shared machine it says what a wall time is worth. */
  const load: Record<string, number> = {};
  const loadNow = () => os.loadavg()[0];
  let pages: PageResult[] = [];
  try {
    // A throwaway cluster: no durability needed, so creating thousands of tables is not dominated by fsync.
    for (const setting of ["fsync = off", "synchronous_commit = off", "full_page_writes = off"]) await admin.query(`ALTER SYSTEM SET ${setting}`);
    await admin.query("SELECT pg_reload_conf()");
    // --pages-only: the pages alone, on the databases the last full run left.
    if (process.argv.includes("--pages-only")) {
      const client = new pg.Client({ connectionString: url("sync_bench") });
      client.on("error", (error) => log(`connection lost: ${error.message}`));
      await client.connect();
      pages = await pagesOn(client, url("sync_bench"));
      await client.end();
      for (const p of pages) console.log(`| ${p.name} page | ${Math.round(p.medianMs)} ms (first ${Math.round(p.firstMs)} ms; browser cache warm ${Math.round(p.warmBrowserMs)} ms) |`);
      return;
    }
    for (const db of ["sync_bench", "sync_bench_empty"]) {
      await admin.query(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`);
      await admin.query(`CREATE DATABASE ${db}`);
    }
    const client = new pg.Client({ connectionString: url("sync_bench") });
    const empty = new pg.Client({ connectionString: url("sync_bench_empty") });
    for (const c of [client, empty]) c.on("error", (error) => log(`connection lost: ${error.message}`));
    await client.connect();
    await empty.connect();
    await runInit(client);
    const meter = await cpuMeter([client, empty]);

    log("creating 1,000 tables × 20 columns with foreign keys…");
    await createTables(client, "imp", 1000, true);
    [, results.importCatalogMs] = await timed(() => introspect(client, ["imp"]));
    const importCpu = meter();
    const [imported, importMs] = await timed(() => runImport(client, ["imp"]));
    cpu.import = importCpu();
    load.import = loadNow();
    results.importMs = importMs;
    log(`import: ${Math.round(importMs)} ms end to end (${cpuText(cpu.import)}; load ${load.import.toFixed(1)}); catalog query alone ${Math.round(results.importCatalogMs)} ms`);
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
    const driftCpu: Cpu[] = [];
    const planCpu: Cpu[] = [];
    for (let i = 0; i < 3; i++) {
      catalog.push((await timed(() => introspect(client, ["big"])))[1]);
      let used = meter();
      const [state, ms] = await timed(() => loadSync(client, { schemas: ["big"] }));
      driftCpu.push(used());
      if (state.items.length) throw new Error(`expected no drift, found ${state.items.length} items`);
      drift.push(ms);
      used = meter();
      const [preview, planMs] = await timed(() => previewPlan(client, { schemas: ["big"], target: empty }));
      planCpu.push(used());
      if (preview.statements.length < 5000) throw new Error(`expected a CREATE TABLE per table, got ${preview.statements.length} statements`);
      plan.push(planMs);
      log(`round ${i + 1} (load ${loadNow().toFixed(1)}): catalog ${Math.round(catalog[i])} ms, drift ${Math.round(ms)} ms (${cpuText(driftCpu[i])}), plan ${Math.round(planMs)} ms (${cpuText(planCpu[i])})`);
    }
    const byTotal = (a: Cpu, b: Cpu) => a.nodeMs + a.serverMs - (b.nodeMs + b.serverMs);
    cpu.drift = [...driftCpu].sort(byTotal)[1];
    cpu.plan = [...planCpu].sort(byTotal)[1];
    load.driftAndPlan = loadNow();
    results.catalogMs = median(catalog);
    results.driftMs = median(drift);
    results.planMs = median(plan);
    // --pages: the Import, Drift and Plan pages on these 5,000 tables, in Chromium against a production server.
    if (process.argv.includes("--pages")) {
      pages = await pagesOn(client, url("sync_bench"));
      load.pages = loadNow();
    }
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
  const cpuCell = (c: Cpu | undefined) => (c ? `${Math.round(c.nodeMs).toLocaleString("en")} + ${Math.round(c.serverMs).toLocaleString("en")} ms` : "");
  const loadCell = (l: number | undefined) => (l === undefined ? "" : l.toFixed(1));
  const rows: (readonly [string, number, number | null, string, string])[] = [
    ["Import 1,000 tables × 20 columns with FKs, end to end", results.importMs, TARGETS.importMs, loadCell(load.import), cpuCell(cpu.import)],
    ["… the raw catalog query alone (floor)", results.importCatalogMs, null, "", ""],
    ["Drift, 5,000 tables × 20 columns (median of 3)", results.driftMs, TARGETS.driftMs, loadCell(load.driftAndPlan), cpuCell(cpu.drift)],
    ["Plan, 5,000 tables into an empty database (median of 3)", results.planMs, TARGETS.planMs, loadCell(load.driftAndPlan), cpuCell(cpu.plan)],
    ["… the raw catalog query alone, 5,000 tables (floor)", results.catalogMs, null, "", ""],
    ...pages.map(
      (p) =>
        [`${p.name} page, 5,000 tables: interactive + click answered (median of 3; first ${Math.round(p.firstMs).toLocaleString("en")} ms; ${p.documentKb} kB document; browser cache warm ${Math.round(p.warmBrowserMs).toLocaleString("en")} ms)`, p.medianMs, TARGETS.pageMs, loadCell(load.pages), ""] as const,
    ),
  ];
  console.log(`\nload average at the end: ${os.loadavg().map((l) => l.toFixed(1)).join(", ")} (${os.cpus().length} cores)`);
  console.log("\n| Measure | Result | Load (1 min) | CPU used (node + PostgreSQL) | Target |\n| --- | --- | --- | --- | --- |");
  for (const [name, ms, target, l, c] of rows) console.log(`| ${name} | ${Math.round(ms).toLocaleString("en")} ms | ${l} | ${c} | ${target ? `< ${target / 1000} s` : "(info)"} |`);
  mkdirSync("test-results", { recursive: true });
  writeFileSync(path.join("test-results", "bench-sync.json"), JSON.stringify({ at: new Date().toISOString(), load: os.loadavg(), loadAt: load, results, cpu, pages, targets: TARGETS }, null, 2));
}

/** The Import, Drift and Plan pages on the 5,000 tables (sync-pages.ts). */
function pagesOn(client: pg.Client, databaseUrl: string): Promise<PageResult[]> {
  return withPagesData(client, () => measureSyncPages(PORT, databaseUrl, log));
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
