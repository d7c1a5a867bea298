import type { Column, FilterFn, Row, VisibilityState } from "@tanstack/react-table";

/**
 * The table's globalFilter state. It carries the visibility map because TanStack memoizes the filtered row model
 * on the filter value only: a new object when the visible columns change makes it filter again.
 */
export interface GlobalFilterValue {
  needle: string;
  visibility: VisibilityState | undefined;
}

export const isGlobalFilterValue = (value: unknown): value is GlobalFilterValue =>
  typeof value === "object" && value !== null && typeof (value as GlobalFilterValue).needle === "string";

export function globalFilterValue(
  query: string,
  visibility: VisibilityState | undefined,
): GlobalFilterValue | undefined {
  const needle = query.trim().toLowerCase();
  return needle === "" ? undefined : { needle, visibility };
}

// Lower-cased cell text per row object, so a keystroke costs one `includes` per cell instead of
// String() + toLowerCase(). Keyed by the row object: a parent that replaces a row on update gets fresh text.
const textCache = new WeakMap<object, Map<string, string>>();

function cellText(original: unknown, columnId: string, value: () => unknown): string {
  const cacheable = typeof original === "object" && original !== null;
  let texts = cacheable ? textCache.get(original) : undefined;
  let text = texts?.get(columnId);
  if (text !== undefined) return text;
  const raw = value();
  text = typeof raw === "string" || typeof raw === "number" ? String(raw).toLowerCase() : "";
  if (cacheable) {
    if (!texts) textCache.set(original, (texts = new Map()));
    texts.set(columnId, text);
  }
  return text;
}

/** Case-insensitive substring match over string and number cells. */
export const matchesGlobalFilter: FilterFn<unknown> = (row, columnId, filter: GlobalFilterValue) =>
  cellText(row.original, columnId, () => row.getValue(columnId)).includes(filter.needle);

/** Only the columns the user can see take part in the quick search. */
export function canGlobalFilter<T>(column: Column<T, unknown>): boolean {
  return column.getIsVisible();
}

// Between two cells' texts in a row's haystack: a character no typed filter holds (a needle that does falls back to
// matching cell by cell), so a match never spans two cells.
const SEPARATOR = "\u0000";

/** A row's searchable text: its filterable cells lower-cased, joined by SEPARATOR; kept per row object. */
const haystacks = new WeakMap<object, { columns: readonly object[]; text: string }>();

function haystackOf<T>(row: Row<T>, columns: readonly Column<T, unknown>[]): string {
  const original = row.original;
  const cacheable = typeof original === "object" && original !== null;
  const cached = cacheable ? haystacks.get(original) : undefined;
  if (cached && cached.columns === columns) return cached.text;
  let text = "";
  for (let i = 0; i < columns.length; i++) {
    const raw = columns[i].accessorFn?.(original, row.index);
    if (i > 0) text += SEPARATOR;
    if (typeof raw === "string" || typeof raw === "number") text += String(raw).toLowerCase();
  }
  if (cacheable) haystacks.set(original, { columns, text });
  return text;
}

/**
 * The rows the quick search keeps: the same ones TanStack's own filtered model gives with matchesGlobalFilter (a row
 * matches when one of its filterable cells holds the needle), found with one `includes` per row over the row's
 * haystack instead of a filter function call, a `row.getValue` and a closure per cell. `columns` must be the same
 * array while the same columns are searched (the haystacks are kept for it). Null for a needle that holds the
 * separator: TanStack's model then matches cell by cell.
 */
export function quickFilterRows<T>(rows: Row<T>[], columns: readonly Column<T, unknown>[], filter: GlobalFilterValue): Row<T>[] | null {
  const { needle } = filter;
  if (needle.includes(SEPARATOR)) return null;
  return rows.filter((row) => haystackOf(row, columns).includes(needle));
}
