"use client";

import type { Node } from "@xyflow/react";
import { useDeferredValue, useMemo, useState, useSyncExternalStore } from "react";
import type { DetailStore } from "./detail-view";
import { NODE_WIDTH, type GraphEdge } from "./diagram-graph";
import { createShownLines, type Line } from "./shown-lines";

/** The lines for React Flow: only those in the area, the same array while none changes (see shown-lines.ts). */
export function useShownLines(edges: GraphEdge[], nodes: Node[], selected: number | null, area: DetailStore, exporting: boolean): Line[] {
  // Deferred as the boxes' area is (table-node.tsx): a new area's lines follow the frame that shows the new view.
  const shownArea = useDeferredValue(useSyncExternalStore(area.subscribe, area.get, area.get));
  const [shownLines] = useState(createShownLines);
  return useMemo(() => {
    const boxes = new Map(nodes.map((n) => [n.id, { ...n.position, width: n.width ?? NODE_WIDTH, height: n.height ?? 0 }]));
    return shownLines(edges, boxes, shownArea, selected, exporting);
  }, [edges, nodes, selected, shownArea, exporting, shownLines]);
}
