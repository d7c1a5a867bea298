/**
 * `npx tsx scripts/bench/profile-edit.ts [columns|tables] [edits]`: where a cell edit's time goes. Starts the editor
 * on the benchmark's data set (as `npm run bench:cells`), makes a few warm-up edits in the chosen grid, then
 * `edits` more while Chromium records a performance trace (CDP Tracing, with the JavaScript sampler). Prints, per
 * edit, the time from the committing Enter to the new value painted, split into script (by the functions that
 * took it), style, layout, paint and the server action's round trip; writes the trace to
 * test-results/profile-edit-<grid>.json (open it in Chromium's Performance panel). A build made with
 * `next build --no-mangling` gives readable function names. BENCH_PORT / BENCH_PG_PORT as for the bench.
 * The server runs with METADATA_EDITOR_TIMING=1 (lib/server-timing.ts): the medians of the profiled edits' server
 * parts (locale, parse, connect, the UPDATE with its triggers and the row returned; BEGIN, the lock and COMMIT when
 * the edit needs a transaction) are printed too, and what React rendered for each profiled edit: its commits, the
 * grid rows and cells rendered, which row props had changed, the components by name (RENDER_COUNT_PROBE).
 */
import { readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type Page } from "playwright-core";
import { fill } from "./fill";
import { armEditProbe, INTERACTIVE_PROBE, RENDER_COUNT_PROBE } from "./probes";
import { chromiumLaunchOptions, partServerOptions, round, runScript, withFreshEditor } from "./server";
import { startTrace, summariseTrace, TRACE_CATEGORIES } from "./trace-summary";

const GRID = process.argv[2] === "tables" ? "tables" : "columns";
const EDITS = Number(process.argv[3] ?? 5);
const log = (line: string) => console.log(`[profile-edit] ${line}`);
const RESULTS_DIR = path.resolve("test-results");
const DATA_DIR = path.resolve(".data/bench-profile");

// Marks the committing keydown in the trace, with how long after the event's own timestamp the mark was made.
const MARK_COMMIT = `(() => {
  const onKey = (e) => {
    if (e.key !== "Enter" || !(e.target instanceof Element) || !e.target.matches("[data-editor]")) return;
    document.removeEventListener("keydown", onKey, true);
    performance.mark("edit-commit:" + (performance.now() - e.timeStamp).toFixed(3));
  };
  document.addEventListener("keydown", onKey, true);
})()`;

async function edit(page: Page, testId: string, gridLabel: string, value: string) {
  await page.evaluate(armEditProbe(testId, value, gridLabel));
  await page.evaluate(MARK_COMMIT);
  await page.getByTestId(testId).click();
  await page.keyboard.press("Enter");
  await page.locator(`[data-testid="${testId}"] [data-editor]`).waitFor({ timeout: 10_000 });
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.insertText(value);
  await page.evaluate("window.__renders.length = 0");
  await page.keyboard.press("Enter");
  await page.waitForFunction("window.__benchEdit.done || window.__benchEdit.error", undefined, { timeout: 30_000, polling: 10 });
  const state = (await page.evaluate("window.__benchEdit")) as { ms: number; tPaint: number; error: string | null };
  if (state.error) throw new Error(`the edit failed: ${state.error}`);
  const renders = (await page.evaluate("window.__renders")) as Commit[];
  await page.waitForTimeout(300);
  return { ...state, renders: renders.filter((r) => r.t <= state.tPaint) };
}

/** One React commit as RENDER_COUNT_PROBE saw it. */
interface Commit {
  t: number;
  components: Record<string, number>;
  rows: number;
  cells: number;
  rowProps: Record<string, number>;
}

/** What React rendered between the committing Enter and the saved value painted. */
function describeRenders(commits: Commit[]): string {
  const components = new Map<string, number>();
  for (const c of commits) for (const [name, n] of Object.entries(c.components)) components.set(name, (components.get(name) ?? 0) + n);
  const top = [...components].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([name, n]) => `${name} ${n}`).join(", ");
  const props = commits.map((c) => Object.entries(c.rowProps).map(([key, n]) => `${key} ${n}`).join(" ") || "-").join(" / ");
  return (
    `${commits.length} commits; grid rows rendered per commit ${commits.map((c) => c.rows).join("/")} ` +
    `(cells ${commits.map((c) => c.cells).join("/")}; changed row props ${props}); components: ${top}`
  );
}

