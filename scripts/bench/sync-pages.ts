/**
 * The Database pages (Import, Drift, Plan) at 5,000 tables, in Chromium against a production server started on
 * the bench's database (`npm run bench:sync -- --pages`). "Interactive" = navigation start → the page's list
 * painted and its control hydrated (its React fiber committed, so a click reaches React), plus the click
 * answered: the control clicked, → its effect painted. Each page: the first load, then the median of LOADS, each in a
 * fresh browser context (nothing cached) whose window Chromium has finished setting up (browserSettled).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, openSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type pg from "pg";
import { chromium, type Browser, type BrowserContext } from "playwright-core";
import { COMMITTED } from "./probes";

const LOADS = 3;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** What a page must show, which control must be hydrated, and what its click must change. */
interface PageProbe {
  name: string;
  path: string;
  /** A CSS selector: the list painted. */
  list: string;
  /** A CSS selector: the control that must be hydrated and is clicked. */
  control: string;
  /** A CSS selector that matches once the click was answered. */
  effect: string;
}

export const SYNC_PAGES: PageProbe[] = [
  {
    name: "Import",
    path: "database/import",
    list: 'fieldset input[type="checkbox"]',
    // Preview import (of `public`, preselected and empty here): its click shows it pending at once.
    control: "fieldset + button",
    effect: 'fieldset + button[aria-busy="true"]',
  },
  {
    name: "Drift",
    path: "database/drift",
    list: 'table[aria-label="Drift"] tbody tr',
    control: 'table[aria-label="Drift"] tbody tr input[type="checkbox"]',
    // The selection's Review button (the ids go to the Plan page through session storage, not the URL).
    effect: 'button[data-selected-count="1"]',
  },
  {
    name: "Plan",
    path: "database/plan",
    list: 'section[aria-label="Up script"] pre',
    // Download up/down (the last of Apply, Save migration file, Download): its click shows Apply pending at once.
    control: "div.flex-wrap > button:last-child",
    effect: 'div.flex-wrap > button[aria-busy="true"]',
  },
];

/** Runs in the page from navigation start: when the list is painted and the control's fiber is committed. */
export const interactiveProbe = (p: PageProbe) => `(() => {
  const B = (window.__syncBench = { listAt: null, hydratedAt: null });
  const committed = ${COMMITTED};
  const tick = () => {
    const now = performance.now();
    if (B.listAt === null && document.querySelector(${JSON.stringify(p.list)})) B.listAt = now;
    const control = document.querySelector(${JSON.stringify(p.control)});
    if (B.listAt !== null && control && committed(control)) { B.hydratedAt = now; return; }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})();`;

/** Clicks the control; resolves with click → effect painted (ms). */
export const clickProbe = (p: PageProbe) => `new Promise((resolve, reject) => {
  const control = document.querySelector(${JSON.stringify(p.control)});
  const t0 = performance.now();
  control.click();
  const started = performance.now();
  const tick = () => {
    if (document.querySelector(${JSON.stringify(p.effect)})) {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => resolve(performance.now() - t0);
      ch.port2.postMessage(null);
      return;
    }
    if (performance.now() - started > 30000) return reject(new Error("the click was not answered within 30 s"));
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})`;

export interface PageResult {
  name: string;
  /** Navigation start → list painted and control hydrated, + click → effect; first load and median of LOADS. */
  firstMs: number;
  medianMs: number;
  /** Of the median load: navigation → list painted, → hydrated, click → answered. */
  listMs: number;
  hydratedMs: number;
  clickMs: number;
  /** The HTML document's size (the RSC payload rides in it). */
  documentKb: number;
  /** Median of LOADS reloads in one browser context after a first load: its cache holds the scripts (the editor
   * already open, as the Tables page's figure in scripts/bench.ts). The other figures are fresh contexts. */
  warmBrowserMs: number;
}

