import os from "node:os";
import type { Browser, Page } from "playwright-core";
import type { FillResult } from "./fill";
import { armEditProbe, INTERACTIVE_PROBE } from "./probes";
import { percentile, round, withTimeout } from "./server";

interface EditSample {
  ms: number;
  domMs: number;
  sawBusy: boolean;
}

/**
 * The cell edit round trip in a grid (Enter → the new value shown, not pending), `count` times on one cell, with
 * the server action requests it made (request start → last byte, response size). Used by `npm run bench` and
 * `npm run bench:cells`. The page's context needs `bypassCSP` (waitForFunction polls with an eval).
 */
export async function measureEdits(page: Page, gridLabel: string, rowId: number, field: string, count: number) {
  const testId = `cell-${rowId}-${field}`;
  const cell = page.getByTestId(testId);
  await cell.scrollIntoViewIfNeeded();
  const samples: EditSample[] = [];
  // The server action requests (POST with a Next-Action header) of the edits: request start → last byte of the
  // response, and the response's size (the action's result plus any re-rendered page that comes with it).
  type Req = import("playwright-core").Request;
  const actions = new Set<Req>();
  const requests: { ms: number; bytes: number | null }[] = [];
  const reading: Promise<void>[] = [];
  const onRequest = (request: Req) => {
    if (request.method() === "POST" && request.headers()["next-action"]) actions.add(request);
  };
  const onFinished = (request: Req) => {
    if (!actions.has(request)) return;
    actions.delete(request);
    const entry = { ms: request.timing().responseEnd, bytes: null as number | null };
    requests.push(entry);
    reading.push(
      withTimeout(
        "reading an action response",
        5_000,
        request.response().then((r) => r?.body() ?? null),
      )
        .then((body) => void (entry.bytes = body ? body.length : null))
        .catch(() => {}),
    );
  };
  const onFailed = (request: Req) => void actions.delete(request);
  page.on("request", onRequest);
  page.on("requestfinished", onFinished);
  page.on("requestfailed", onFailed);
  try {
    for (let i = 0; i < count; i++) {
      const value = `Bench label ${i + 1} (${Date.now() % 100000})`;
      await page.evaluate(armEditProbe(testId, value, gridLabel));
      await cell.click();
      await page.keyboard.press("Enter");
      await page.locator(`[data-testid="${testId}"] [data-editor]`).waitFor({ timeout: 10_000 });
      await page.keyboard.press("ControlOrMeta+A");
      await page.keyboard.insertText(value);
      await page.keyboard.press("Enter");
      await page.waitForFunction("window.__benchEdit.done || window.__benchEdit.error", undefined, {
        timeout: 30_000,
        polling: 10,
      });
      const state = (await page.evaluate("window.__benchEdit")) as {
        ms: number;
        domMs: number;
        sawBusy: boolean;
        error: string | null;
      };
      if (state.error) throw new Error(`the edit failed in the grid: ${state.error}`);
      samples.push({ ms: state.ms, domMs: state.domMs, sawBusy: state.sawBusy });
      await page.waitForTimeout(150);
    }
    // Responses still streaming (a re-rendered page) finish within a few seconds.
    for (let waited = 0; actions.size > 0 && waited < 10_000; waited += 100) await page.waitForTimeout(100);
    await Promise.all(reading);
  } finally {
    page.off("request", onRequest);
    page.off("requestfinished", onFinished);
    page.off("requestfailed", onFailed);
  }
  const sizes = requests.map((r) => r.bytes).filter((b): b is number => b !== null);
  const ms = samples.map((s) => s.ms);
  return {
    edits: samples.length,
    p50Ms: percentile(ms, 50),
    p95Ms: percentile(ms, 95),
    domP50Ms: percentile(
      samples.map((s) => s.domMs),
      50,
    ),
    pendingShown: samples.filter((s) => s.sawBusy).length,
    actionRequests: requests.length,
    actionRequestP50Ms: requests.length
      ? percentile(
          requests.map((r) => r.ms),
          50,
        )
      : null,
    actionResponseBytesP50: sizes.length ? percentile(sizes, 50) : null,
    samplesMs: ms.map((v) => round(v)),
  };
}

/** The full run's target for both grids (issue 3; issue 11 for the Tables grid). */
export const EDIT_TARGET_MS = 50;

/** `bench:cells`: the two grids' edit round trips as the full run measures them (same counts), with the load. */
export async function measureCells(browser: Browser, base: string, data: FillResult, log: (line: string) => void) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, bypassCSP: true });
  await context.addInitScript({ content: INTERACTIVE_PROBE });
  const page = await context.newPage();
  const open = async (url: string) => {
    await page.goto(url, { waitUntil: "commit" });
    await page.waitForFunction("window.__bench && window.__bench.interactiveAt !== null", undefined, { timeout: 60_000 });
  };
  const loadAt = () => os.loadavg()[0].toFixed(2);
  await open(`${base}/tables/${data.wideTableId}`);
  const columnsLoad = loadAt();
  const columns = await measureEdits(page, "Columns", data.editColumnId, "label", 30);
  log(`Columns grid cell edit: p50 ${round(columns.p50Ms, 0)} ms, p95 ${round(columns.p95Ms, 0)} ms (load ${columnsLoad})`);
  await open(`${base}/tables`);
  const tablesLoad = loadAt();
  const tables = await measureEdits(page, "Tables", data.editTableId, "label", 10);
  log(`Tables grid cell edit: p50 ${round(tables.p50Ms, 0)} ms, p95 ${round(tables.p95Ms, 0)} ms (load ${tablesLoad})`);
  await context.close();
  return { columns: { ...columns, loadBefore: columnsLoad }, tables: { ...tables, loadBefore: tablesLoad } };
}

export function cellRows(cells: Awaited<ReturnType<typeof measureCells>>, ms: (n: number) => string) {
  const row = (metric: string, r: { p50Ms: number; p95Ms: number }) => ({
    metric,
    value: `p50 ${ms(r.p50Ms)}, p95 ${ms(r.p95Ms)}`,
    target: `p50 < ${EDIT_TARGET_MS} ms`,
    status: r.p50Ms < EDIT_TARGET_MS ? "ok" : "MISSED",
  });
  return [row("2,000-column grid cell edit", cells.columns), row("Tables grid (5,000 rows) cell edit", cells.tables)];
}
