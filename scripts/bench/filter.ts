/**
 * The grids' quick filter as `npm run bench` measures it (keystroke → the filtered grid painted), shared with
 * scripts/bench/profile-filter.ts so the profile types the same keys the same way.
 */
import type { Page } from "playwright-core";
import { installFilterProbe } from "./probes";
import { percentile, round } from "./server";

interface FilterSample {
  key: string;
  ms: number;
  value: string;
  rowCount: number;
  rendered: number;
}

const typeKeys = (text: string) => [...text];
const backspaces = (n: number) => Array.from({ length: n }, () => "Backspace");

/** 20 keystrokes per grid: narrowing, widening back to every row, narrowing again. */
export const FILTER_KEYS = {
  tables: [...typeKeys("customer_04"), ...backspaces(11), ...typeKeys("주문")].slice(0, 20),
  columns: [...typeKeys("email_01"), ...backspaces(8), ...typeKeys("status")].slice(0, 20),
};

/** Types `keys` one at a time into the filter, each after the previous result was painted. */
export async function measureFilter(page: Page, filterLabel: string, gridLabel: string, keys: string[]) {
  const input = page.getByRole("searchbox", { name: filterLabel });
  await input.click();
  await input.fill("");
  await page.waitForTimeout(200);
  await page.evaluate(installFilterProbe(filterLabel, gridLabel));
  for (let i = 0; i < keys.length; i++) {
    await page.keyboard.press(keys[i]);
    await page.waitForFunction(`window.__benchFilter.results.length >= ${i + 1}`, undefined, {
      timeout: 30_000,
      polling: 10,
    });
    await page.waitForTimeout(30);
  }
  const samples = (await page.evaluate("window.__benchFilter.results")) as FilterSample[];
  await input.fill("");
  const ms = samples.map((s) => s.ms);
  return {
    keystrokes: samples.length,
    p50Ms: percentile(ms, 50),
    p95Ms: percentile(ms, 95),
    maxMs: Math.max(...ms),
    samples: samples.map((s) => ({
      key: s.key,
      value: s.value,
      ms: round(s.ms),
      rowCount: s.rowCount,
      rendered: s.rendered,
    })),
  };
}
