import { createContext } from "react";
import { createDetailStore, EVERYWHERE, type DetailStore } from "./detail-view";

/**
 * What a table box can ask of the diagram around it, `fullDetail` (an export is drawing: every column's text,
 * whatever the zoom), `detail` (which boxes draw their rows) and `area` (which boxes are drawn at all). Kept out of
 * node data so boxes stay memoized.
 */
export const DiagramActions = createContext<{ toggleCollapsed: (tableId: number) => void; fullDetail: boolean; detail: DetailStore; area: DetailStore }>({
  toggleCollapsed: () => {},
  fullDetail: false,
  detail: createDetailStore(),
  area: createDetailStore(EVERYWHERE),
});
