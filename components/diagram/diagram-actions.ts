import { createContext } from "react";
import { createDetailStore, type DetailStore } from "./detail-view";

/**
 * What a table box can ask of the diagram around it, `fullDetail` (an export is drawing: every column's text,
 * whatever the zoom) and `detail` (which boxes draw their rows). Kept out of node data so boxes stay memoized.
 */
export const DiagramActions = createContext<{ toggleCollapsed: (tableId: number) => void; fullDetail: boolean; detail: DetailStore }>({
  toggleCollapsed: () => {},
  fullDetail: false,
  detail: createDetailStore(),
});
