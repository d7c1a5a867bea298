/**
 * Which rendered row component (its React key, a "slot") shows which row. A row that stays rendered keeps its slot,
 * so its component, its DOM and any state inside (an open editor's draft, focus) stay with it as before; a row that
 * comes into view takes the slot of one that left, so React updates that row's cells in place instead of removing
 * one row's ~10–40 cells and building another's. A filter keystroke that changes which rows are drawn then costs
 * attribute and text updates, not hundreds of new elements (docs/benchmarks.md, the filter).
 *
 * Pure: the slots are worked out from the last committed assignment and the ids to render now, so a render React
 * throws away changes nothing.
 */
export function assignSlots(previous: ReadonlyMap<string, number>, ids: readonly string[]): Map<string, number> {
  const next = new Map<string, number>();
  const taken = new Set<number>();
  for (const id of ids) {
    const slot = previous.get(id);
    if (slot !== undefined && !taken.has(slot)) {
      next.set(id, slot);
      taken.add(slot);
    }
  }
  let free = 0;
  for (const id of ids) {
    if (next.has(id)) continue;
    while (taken.has(free)) free++;
    next.set(id, free);
    taken.add(free);
  }
  return next;
}
