import type { Column, FilterFn, VisibilityState } from "@tanstack/react-table";

/**
 * The table's globalFilter state. It carries the visibility map because TanStack memoizes the filtered row model
 * on the filter value only: a new object when the visible columns change makes it filter again.
 */
export interface GlobalFilterValue {
  needle: string;
  visibility: VisibilityState | undefined;
}

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