/** Medians of the last `count` `[timing]` lines of the server log, part by part. */
function serverParts(logFile: string, count: number): string {
  const lines = readFileSync(logFile, "utf8").split("\n").filter((l) => l.startsWith("[timing] ")).slice(-count);
  const parts = new Map<string, number[]>();
  for (const line of lines) {
    const total = /total ([\d.]+) ms/.exec(line);
    if (total) parts.set("total", [...(parts.get("total") ?? []), Number(total[1])]);
    for (const [, name, ms] of line.split(" ms: ")[1]?.matchAll(/(\w+) ([\d.]+)/g) ?? []) parts.set(name, [...(parts.get(name) ?? []), Number(ms)]);
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  return [...parts].map(([name, xs]) => `${name} ${round(median(xs), 1)}`).join(", ");
}

async function main() {
  process.env.METADATA_EDITOR_TIMING = "1";
  const options = partServerOptions(DATA_DIR, "profile-edit-server.log");
  const { logFile } = options;
  await withFreshEditor(options, log, fill, async (server, data) => {
    const browser = await chromium.launch({ ...chromiumLaunchOptions(), headless: true });
    try {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, bypassCSP: true });
      await context.addInitScript({ content: INTERACTIVE_PROBE });
      await context.addInitScript({ content: RENDER_COUNT_PROBE });
      const page = await context.newPage();
      const [url, gridLabel, testId] =
        GRID === "tables"
          ? [`${server.base}/tables`, "Tables", `cell-${data.editTableId}-label`]
          : [`${server.base}/tables/${data.wideTableId}`, "Columns", `cell-${data.editColumnId}-label`];
      await page.goto(url, { waitUntil: "commit" });
      await page.waitForFunction("window.__bench && window.__bench.interactiveAt !== null", undefined, { timeout: 60_000 });
      await page.getByTestId(testId).scrollIntoViewIfNeeded();
      for (let i = 0; i < 5; i++) await edit(page, testId, gridLabel, `Warm ${i} ${Date.now() % 100000}`);
      const trace = await startTrace(await context.newCDPSession(page), [...TRACE_CATEGORIES, "disabled-by-default-v8.cpu_profiler.hires"]);
      const edits: Awaited<ReturnType<typeof edit>>[] = [];
      for (let i = 0; i < EDITS; i++) edits.push(await edit(page, testId, gridLabel, `Profiled ${i} ${Date.now() % 100000}`));
      const events = await trace.stop();
      const file = path.join(RESULTS_DIR, `profile-edit-${GRID}.json`);
      writeFileSync(file, JSON.stringify({ traceEvents: events, edits: edits.map(({ renders: _, ...e }) => e) }));
      log(`trace: ${path.relative(process.cwd(), file)} (${events.length} events); load ${os.loadavg()[0].toFixed(2)}`);
      const summary = summariseTrace(events, edits);
      for (const [i, s] of summary.entries()) {
        log(`edit ${i + 1} rendered: ${describeRenders(edits[i].renders)}`);
        log(
          `edit ${round(s.ms, 1)} ms: script ${round(s.script, 1)}, style ${round(s.style, 1)}, layout ${round(s.layout, 1)}, ` +
            `paint ${round(s.paint, 1)}, other ${round(s.other, 1)}, idle ${round(s.idle, 1)}; CPU: main thread ` +
            `${round(s.mainCpu, 1)}, the page's other threads ${round(s.otherCpu, 1)}`,
        );
      }
      const top = new Map<string, number>();
      for (const s of summary) for (const [fn, ms] of s.functions) top.set(fn, (top.get(fn) ?? 0) + ms / summary.length);
      log(`server action, medians of the profiled edits (ms): ${serverParts(logFile, EDITS)}`);
      log("self time per edit by function (sampled):");
      for (const [fn, ms] of [...top].sort((a, b) => b[1] - a[1]).slice(0, 40)) log(`  ${round(ms, 2).toFixed(2).padStart(7)} ms  ${fn}`);
    } finally {
      await browser.close();
    }
  });
}

runScript("[profile-edit] failed:", main);
