import { createContext } from "react";

/**
 * What a table box can ask of the diagram around it, and `fullDetail` (an export is drawing: every column's text,
 * whatever the zoom). Kept out of node data so boxes stay memoized.
 */
export const DiagramActions = createContext<{ toggleCollapsed: (tableId: number) => void; fullDetail: boolean }>({
  toggleCollapsed: () => {},
  fullDetail: false,
});
