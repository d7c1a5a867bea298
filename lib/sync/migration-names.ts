/** Migration file names (client-safe: the plan page's download uses them too). */

/** 2026-11-28T09:41:07Z → 20261128094107: sorts in time order, as migration tools expect. */
export function migrationStamp(now: Date): string {
  return now.toISOString().replace(/[-:T]/g, "").slice(0, 14);
}

export function migrationFileNames(now: Date) {
  const stamp = migrationStamp(now);
  return { up: `${stamp}_metadata_sync.up.sql`, down: `${stamp}_metadata_sync.down.sql` };
}
