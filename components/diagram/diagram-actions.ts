import { createContext } from "react";
import { createDetailStore, EVERYWHERE, type DetailStore } from "./detail-view";

/**
 * What a table box can ask of the diagram around it, `fullDetail` (an export is drawing: every column's text,
 * whatever the zoom), `detail` (which boxes draw their rows), `area` (which boxes are drawn at all) and `measure`
 * (React Flow measures the box's handles again: its columns' handles came or went). Kept out of node data so
 * boxes stay memoized.
 */
export const DiagramActions = createContext<{
  toggleCollapsed: (tableId: number) => void;
  fullDetail: boolean;
  detail: DetailStore;
  area: DetailStore;
  measure: (nodeId: string) => void;
}>({
  toggleCollapsed: () => {},
  fullDetail: false,
  detail: createDetailStore(),
  area: createDetailStore(EVERYWHERE),
  measure: () => {},
});

/**
 * Collects the ids asked for in one task and hands them over together, once, in a microtask. The boxes whose rows a
 * move's end draws (a dozen at 100 %) each asked React Flow to measure them on their own: one update of React Flow's
 * store each, and every box, line and handle on the page runs its store selectors on every update.
 */
export function batched(flush: (ids: string[]) => void): (id: string) => void {
  const pending = new Set<string>();
  return (id) => {
    if (pending.size === 0) {
      queueMicrotask(() => {
        const ids = [...pending];
        pending.clear();
        flush(ids);
      });
    }
    pending.add(id);
  };
}

/** The boxes React Flow has no handles for (it draws none of their lines): drawn ones, not hidden. */
export function unmeasured(nodes: Iterable<{ id: string; hidden?: boolean; internals: { handleBounds?: unknown } }>): string[] {
  const ids: string[] = [];
  for (const n of nodes) if (!n.hidden && !n.internals.handleBounds) ids.push(n.id);
  return ids;
}