async function measurePage(browser: Browser, base: string, p: PageProbe): Promise<PageResult> {
  const runs: { total: number; list: number; hydrated: number; click: number; kb: number }[] = [];
  for (let i = 0; i <= LOADS; i++) {
    const context = await browser.newContext();
    runs.push(await loadOnce(context, base, p));
    await context.close();
    // The Plan page's click (Download) makes the server compute the whole plan: let it finish first.
    if (p.name === "Plan") await sleep(5000);
  }
  const warmContext = await browser.newContext();
  const warmBrowser: number[] = [];
  for (let i = 0; i <= LOADS; i++) {
    warmBrowser.push((await loadOnce(warmContext, base, p)).total);
    if (p.name === "Plan") await sleep(5000);
  }
  await warmContext.close();
  const [first, ...warm] = runs;
  const median = [...warm].sort((a, b) => a.total - b.total)[Math.floor(warm.length / 2)];
  const warmBrowserMs = warmBrowser.slice(1).sort((a, b) => a - b)[Math.floor(LOADS / 2)];
  return {
    name: p.name,
    firstMs: first.total,
    medianMs: median.total,
    listMs: median.list,
    hydratedMs: median.hydrated,
    clickMs: median.click,
    documentKb: median.kb,
    warmBrowserMs,
  };
}

/** CPU time (ms) used so far by this process's Chromium descendants (the browser, its renderers, GPU, network). */
function chromiumCpuMs(): number {
  const stat = (pid: string) => {
    try {
      const [comm, rest] = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ");
      const f = rest.split(" ");
      return { comm: comm.slice(comm.indexOf("(") + 1), ppid: Number(f[1]), cpu: (Number(f[11]) + Number(f[12])) * 10 };
    } catch {
      return null;
    }
  };
  const all = new Map(readdirSync("/proc").filter((d) => /^\d+$/.test(d)).map((d) => [Number(d), stat(d)] as const));
  const ours = (pid: number): boolean => {
    for (let at = all.get(pid), hops = 0; at && hops < 10; at = all.get(at.ppid), hops++) if (at.ppid === process.pid) return true;
    return false;
  };
  let ms = 0;
  for (const [pid, s] of all) if (s && s.comm.startsWith("chrom") && ours(pid)) ms += s.cpu;
  return ms;
}

/**
 * Waits until the browser is quiet: under 10 % of a core for two 250 ms windows in a row (at most 15 s). Chromium
 * 156 sets up each new browser context's window (its omnibox popup is a WebUI page of some 400 modules): about 2 s
 * of CPU, which on a 2-core machine ran beside the page being measured. A user's browser has its window already.
 */
export async function browserSettled(): Promise<void> {
  let quiet = 0;
  let before = chromiumCpuMs();
  for (const until = Date.now() + 15_000; quiet < 2 && Date.now() < until; ) {
    await sleep(250);
    const now = chromiumCpuMs();
    quiet = now - before < 25 ? quiet + 1 : 0;
    before = now;
  }
}

/** One load of the page in `context` (a new tab, the browser settled first): navigation → list and control, then the click. */
export async function loadOnce(context: BrowserContext, base: string, p: PageProbe) {
  const page = await context.newPage();
  await page.goto("about:blank");
  await browserSettled();
  await page.addInitScript(interactiveProbe(p));
  const response = await page.goto(`${base}/${p.path}`, { waitUntil: "commit", timeout: 120_000 });
  const kb = Math.round(((await response?.body())?.length ?? 0) / 1024);
  // Polled with evaluate (DevTools' own evaluation): waitForFunction's string form is an eval the page's CSP refuses.
  for (
    const until = Date.now() + 120_000;
    !(await page.evaluate("!!(window.__syncBench && window.__syncBench.hydratedAt !== null)"));
  ) {
    if (Date.now() > until) throw new Error(`${p.name}: not interactive within 120 s`);
    await sleep(50);
  }
  const at = (await page.evaluate("window.__syncBench")) as { listAt: number; hydratedAt: number };
  const click = (await page.evaluate(clickProbe(p))) as number;
  await page.close();
  return { total: at.hydratedAt + click, list: at.listAt, hydrated: at.hydratedAt, click, kb };
}

