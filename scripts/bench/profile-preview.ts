/**
 * `npx tsx scripts/bench/profile-preview.ts [runs]`: where the Form preview's time goes on the 2,000-column table.
 * Starts the editor on the benchmark's data set (as `npm run bench:codegen`), then per run opens the table page,
 * waits until it is hydrated, and clicks the Form preview tab while Chromium records a performance trace. Prints,
 * per run, click → the fields in view painted, split into script (by the functions that took it), style, layout,
 * paint and the main thread waiting, and the server action's round trip (request sent → first byte → last byte,
 * response size). Writes the trace to test-results/profile-preview.json (Chromium's Performance panel).
 * PROFILE_AT_LOAD=1 traces clicks made at the load event instead. PROFILE_KEEP=1 keeps the filled data folder between runs (.data/bench-profile-preview) and skips the fill.
 * BENCH_PORT / BENCH_PG_PORT as for the bench.
 */
import { existsSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type pg from "pg";
import { chromium, type Page, type Request } from "playwright-core";
import { encodeForm } from "../../lib/codegen/form-wire";
import { tableForm } from "../../lib/codegen/generate";
import { loadTableCodegenInput } from "../../lib/metadata/codegen-input";
import { fill, WIDE_TABLE } from "./fill";
import { INTERACTIVE_PROBE } from "./probes";
import { chromiumLaunchOptions, partServerOptions, connect, median, round, runningUrl, serverUp, startServer, stopServer, waitFor } from "./server";
import { startTrace, summariseTrace, TRACE_CATEGORIES } from "./trace-summary";

const RUNS = Number(process.argv[2] ?? 3);
const KEEP = process.env.PROFILE_KEEP === "1";
/** PROFILE_AT_LOAD=1: the traced clicks come at the load event too (to see what the page still does then). */
const TRACE_AT_LOAD = process.env.PROFILE_AT_LOAD === "1";
const log = (line: string) => console.log(`[profile-preview] ${line}`);
const RESULTS_DIR = path.resolve("test-results");
const DATA_DIR = path.resolve(".data/bench-profile-preview");
const MARK = "preview-click:";

/**
 * Armed before each click: marks the tab's click in the trace (with how long after the event's timestamp), then
 * records in window.__preview.ms the time from the click event to the frame after the form's first control
 * appeared (its paint done: a MessageChannel message after that requestAnimationFrame).
 */
const ARM = `(() => {
  const P = (window.__preview = { ms: null });
  const onClick = (e) => {
    if (!(e.target instanceof Element) || !e.target.closest('[role="tab"]')) return;
    document.removeEventListener("click", onClick, true);
    const t0 = e.timeStamp;
    performance.mark(${JSON.stringify(MARK)} + (performance.now() - t0).toFixed(3));
    const found = () => document.querySelector("form[aria-label$='form preview'] :is(input, select, textarea, [role=radiogroup])");
    const done = () => requestAnimationFrame(() => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => (P.ms = performance.now() - t0);
      ch.port2.postMessage(null);
    });
    if (found()) return done();
    const observer = new MutationObserver(() => {
      if (!found()) return;
      observer.disconnect();
      done();
    });
    observer.observe(document.body, { childList: true, subtree: true });
  };
  document.addEventListener("click", onClick, true);
})()`;

/** `hydrated`: the click waits until the page is hydrated; otherwise it comes at the load event, as in the bench. */
async function previewOnce(page: Page, url: string, hydrated = true) {
  await page.goto(url, { waitUntil: hydrated ? "commit" : "load" });
  if (hydrated) await page.waitForFunction("window.__bench && window.__bench.interactiveAt !== null", undefined, { timeout: 60_000 });
  await page.evaluate(ARM);
  const actions: Request[] = [];
  const onRequest = (r: Request) => void (r.method() === "POST" && r.headers()["next-action"] && actions.push(r));
  page.on("request", onRequest);
  await page.getByRole("tab", { name: "Form preview" }).click();
  await page.waitForFunction("window.__preview.ms !== null", undefined, { timeout: 60_000, polling: 10 });
  page.off("request", onRequest);
  const ms = (await page.evaluate("window.__preview.ms")) as number;
  const requests = [];
  for (const r of actions) {
    const sizes = await r.sizes().catch(() => ({ responseBodySize: NaN }));
    const t = r.timing();
    requests.push({ waitMs: t.responseStart - t.requestStart, downloadMs: t.responseEnd - t.responseStart, kb: sizes.responseBodySize / 1024 });
  }
  return { ms, requests };
}

/** The action's work in this process (same functions, same database): loading, resolving, building and encoding the form (uncached). */
async function serverSide(client: pg.Client, tableId: number) {
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    const input = await loadTableCodegenInput(tableId, client);
    const t1 = performance.now();
    const { form, problems } = tableForm(input, tableId);
    const t2 = performance.now();
    const json = JSON.stringify({ form: form && encodeForm(form), problems });
    const t3 = performance.now();
    log(`in node: load ${round(t1 - t0, 0)} ms (${input.tables.length} tables), resolve + form ${round(t2 - t1, 0)} ms, encode + JSON ${round(t3 - t2, 0)} ms, ${round(json.length / 1024, 0)} kB`);
  }
}

