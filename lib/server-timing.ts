import { AsyncLocalStorage } from "node:async_hooks";

/**
 * Where a server action's time goes, for profiling (scripts/bench/profile-edit.ts): with
 * METADATA_EDITOR_TIMING=1 an action wrapped in `timed` logs one line to the server's stdout,
 *   [timing] updateColumnFieldAction total 4.1 ms: parse 0.3, lock 1.2, update 1.4, read 0.6, commit 0.5
 * (each part from the previous mark to its own). Off, `timed` only runs the work and `mark` does nothing.
 */
const enabled = process.env.METADATA_EDITOR_TIMING === "1";

interface Timing {
  start: number;
  last: number;
  parts: [string, number][];
}
const store = new AsyncLocalStorage<Timing>();

/** Ends the part of the action in progress under `label` (no-op unless timing is on and an action is timed). */
export function mark(label: string): void {
  if (!enabled) return;
  const timing = store.getStore();
  if (!timing) return;
  const now = performance.now();
  timing.parts.push([label, now - timing.last]);
  timing.last = now;
}

/** Runs an action's work, timing its marked parts when METADATA_EDITOR_TIMING=1. */
export async function timed<T>(name: string, work: () => Promise<T>): Promise<T> {
  if (!enabled) return work();
  const start = performance.now();
  const timing: Timing = { start, last: start, parts: [] };
  try {
    return await store.run(timing, work);
  } finally {
    const end = performance.now();
    const parts = timing.parts.map(([label, ms]) => `${label} ${ms.toFixed(1)}`);
    if (end - timing.last > 0.05) parts.push(`rest ${(end - timing.last).toFixed(1)}`);
    console.log(`[timing] ${name} total ${(end - start).toFixed(1)} ms: ${parts.join(", ")}`);
  }
}
