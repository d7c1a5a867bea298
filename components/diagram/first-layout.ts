/**
 * Which graph the diagram page's first layout gives ELK, computed from the model alone (pure: the server puts it
 * in the page's HTML, elk-early-layout.tsx, and the page's layout checks it got the same graph, use-layout.ts).
 */
import type { DiagramModel } from "@/lib/metadata/diagram";
import { FULL_MODEL_LIMIT } from "@/lib/schemas/diagram";
import { buildGraph, elkGraph, groupByTable } from "./diagram-graph";

/** Fewer new tables than this join the diagram beside the others instead of a new layout of all. */
export const FEW = 4;

/**
 * The ELK graph of the page as it opens (every table, no schema chosen, columns shown), or null when its first
 * layout will not ask ELK: a model too large to draw whole, or fewer than FEW tables without a dragged place.
 */
export function firstLayoutGraph(model: DiagramModel): ReturnType<typeof elkGraph> | null {
  if (!model.columns || model.tables.length > FULL_MODEL_LIMIT) return null;
  const unplaced = model.tables.filter((t) => t.x === null || t.y === null).length;
  if (unplaced < FEW) return null;
  const columns = groupByTable(model.columns, model.tables);
  const { nodes, edges } = buildGraph({
    tables: model.tables,
    relations: model.relations,
    columnsOf: (id) => columns.get(id) ?? [],
    collapsed: () => false,
    position: () => ({ x: 0, y: 0 }),
  });
  return elkGraph(nodes, edges);
}