type Editor = { child: ChildProcess; exited: Promise<number | null> };

/** A production server (scripts/start.ts, built first when stale) on `databaseUrl`, in its own process group. */
export function startEditor(port: number, databaseUrl: string): Editor {
  mkdirSync("test-results", { recursive: true });
  const out = openSync(path.join("test-results", "bench-sync-server.log"), "w");
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      DATABASE_URL: databaseUrl,
      NEXT_TELEMETRY_DISABLED: "1",
    },
    stdio: ["ignore", out, out],
    detached: true,
  });
  return { child, exited: new Promise((resolve) => child.once("exit", (code) => resolve(code))) };
}

/** Waits until the editor answers (a build may come first); resolves with its base URL. */
export async function waitForEditor(port: number, server: Editor): Promise<string> {
  const base = `http://127.0.0.1:${port}/metadata-editor`;
  const until = Date.now() + 600_000;
  for (;;) {
    if (Date.now() > until) throw new Error("the editor did not answer within 10 minutes (see test-results/bench-sync-server.log)");
    const ok = await fetch(`${base}/database/import`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return base;
    if (server.child.exitCode !== null) throw new Error("the editor exited (see test-results/bench-sync-server.log)");
    await sleep(500);
  }
}

export async function stopEditor(server: Editor) {
  try {
    process.kill(-server.child.pid!, "SIGINT");
  } catch {
    // gone already
  }
  await Promise.race([server.exited, sleep(20_000)]);
}

/**
 * The pages need a project row and something to show: the metadata keeps the 5,000 tables of `big` while the
 * database's schema is renamed away (during `work`), so Drift lists 5,000 missing tables and Plan creates them all.
 */
export async function withPagesData<T>(client: pg.Client, work: () => Promise<T>): Promise<T> {
  // A run stopped half-way left the schema renamed.
  await client.query("DO $$ BEGIN IF to_regnamespace('big_live') IS NOT NULL THEN ALTER SCHEMA big_live RENAME TO big; END IF; END $$");
  // imp's tables stay (dropping 1,000 tables in one transaction runs out of lock slots); out of the metadata, they
  // are out of the pages' scope.
  await client.query(`DELETE FROM _metadata.mappings_relation WHERE from_schema = 'imp'; DELETE FROM _metadata.mappings_table WHERE schema_name = 'imp'`);
  await client.query(
    `INSERT INTO _metadata.project (id, project_id, project_name, root_path, default_schema)
     VALUES (1, 'bench-sync', 'Bench sync', '/tmp/bench-sync-project', 'public') ON CONFLICT (id) DO NOTHING`,
  );
  await client.query("ALTER SCHEMA big RENAME TO big_live");
  try {
    return await work();
  } finally {
    await client.query("ALTER SCHEMA big_live RENAME TO big");
  }
}

/** Starts the editor on `databaseUrl` (builds first when stale), measures the three pages, stops it. */
export async function measureSyncPages(
  port: number,
  databaseUrl: string,
  log: (line: string) => void,
): Promise<PageResult[]> {
  const server = startEditor(port, databaseUrl);
  let browser: Browser | null = null;
  try {
    const base = await waitForEditor(port, server);
    const system = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => existsSync(p));
    browser = await chromium.launch({
      headless: true,
      ...(system ? { executablePath: system, args: ["--no-sandbox", "--disable-gpu"] } : {}),
    });
    const results: PageResult[] = [];
    for (const p of SYNC_PAGES) {
      const r = await measurePage(browser, base, p);
      log(
        `${p.name} page: first ${Math.round(r.firstMs)} ms, median ${Math.round(r.medianMs)} ms (list ${Math.round(r.listMs)}, hydrated ${Math.round(r.hydratedMs)}, click ${Math.round(r.clickMs)} ms; document ${r.documentKb} kB); browser cache warm: median ${Math.round(r.warmBrowserMs)} ms`,
      );
      results.push(r);
    }
    return results;
  } finally {
    await browser?.close();
    await stopEditor(server);
  }
}