async function main() {
  // The database folder a PROFILE_KEEP run left (running.json is gone once its server stopped).
  const reuse = KEEP && existsSync(path.join(DATA_DIR, "data"));
  if (!reuse) rmSync(DATA_DIR, { recursive: true, force: true });
  const server = startServer(partServerOptions(DATA_DIR, "profile-preview-server.log"));
  try {
    const dbUrl = await waitFor("embedded PostgreSQL (running.json)", server, 120_000, () => runningUrl(server));
    const client = await connect(dbUrl, log);
    let wideTableId: number;
    try {
      const found = await client.query<{ id: string }>("SELECT id FROM _metadata.mappings_table WHERE table_name = $1", [WIDE_TABLE]).catch(() => ({ rows: [] }));
      wideTableId = found.rows.length ? Number(found.rows[0].id) : (await fill(client)).wideTableId;
      await serverSide(client, wideTableId);
    } finally {
      await client.end();
    }
    await waitFor("answer from the editor", server, 900_000, () => serverUp(server));
    const browser = await chromium.launch({ ...chromiumLaunchOptions(), headless: true });
    try {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, bypassCSP: true });
      await context.addInitScript({ content: INTERACTIVE_PROBE });
      const page = await context.newPage();
      const url = `${server.base}/tables/${wideTableId}`;
      log(`warm-up: ${Math.round((await previewOnce(page, url)).ms)} ms`);
      const atLoad: number[] = [];
      for (let i = 0; i < RUNS; i++) atLoad.push((await previewOnce(page, url, false)).ms);
      log(`clicked at the load event (as the bench): ${atLoad.map((ms) => Math.round(ms)).join(", ")} ms`);
      const trace = await startTrace(await context.newCDPSession(page), [...TRACE_CATEGORIES, "disabled-by-default-v8.cpu_profiler.hires"]);
      const runs: Awaited<ReturnType<typeof previewOnce>>[] = [];
      for (let i = 0; i < RUNS; i++) runs.push(await previewOnce(page, url, !TRACE_AT_LOAD));
      const events = await trace.stop();
      const file = path.join(RESULTS_DIR, "profile-preview.json");
      writeFileSync(file, JSON.stringify({ traceEvents: events, runs }));
      log(`trace: ${path.relative(process.cwd(), file)} (${events.length} events); load ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}`);
      const summary = summariseTrace(events, runs, MARK);
      summary.forEach((s, i) => {
        const req = runs[i].requests.map((r) => `server ${round(r.waitMs, 0)} ms + download ${round(r.downloadMs, 0)} ms, ${round(r.kb, 0)} kB`).join("; ");
        log(
          `click → drawn ${round(s.ms, 0)} ms: script ${round(s.script, 0)}, style ${round(s.style, 0)}, layout ${round(s.layout, 0)}, ` +
            `paint ${round(s.paint, 0)}, other ${round(s.other, 0)}, idle ${round(s.idle, 0)}; action: ${req}`,
        );
      });
      log(`median ${round(median(runs.map((r) => r.ms)), 0)} ms`);
      const top = new Map<string, number>();
      for (const s of summary) for (const [fn, ms] of s.functions) top.set(fn, (top.get(fn) ?? 0) + ms / summary.length);
      log("self time per run by function (sampled):");
      for (const [fn, ms] of [...top].sort((a, b) => b[1] - a[1]).slice(0, 30)) log(`  ${round(ms, 2).toFixed(2).padStart(7)} ms  ${fn}`);
    } finally {
      await browser.close();
    }
  } finally {
    await stopServer(server, log);
    if (!KEEP) rmSync(DATA_DIR, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(`[profile-preview] failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);
