"use client";

import type { Node } from "@xyflow/react";
import { useDeferredValue, useMemo, useRef, useSyncExternalStore } from "react";
import { lineInArea, type DetailStore } from "./detail-view";
import { NODE_WIDTH, type GraphEdge } from "./diagram-graph";

type Line = GraphEdge & { hidden?: boolean; selected?: boolean };

/**
 * The lines for React Flow: hidden out of the area (detail-view.ts; none while an export draws), the selected one
 * marked. A line keeps its object while nothing of it changes, so React Flow draws again only the lines that come
 * and go.
 */
export function useShownLines(edges: GraphEdge[], nodes: Node[], selected: number | null, area: DetailStore, exporting: boolean): Line[] {
  // Deferred as the boxes' area is (table-node.tsx): a new area's lines follow the frame that shows the new view.
  const shownArea = useDeferredValue(useSyncExternalStore(area.subscribe, area.get, area.get));
  const kept = useRef(new Map<string, { from: GraphEdge; hidden: boolean; selected: boolean; line: Line }>());
  return useMemo(() => {
    const boxes = new Map(nodes.map((n) => [n.id, { ...n.position, width: n.width ?? NODE_WIDTH, height: n.height ?? 0 }]));
    return edges.map((e) => {
      const hidden = !exporting && !lineInArea(shownArea, boxes.get(e.source), boxes.get(e.target));
      const isSelected = e.id === String(selected);
      const old = kept.current.get(e.id);
      if (old && old.from === e && old.hidden === hidden && old.selected === isSelected) return old.line;
      const line = hidden || isSelected ? { ...e, hidden, selected: isSelected } : e;
      kept.current.set(e.id, { from: e, hidden, selected: isSelected, line });
      return line;
    });
  }, [edges, nodes, selected, shownArea, exporting]);
}
