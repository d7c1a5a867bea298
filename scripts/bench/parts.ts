/**
 * `npm run bench:codegen` / `npm run bench:diagram` / `npm run bench:cells`: one part of `npm run bench` on its own (the full run takes
 * long and measures the grids first). Same editor, data set and measurements as the full run: the editor on its
 * own embedded PostgreSQL (.data/bench-<part>, wiped), filled with 5,000 tables × 20 columns, the 2,000-column
 * table and 5,000 relations; then
 *   codegen  all targets generated (load + generate, prettier), the Form preview of the 2,000-column table,
 *            metadata:generate --watch latency (COMMIT → file rewritten);
 *   diagram  the 5,000-table model's limited mode, then 300 tables × 20 columns with 500 relations;
 *   cells    the cell edit round trip on the 2,000-column grid (30 edits) and on the 5,000-row Tables grid (10).
 * Prints the rows with the load average beside them and writes test-results/bench-<part>.json. Exit code 0 whether
 * or not the targets are met. BENCH_PORT / BENCH_PG_PORT change the ports (20161 / 54361).
 */
import { writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type pg from "pg";
import { chromium } from "playwright-core";
import { codegenRows, measureCodegen } from "./codegen";
import { diagramRows, runDiagramBench } from "./diagram";
import { cellRows, measureCells } from "./edits";
import { fill } from "./fill";
import { chromiumLaunchOptions, partServerOptions, connect, round, runScript, withFreshEditor } from "./server";

const PART = process.argv[2];
if (PART !== "codegen" && PART !== "diagram" && PART !== "cells") {
  console.error("usage: tsx scripts/bench/parts.ts codegen|diagram|cells");
  process.exit(2);
}
const log = (line: string) => console.log(`[bench:${PART}] ${line}`);
const RESULTS_DIR = path.resolve("test-results");
const DATA_DIR = path.resolve(`.data/bench-${PART}`);
const ms = (n: number) => `${round(n, 0)} ms`;
const load = () => os.loadavg().map((l) => l.toFixed(2)).join(" ");

async function main() {
  const options = partServerOptions(DATA_DIR, `bench-${PART}-server.log`);
  const filled = async (client: pg.Client) => {
    const data = await fill(client);
    log(`filled in ${ms(data.ms)}: ${data.counts.tables} tables, ${data.counts.columns} columns, ${data.counts.relations} relations`);
    return data;
  };
  await withFreshEditor(options, log, filled, async (server, data, dbUrl) => {
    const launch = () => chromium.launch({ ...chromiumLaunchOptions(), headless: true });
    const before = load();
    let rows: { metric: string; value: string; target: string; status: string }[];
    let results: unknown;
    if (PART === "codegen") {
      const browser = await launch();
      try {
        const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
        const codegen = await measureCodegen(page, server.base, dbUrl, data.wideTableId, log);
        rows = codegenRows(codegen, ms, (ok) => (ok ? "ok" : "MISSED"));
        results = codegen;
      } finally {
        await browser.close();
      }
    } else if (PART === "cells") {
      const browser = await launch();
      try {
        const cells = await measureCells(browser, server.base, data, log);
        rows = cellRows(cells, ms);
        results = cells;
      } finally {
        await browser.close();
      }
    } else {
      const diagram = await runDiagramBench(launch, (url) => connect(url, log), dbUrl, server.base, "customer_042");
      rows = diagramRows(diagram);
      results = diagram;
    }
    const after = load();
    console.log("");
    for (const r of rows) console.log(`${r.status.padEnd(6)} ${r.metric}: ${r.value} (target ${r.target})`);
    console.log(`\nLoad average (1/5/15 min) before: ${before}, after: ${after} on ${os.cpus().length} cores`);
    writeFileSync(
      path.join(RESULTS_DIR, `bench-${PART}.json`),
      JSON.stringify({ date: new Date().toISOString(), loadBefore: before, loadAfter: after, rows, results }, null, 2) + "\n",
    );
  });
}

runScript(`[bench:${PART}] ❌ the benchmark failed:`, main);
