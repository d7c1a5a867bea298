/** The table page's tabs; a plain module, so the server page can read ?tab= against it. */
export const TABS = ["Columns", "Relations", "Diagram", "Settings", "History", "Code", "Form preview"] as const;
export type TableTab = (typeof TABS)[number];
