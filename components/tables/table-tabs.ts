/** The table page's tabs; a plain module, so the server page can read ?tab= against it. */
export const TABS = ["Columns", "Relations", "Diagram", "Settings", "History", "Code", "Form preview"] as const;
export type TableTab = (typeof TABS)[number];

/** The cell a link points at (the code generators' problem list): a row of the tab's grid, or a Settings field. */
export interface CellFocus {
  /** The column's or relation's id; null on Settings. */
  rowId: number | null;
  field: string;
}

const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : undefined);
const ID = /^[1-9]\d{0,14}$/;
const FIELD = /^[a-z][a-z0-9_]{0,62}$/;

/** ?column= / ?relation= and ?field= for the tab opened; anything malformed is ignored (the tab opens as usual). */
export function cellFocusOf(tab: TableTab | undefined, params: Record<string, string | string[] | undefined>): CellFocus | null {
  const field = one(params.field);
  if (!field || !FIELD.test(field)) return null;
  const id = one(tab === "Columns" ? params.column : tab === "Relations" ? params.relation : undefined);
  if (tab === "Settings") return { rowId: null, field };
  return id && ID.test(id) ? { rowId: Number(id), field } : null;
}
