export { DataGrid, type DataGridProps } from "./data-grid";
export type { CellEditor } from "./types";
