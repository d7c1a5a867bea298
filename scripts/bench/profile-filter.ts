/**
 * `npx tsx scripts/bench/profile-filter.ts [tables|columns|both] [rounds] [--trace]`: where a filter keystroke's
 * time goes. Starts the editor on the benchmark's data set (as `npm run bench`), then for each grid and round loads
 * the page afresh and types the bench's 20 keys (scripts/bench/filter.ts), as `npm run bench` does after its page
 * loads. Prints each round's p50 / p95 / max and, per keystroke, its time, the rows matched and in the DOM, and
 * what React rendered before the paint (commits, grid rows rendered, rows mounted: RENDER_COUNT_PROBE). With
 * --trace the last round of each grid runs inside a Chromium trace (CDP Tracing with the JavaScript sampler):
 * each keystroke split into script, style, layout and paint, and the functions that took the script time of the
 * keystrokes over 30 ms; the trace is written to test-results/profile-filter-<grid>.json. A build made with
 * `next build --no-mangling` gives readable names. BENCH_PORT / BENCH_PG_PORT as for the bench.
 */
import { writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type Page } from "playwright-core";
import { fill } from "./fill";
import { FILTER_KEYS, measureFilter } from "./filter";
import { INTERACTIVE_PROBE, RENDER_COUNT_PROBE } from "./probes";
import { chromiumLaunchOptions, partServerOptions, round, runScript, withFreshEditor } from "./server";
import { startTrace, summariseTrace, TRACE_CATEGORIES } from "./trace-summary";

const args = process.argv.slice(2).filter((a) => !a.startsWith("--"));
const GRIDS: ("tables" | "columns")[] = args[0] === "tables" || args[0] === "columns" ? [args[0]] : ["tables", "columns"];
const ROUNDS = Number(args[1] ?? 3);
const TRACE = process.argv.includes("--trace");
const log = (line: string) => console.log(`[profile-filter] ${line}`);
const RESULTS_DIR = path.resolve("test-results");
const DATA_DIR = path.resolve(".data/bench-profile-filter");

// Marks each measured keydown (once the filter probe is installed) in the trace, with how long after the event's own
// timestamp the mark was made.
const MARK_KEYS = `document.addEventListener("keydown", (e) => {
  if (window.__benchFilter && e.target instanceof HTMLInputElement && e.target.type === "search")
    performance.mark("filter-key:" + (performance.now() - e.timeStamp).toFixed(3));
}, true);`;

interface Commit {
  t: number;
  rows: number;
  rowProps: Record<string, number>;
}

async function round1(page: Page, url: string, grid: "tables" | "columns", traced: boolean) {
  await page.goto(url, { waitUntil: "commit" });
  await page.waitForFunction("window.__bench && window.__bench.interactiveAt !== null", undefined, { timeout: 60_000 });
  await page.waitForTimeout(300);
  const [filterLabel, gridLabel] = grid === "tables" ? ["Filter tables", "Tables"] : ["Filter columns", "Columns"];
  const trace = traced
    ? await startTrace(await page.context().newCDPSession(page), [...TRACE_CATEGORIES, "disabled-by-default-v8.cpu_profiler.hires"])
    : null;
  await page.evaluate("window.__renders.length = 0");
  const result = await measureFilter(page, filterLabel, gridLabel, FILTER_KEYS[grid]);
  const raw = (await page.evaluate("window.__benchFilter.results")) as { t0: number; tPaint: number; ms: number }[];
  const commits = (await page.evaluate("window.__renders")) as Commit[];
  const events = trace ? await trace.stop() : null;
  log(
    `${grid}: p50 ${round(result.p50Ms)} / p95 ${round(result.p95Ms)} / max ${round(result.maxMs)} ms ` +
      `(load ${os.loadavg()[0].toFixed(2)})`,
  );
  for (const [i, s] of result.samples.entries()) {
    const mine = commits.filter((c) => c.t >= raw[i].t0 && c.t <= raw[i].tPaint);
    const mounted = mine.reduce((n, c) => n + (c.rowProps["(mounted)"] ?? 0), 0);
    log(
      `  ${JSON.stringify(s.value).padEnd(14)} ${String(s.ms).padStart(6)} ms  matched ${String(s.rowCount).padStart(5)}, ` +
        `in the DOM ${String(s.rendered).padStart(3)}; ${mine.length} commits, rows rendered ` +
        `${mine.map((c) => c.rows).join("/") || "-"}, mounted ${mounted}`,
    );
  }
  if (events) {
    const file = path.join(RESULTS_DIR, `profile-filter-${grid}.json`);
    writeFileSync(file, JSON.stringify({ traceEvents: events }));
    log(`trace: ${path.relative(process.cwd(), file)} (${events.length} events)`);
    const summary = summariseTrace(events, raw, "filter-key:");
    const slow = new Map<string, number>();
    for (const [i, s] of summary.entries()) {
      log(
        `  key ${i + 1} ${round(s.ms, 1)} ms: script ${round(s.script, 1)}, style ${round(s.style, 1)}, layout ` +
          `${round(s.layout, 1)}, paint ${round(s.paint, 1)}, other ${round(s.other, 1)}, idle ${round(s.idle, 1)}; ` +
          `CPU main ${round(s.mainCpu, 1)}, other threads ${round(s.otherCpu, 1)}`,
      );
      if (s.ms <= 30) continue;
      for (const [fn, ms] of s.functions) slow.set(fn, (slow.get(fn) ?? 0) + ms);
      const top = [...s.functions].sort((a, b) => b[1] - a[1]).slice(0, 12);
      log(`    ${top.map(([fn, ms]) => `${fn.split(" ")[0]} ${round(ms, 1)}`).join(", ")}`);
    }
    log("self time summed over the keystrokes over 30 ms, by function (sampled):");
    for (const [fn, ms] of [...slow].sort((a, b) => b[1] - a[1]).slice(0, 30)) log(`  ${round(ms, 2).toFixed(2).padStart(7)} ms  ${fn}`);
  }
  return result;
}

async function main() {
  const options = partServerOptions(DATA_DIR, "profile-filter-server.log");
  await withFreshEditor(options, log, fill, async (server, data) => {
    const browser = await chromium.launch({ ...chromiumLaunchOptions(), headless: true });
    try {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, bypassCSP: true });
      await context.addInitScript({ content: INTERACTIVE_PROBE });
      await context.addInitScript({ content: RENDER_COUNT_PROBE });
      await context.addInitScript({ content: MARK_KEYS });
      const page = await context.newPage();
      for (const grid of GRIDS) {
        const url = grid === "tables" ? `${server.base}/tables` : `${server.base}/tables/${data.wideTableId}`;
        const p95s: number[] = [];
        for (let r = 0; r < ROUNDS; r++) p95s.push((await round1(page, url, grid, TRACE && r === ROUNDS - 1)).p95Ms);
        log(`${grid}: p95 per round ${p95s.map((x) => round(x)).join(", ")} ms`);
      }
    } finally {
      await browser.close();
    }
  });
}

runScript("[profile-filter] failed:", main);
