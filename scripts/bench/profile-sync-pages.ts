/**
 * `npx tsx scripts/bench/profile-sync-pages.ts [Import|Drift|Plan …]`: where a Database page's time goes between
 * navigation and "interactive" (scripts/bench/sync-pages.ts's definition). Runs on the databases the last
 * `npm run bench:sync` left (as `-- --pages-only`); per page: one untraced load (the server's kept drift / plan
 * warm), then one load in a fresh browser context while Chromium records a performance trace. Prints the
 * document and each script (bytes on the wire and decoded, when it arrived, its compile + evaluation on the main
 * thread), the main thread's time by kind before hydration, its long tasks (with what ran in them), the DOM nodes
 * and the click. Writes the traces to test-results/profile-sync-<page>.json (Chromium's Performance panel).
 * BENCH_PORT / BENCH_PG_PORT as for the bench.
 */
import { writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { chromium, type Response } from "playwright-core";
import { startEmbedded } from "../../lib/db/embedded";
import { chromiumLaunchOptions, round } from "./server";
import { browserSettled, clickProbe, interactiveProbe, startEditor, stopEditor, SYNC_PAGES, waitForEditor, withPagesData } from "./sync-pages";
import { startTrace, summariseTrace, TRACE_CATEGORIES, type TraceEvent } from "./trace-summary";

const PG_PORT = Number(process.env.BENCH_PG_PORT ?? 55660);
const PORT = Number(process.env.BENCH_PORT ?? 21660);
const log = (line: string) => console.log(`[profile-sync] ${line}`);
const MARK = "nav-start:";
const wanted = process.argv.slice(2);

interface Fetched {
  url: string;
  type: string;
  wireKb: number;
  kb: number;
  /** Request start and response end, ms from navigation start. */
  startMs: number;
  endMs: number;
}

/** The page's main thread (the renderer's CrRendererMain of the page's process) from the trace's metadata. */
function mainThread(events: TraceEvent[], pid: number): number | undefined {
  return events.find((e) => e.ph === "M" && e.name === "thread_name" && e.pid === pid && e.args?.name === "CrRendererMain")?.tid;
}

async function profilePage(base: string, p: (typeof SYNC_PAGES)[number]) {
  const browser = await chromium.launch({ ...chromiumLaunchOptions(), headless: true });
  try {
    // Untraced: the server computes (or confirms) its kept result, as the bench's median loads find it.
    const warm = await browser.newContext();
    const warmPage = await warm.newPage();
    await warmPage.goto(`${base}/${p.path}`, { waitUntil: "load", timeout: 120_000 });
    await warm.close();

    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto("about:blank");
    await browserSettled();
    await page.addInitScript(`performance.mark(${JSON.stringify(MARK)} + performance.now().toFixed(3));`);
    await page.addInitScript(interactiveProbe(p));
    const fetched: Promise<Fetched | null>[] = [];
    page.on("response", (r: Response) => {
      fetched.push(
        (async () => {
          const body = await r.body().catch(() => null);
          const sizes = await r.request().sizes().catch(() => null);
          const t = r.request().timing();
          return {
            url: r.url(),
            type: r.request().resourceType(),
            wireKb: (sizes?.responseBodySize ?? 0) / 1024,
            kb: (body?.length ?? 0) / 1024,
            startMs: t.startTime,
            endMs: t.responseEnd,
          };
        })(),
      );
    });
    const trace = await startTrace(await context.newCDPSession(page), [...TRACE_CATEGORIES, "disabled-by-default-devtools.timeline.stack"]);
    const navAt = Date.now();
    await page.goto(`${base}/${p.path}`, { waitUntil: "commit", timeout: 120_000 });
    // Polled with evaluate: waitForFunction's string form is an eval the page's CSP refuses.
    for (const until = Date.now() + 120_000; !(await page.evaluate("!!(window.__syncBench && window.__syncBench.hydratedAt !== null)")); ) {
      if (Date.now() > until) throw new Error(`${p.name}: not interactive within 120 s`);
      await page.waitForTimeout(50);
    }
    const at = (await page.evaluate("window.__syncBench")) as { listAt: number; hydratedAt: number };
    const nodes = (await page.evaluate("document.getElementsByTagName('*').length")) as number;
    const click = (await page.evaluate(clickProbe(p))) as number;
    await page.waitForTimeout(500);
    const events = await trace.stop();
    const file = path.resolve("test-results", `profile-sync-${p.name.toLowerCase()}.json`);
    writeFileSync(file, JSON.stringify({ traceEvents: events }));
    await context.close();

    const resources = (await Promise.all(fetched)).filter((f): f is Fetched => f !== null);
    // Playwright's timing: startTime is the epoch ms of the request; the rest are ms after it.
    const rel = (f: Fetched) => ({ ...f, startMs: f.startMs - navAt, endMs: f.startMs - navAt + f.endMs });
    const list = resources.map(rel);
    log(`── ${p.name}: list ${round(at.listAt, 0)} ms, hydrated ${round(at.hydratedAt, 0)} ms, click ${round(click, 0)} ms; ${nodes} DOM elements; load ${os.loadavg()[0].toFixed(1)}`);
    const scripts = list.filter((f) => f.type === "script");
    const doc = list.find((f) => f.type === "document");
    if (doc) log(`document: ${round(doc.wireKb, 0)} kB on the wire, ${round(doc.kb, 0)} kB decoded, arrived ${round(doc.endMs, 0)} ms`);
    log(`${scripts.length} scripts: ${round(scripts.reduce((s, f) => s + f.wireKb, 0), 0)} kB on the wire, ${round(scripts.reduce((s, f) => s + f.kb, 0), 0)} kB decoded; last arrived ${round(Math.max(...scripts.map((f) => f.endMs)), 0)} ms`);

    // Compile + evaluation per script URL on the page's main thread.
    const markEvent = events.find((e) => e.name.startsWith(MARK));
    const pid = markEvent?.pid ?? -1;
    const tid = mainThread(events, pid) ?? markEvent?.tid ?? -1;
    const navTs = markEvent ? markEvent.ts - Number(markEvent.name.slice(MARK.length)) * 1000 : 0;
    const evalMs = new Map<string, number>();
    for (const e of events) {
      if (e.pid !== pid || e.tid !== tid || e.ph !== "X" || !e.dur) continue;
      if (e.name !== "EvaluateScript" && e.name !== "v8.compile") continue;
      const url = String((e.args?.data as { url?: string } | undefined)?.url ?? (e.args as { fileName?: string } | undefined)?.fileName ?? "");
      evalMs.set(url, (evalMs.get(url) ?? 0) + e.dur / 1000);
    }
    for (const f of [...scripts].sort((a, b) => b.kb - a.kb)) {
      log(`  ${round(f.kb, 0).toString().padStart(5)} kB (${round(f.wireKb, 0)} wire) ${round(f.startMs, 0)}→${round(f.endMs, 0)} ms, evaluated ${round(evalMs.get(f.url) ?? 0, 0)} ms  ${f.url.split("/").pop()}`);
    }
    const [summary] = summariseTrace(events, [{ ms: at.hydratedAt }], MARK);
    if (summary) {
      log(
        `navigation → hydrated (${round(summary.ms, 0)} ms), main thread: script ${round(summary.script, 0)}, style ${round(summary.style, 0)}, ` +
          `layout ${round(summary.layout, 0)}, paint ${round(summary.paint, 0)}, other ${round(summary.other, 0)}, idle ${round(summary.idle, 0)}; CPU ${round(summary.mainCpu, 0)} ms`,
      );
    }
    // Top-level tasks of the main thread over 30 ms before hydration, and the biggest events inside each.
    const tasks = events
      .filter((e) => e.pid === pid && e.tid === tid && e.ph === "X" && e.name === "RunTask" && (e.dur ?? 0) > 30_000)
      .filter((e) => e.ts - navTs < at.hydratedAt * 1000)
      .sort((a, b) => a.ts - b.ts);
    for (const task of tasks) {
      const inside = events
        .filter((e) => e.pid === pid && e.tid === tid && e.ph === "X" && e.name !== "RunTask" && e.ts >= task.ts && e.ts + (e.dur ?? 0) <= task.ts + task.dur! && (e.dur ?? 0) > 5_000)
        .sort((a, b) => b.dur! - a.dur!)
        .slice(0, 4)
        .map((e) => `${e.name}${(e.args?.data as { url?: string } | undefined)?.url ? ` ${String((e.args!.data as { url: string }).url).split("/").pop()}` : ""} ${round(e.dur! / 1000, 0)}`);
      log(`  task at ${round((task.ts - navTs) / 1000, 0)} ms: ${round(task.dur! / 1000, 0)} ms (${inside.join(", ")})`);
    }
    const top = [...(summary?.functions ?? new Map<string, number>())].sort((a, b) => b[1] - a[1]).slice(0, 15);
    log("self time before hydration by function (sampled):");
    for (const [fn, ms] of top) log(`  ${round(ms, 1).toFixed(1).padStart(7)} ms  ${fn}`);
    log(`trace: ${path.relative(process.cwd(), file)}`);
  } finally {
    await browser.close();
  }
}

async function main() {
  const db = await startEmbedded({ dir: ".data/bench-sync", port: PG_PORT, log });
  const url = db.url.replace(/\/[^/?]+(\?|$)/, "/sync_bench$1");
  const client = new pg.Client({ connectionString: url });
  client.on("error", (error) => log(`connection lost: ${error.message}`));
  try {
    await client.connect();
    await withPagesData(client, async () => {
      const editor = startEditor(PORT, url);
      try {
        const base = await waitForEditor(PORT, editor);
        for (const p of SYNC_PAGES.filter((x) => wanted.length === 0 || wanted.includes(x.name))) await profilePage(base, p);
      } finally {
        await stopEditor(editor);
      }
    });
  } finally {
    await client.end();
    await db.stop();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(`[profile-sync] failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);
