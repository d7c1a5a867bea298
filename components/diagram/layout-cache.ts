import type { elkGraph } from "./diagram-graph";
import type { Positions } from "./elk-layout";

/**
 * The last few layouts ELK made in this browser, by the graph they were made for (every box's size, every line,
 * the options): opening the same diagram again draws it at once instead of waiting for ELK, whose first run in a
 * fresh worker costs seconds. A changed graph (a column more, a relation, a table) is laid out again.
 */
export const LAYOUT_CACHE_KEY = "metadata-editor:diagram-layouts";
const KEEP = 4;

type Stored = { graph: string; positions: [string, { x: number; y: number }][] }[];

/** The graph as text: what decides the layout, nothing else (elk-start.ts's early layout writes it out the same way). */
export function graphKey(graph: ReturnType<typeof elkGraph>): string {
  return JSON.stringify([graph.layoutOptions, graph.children.map((n) => [n.id, n.width, n.height]), graph.edges.map((e) => [e.sources[0], e.targets[0]])]);
}

function read(): Stored {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(LAYOUT_CACHE_KEY) ?? "[]");
    return Array.isArray(parsed) ? (parsed as Stored) : [];
  } catch {
    return []; // no storage (private mode, a server render) or something else's value: no cache
  }
}

export function cachedLayout(key: string): Positions | null {
  if (typeof localStorage === "undefined") return null;
  const hit = read().find((entry) => entry.graph === key);
  return hit ? new Map(hit.positions) : null;
}

export function rememberLayout(key: string, positions: Positions) {
  if (typeof localStorage === "undefined") return;
  const kept = read().filter((entry) => entry.graph !== key).slice(0, KEEP - 1);
  try {
    localStorage.setItem(LAYOUT_CACHE_KEY, JSON.stringify([{ graph: key, positions: [...positions] }, ...kept]));
  } catch {
    // full or refused: the layout is simply not kept
  }
}
