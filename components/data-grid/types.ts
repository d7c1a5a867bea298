import type { ReactNode } from "react";
import type { Column, RowData } from "@tanstack/react-table";

/**
 * How a column's cells are edited. Chosen per column through `meta.editor`; a column without one is read-only.
 * Committed values: text → the string ("" when cleared), number → number | null, checkbox → boolean,
 * select → the option value (null for the empty choice), json → the parsed value (null when empty).
 */
export type CellEditor =
  | { kind: "text"; placeholder?: string }
  | { kind: "number"; integer?: boolean; min?: number; max?: number }
  | { kind: "checkbox" }
  | { kind: "select"; options: readonly { value: string; label?: string }[]; allowEmpty?: boolean }
  | { kind: "json" }
  | { kind: "readonly" };

declare module "@tanstack/react-table" {
  // The generic parameters must match TanStack's declaration even though the meta does not use them.
  interface ColumnMeta<TData extends RowData, TValue> {
    editor?: CellEditor;
    /** Columns with the same group sit under one band in the header; the parent toggles groups via columnVisibility. */
    group?: string;
    align?: "left" | "right";
    /** Width in px (default 160). */
    width?: number;
    /** Tooltip and accessible description of the header. */
    headerTitle?: string;
    /**
     * Checks a committed value before the round trip (the field's own zod schema, see fieldColumn): the
     * message to show, or null. Too long is an error here, never a truncation.
     */
    validate?: (value: unknown) => string | null;
    /**
     * For a json cell: the structured editor the detail form uses (enum options, rules, constraints), shown in
     * the cell's popover above the JSON text it reads and writes.
     */
    structured?: (text: string, onChange: (text: string) => void, label: string) => ReactNode;
  }
}

/** Where a commit leaves the active cell when it succeeds. */
export type CommitMove = "down" | "right" | "left" | "stay" | "none";

/** The one cell being edited (or toggled): its draft lives in the editor, the grid only keeps what it must show. */
export interface EditState {
  /** Increments per edit session so a late commit result cannot touch a newer edit. */
  session: number;
  rowId: string;
  colId: string;
  /** The editor's starting text: the current value, or the key that started the edit. */
  initialDraft: string;
  pending: boolean;
  error: string | null;
  /** "toggle" for checkbox cells, which have no editor: only the pending state and the error are shown. */
  mode: "editor" | "toggle";
}

export const ROW_HEIGHT = 36;

/**
 * Focus rings inside the grid are drawn inward: the app's global :focus-visible rule puts them 2px outside,
 * where the neighbouring cells would cover them, and only an inline style outranks that unlayered rule.
 */
export const INSET_RING = { outlineOffset: -2 } as const;
export const DEFAULT_COLUMN_WIDTH = 160;

export function columnEditor<T>(column: Column<T, unknown>): CellEditor {
  return column.columnDef.meta?.editor ?? { kind: "readonly" };
}

/**
 * The width the user gave the column (use-column-layout.ts, through TanStack's columnSizing; the grid's default
 * size is 0, meaning "not set"), else its declared one.
 */
export function columnWidth<T>(column: Column<T, unknown>): number {
  const sized = column.getSize();
  return sized > 0 ? sized : (column.columnDef.meta?.width ?? DEFAULT_COLUMN_WIDTH);
}

export function columnAlign<T>(column: Column<T, unknown>): "left" | "right" {
  return column.columnDef.meta?.align ?? (columnEditor(column).kind === "number" ? "right" : "left");
}

/** The header text used for labels ("Name for users"); function headers fall back to the column id. */
export function columnLabel<T>(column: Column<T, unknown>): string {
  const header = column.columnDef.header;
  return typeof header === "string" ? header : column.id;
}
