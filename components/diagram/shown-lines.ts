/**
 * Which lines React Flow is given (use-shown-lines.ts): those in the area (detail-view.ts; every line while an
 * export draws), the selected one marked. A line out of the area is left out of the list, not handed over
 * `hidden`: React Flow keeps a component for every line it is given, hidden or not, and each works out where its
 * line would be on every change of React Flow's store (each frame of a pan or zoom, each step of a search): 500
 * lines at 300 tables, where the area at 100 % holds a few dozen. A line keeps its object while nothing of it
 * changes, and the list keeps its array while no line in it changes (a new array makes React Flow index every
 * line again and run every line's component), so React Flow draws again only the lines that come and go.
 */
import { lineInArea, type DetailView } from "./detail-view";
import type { GraphEdge } from "./diagram-graph";

export type Line = GraphEdge & { selected?: boolean };
type Rect = { x: number; y: number; width: number; height: number };

/** A function from the lines, the boxes where they are drawn, the area and the selected line to React Flow's list. */
export function createShownLines() {
  const kept = new Map<string, { from: GraphEdge; selected: boolean; line: Line }>();
  let last: Line[] = [];
  return (edges: readonly GraphEdge[], boxes: ReadonlyMap<string, Rect>, area: DetailView, selected: number | null, exporting: boolean): Line[] => {
    const next: Line[] = [];
    for (const e of edges) {
      if (!exporting && !lineInArea(area, boxes.get(e.source), boxes.get(e.target))) continue;
      const isSelected = e.id === String(selected);
      const old = kept.get(e.id);
      if (old && old.from === e && old.selected === isSelected) {
        next.push(old.line);
        continue;
      }
      const line = isSelected ? { ...e, selected: true } : e;
      kept.set(e.id, { from: e, selected: isSelected, line });
      next.push(line);
    }
    if (next.length === last.length && next.every((line, i) => line === last[i])) return last;
    last = next;
    return next;
  };
}
