/**
 * `npx tsx scripts/bench/profile-diagram.ts [runs] [--trace]`: where the 300-table diagram's time goes. Starts the
 * editor on a database holding only the bench's diagram model (300 tables × 20 columns, 500 relations: no 5,000-table
 * fill first, so it is quick to repeat), then `runs` times in a fresh browser context: first layout (page mount →
 * laid out and fitted, with ELK's part), zoom and pan p95 frames and search-and-focus, measured as
 * `npm run bench:diagram` does. With --trace, the last run records a Chromium trace (CDP Tracing, with the V8
 * sampler) and prints what the first layout and the zoom spent (script, style, layout, paint; the page's other
 * threads, which include ELK's worker) and the functions that took the time; the trace is written to
 * test-results/profile-diagram.json (open it in Chromium's Performance panel). With --shots, the first run saves
 * pictures of the diagram to look at: fitted (test-results/diagram-fit.png) and at 100 % on a table found
 * (diagram-100.png). BENCH_PORT / BENCH_PG_PORT as for the bench.
 */
import { writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type pg from "pg";
import { chromium, type CDPSession, type Page } from "playwright-core";
import { runInit } from "../../lib/metadata/init";
import { fillDiagramModel, focusTable, laidOut, layoutMarks, percentile95, zoomAndPan } from "./diagram";
import { insertProject } from "./fill";
import { RENDER_COUNT_PROBE } from "./probes";
import { chromiumLaunchOptions, partServerOptions, round, runScript, withFreshEditor } from "./server";
import { startTrace, summariseTrace, TRACE_CATEGORIES, type WindowSummary } from "./trace-summary";

const RUNS = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 3);
const TRACE = process.argv.includes("--trace");
const SHOTS = process.argv.includes("--shots");
const RENDERS = process.argv.includes("--renders");
const log = (line: string) => console.log(`[profile-diagram] ${line}`);
const RESULTS_DIR = path.resolve("test-results");
const DATA_DIR = path.resolve(".data/bench-profile-diagram");
const load = () => os.loadavg()[0].toFixed(2);

function printSummary(what: string, s: WindowSummary) {
  log(
    `${what} ${round(s.ms, 0)} ms: script ${round(s.script, 0)}, style ${round(s.style, 0)}, layout ${round(s.layout, 0)}, paint ${round(s.paint, 0)}, ` +
      `other ${round(s.other, 0)}, idle ${round(s.idle, 0)}; CPU: main thread ${round(s.mainCpu, 0)}, the page's other threads ${round(s.otherCpu, 0)}`,
  );
  for (const [fn, ms] of [...s.functions].sort((a, b) => b[1] - a[1]).slice(0, 25)) log(`  ${round(ms, 1).toFixed(1).padStart(8)} ms  ${fn}`);
}

