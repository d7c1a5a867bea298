import { createContext } from "react";

/** What a table box can ask of the diagram around it (kept out of node data so boxes stay memoized). */
export const DiagramActions = createContext<{ toggleCollapsed: (tableId: number) => void }>({
  toggleCollapsed: () => {},
});