async function once(page: Page, base: string, cdp: CDPSession | null, shots: boolean) {
  const trace = cdp ? await startTrace(cdp, [...TRACE_CATEGORIES, "disabled-by-default-devtools.timeline.frame"]) : null;
  await page.goto(`${base}/diagram`, { waitUntil: "commit", timeout: 120_000 });
  await laidOut(page);
  const marks = await layoutMarks(page);
  if (shots) await page.getByTestId("diagram").screenshot({ path: path.join(RESULTS_DIR, "diagram-fit.png") });
  await page.evaluate(`performance.mark("zoom-window")`);
  const zoomStarted = Date.now();
  const { zoom, pan } = await zoomAndPan(page);
  const zoomMs = Date.now() - zoomStarted;
  const focus = [];
  for (const name of ["entity_150", "entity_007", "entity_299"]) {
    if (RENDERS) await page.evaluate("window.__renders.length = 0");
    focus.push(round(await focusTable(page, name, cdp ? "search-window" : undefined), 0));
    if (RENDERS) log(`search-and-focus ${name}: ${await describeRenders(page, focus[focus.length - 1])}`);
  }
  if (shots) {
    // The rows of the boxes in view are drawn once the move has ended.
    await page.locator('.react-flow__node.selected [data-column="id"]').waitFor();
    await page.getByTestId("diagram").screenshot({ path: path.join(RESULTS_DIR, "diagram-100.png") });
  }
  log(
    `mount → laid out ${round(marks.laidOut - marks.mounted, 0)} ms (navigation → HTML asks ELK ${marks.earlyLayout === null ? "(not)" : round(marks.earlyLayout, 0)} → script ${round(marks.script, 0)} → mount ${round(marks.mounted, 0)}, mount → ELK asked ` +
      `${round(marks.layoutStart - marks.mounted, 0)}, ELK ${round(marks.layoutDone - marks.layoutStart, 0)}, ELK done → fitted ${round(marks.laidOut - marks.layoutDone, 0)}); ` +
      `p95 frame zoom ${round(percentile95(zoom), 1)} ms (${zoom.length} frames, worst ${round(Math.max(...zoom), 0)}), pan ${round(percentile95(pan), 1)} ms; ` +
      `search-and-focus ${focus.join(" / ")} ms; load ${load()}`,
  );
  // Which frames were long, by their place (the zoom's first wheel step comes about frame #4: the pointer moves first).
  const long = (frames: number[]) => frames.map((ms, i) => [i, ms] as const).filter(([, ms]) => ms > 20).map(([i, ms]) => `#${i} ${round(ms, 0)}`).join(", ") || "none";
  log(`frames over 20 ms: zoom (${zoom.length}) ${long(zoom)}; pan (${pan.length}) ${long(pan)}`);
  if (!trace) return;
  const events = await trace.stop();
  const file = path.join(RESULTS_DIR, "profile-diagram.json");
  writeFileSync(file, JSON.stringify({ traceEvents: events }));
  log(`trace: ${path.relative(process.cwd(), file)} (${events.length} events)`);
  printSummary("first layout (mount → laid out)", summariseTrace(events, [{ ms: marks.laidOut - marks.mounted }], "diagram:mounted")[0]);
  printSummary("zoom and pan (from Fit to the pan's end)", summariseTrace(events, [{ ms: zoomMs }], "zoom-window")[0]);
  const searches = summariseTrace(events, focus.map((ms) => ({ ms })), "search-window");
  searches.forEach((s, i) => printSummary(`search-and-focus ${i + 1} (Enter → selected and centred, the next frame)`, s));
}

/** What React committed from the search's Enter to 500 ms later (RENDER_COUNT_PROBE), the ones inside its measured time first. */
async function describeRenders(page: Page, ms: number): Promise<string> {
  await page.waitForTimeout(500);
  const commits = (await page.evaluate("window.__renders")) as { t: number; components: Record<string, number> }[];
  if (commits.length === 0) return "no commit";
  const t0 = commits[0].t;
  return commits
    .map((c) => {
      const all = Object.entries(c.components).sort((a, b) => b[1] - a[1]);
      const n = all.reduce((sum, [, k]) => sum + k, 0);
      return `${c.t - t0 <= ms ? "" : "(after) "}+${round(c.t - t0, 0)} ms: ${n} renders (${all.slice(0, 6).map(([name, k]) => `${name} ${k}`).join(", ")})`;
    })
    .join("; ");
}

async function main() {
  const options = partServerOptions(DATA_DIR, "profile-diagram-server.log");
  const fill = async (client: pg.Client) => {
    await runInit(client);
    await insertProject(client);
    await fillDiagramModel(client);
  };
  await withFreshEditor(options, log, fill, async (server) => {
    const browser = await chromium.launch({ ...chromiumLaunchOptions(), headless: true });
    try {
      for (let run = 1; run <= RUNS; run++) {
        // A fresh context each time: no layout kept in localStorage, ELK's worker started cold as on a first visit.
        const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
        if (RENDERS) await context.addInitScript({ content: RENDER_COUNT_PROBE });
        const page = await context.newPage();
        await once(page, server.base, TRACE && run === RUNS ? await context.newCDPSession(page) : null, SHOTS && run === 1);
        await context.close();
      }
    } finally {
      await browser.close();
    }
  });
}

runScript("[profile-diagram] failed:", main);
