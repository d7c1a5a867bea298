import { useCallback, useEffect, useState } from "react";

/** A user's arrangement of one grid's columns, kept in this browser (localStorage), per grid. */
export interface ColumnLayout {
  /** Widths in px the user set, by column id. */
  widths: Record<string, number>;
  /** Columns the user hid (on top of the page's own group toggles). */
  hidden: string[];
  /** Columns pinned to the left edge, in order; null: the default (the first column). */
  pinned: string[] | null;
}

export const MIN_COLUMN_WIDTH = 48;
export const MAX_COLUMN_WIDTH = 1200;
const EMPTY: ColumnLayout = { widths: {}, hidden: [], pinned: null };
const storageKey = (key: string) => `metadata-editor:grid-layout:${key}`;

const clampWidth = (n: number) => Math.round(Math.min(MAX_COLUMN_WIDTH, Math.max(MIN_COLUMN_WIDTH, n)));

/** A stored layout, checked field by field: whatever is malformed is dropped, never trusted. */
function readLayout(text: string | null): ColumnLayout {
  if (!text) return EMPTY;
  try {
    const raw = JSON.parse(text) as Partial<Record<keyof ColumnLayout, unknown>>;
    const strings = (v: unknown) => (Array.isArray(v) ? v.filter((s): s is string => typeof s === "string") : null);
    const widths: Record<string, number> = {};
    if (raw.widths && typeof raw.widths === "object") {
      for (const [id, w] of Object.entries(raw.widths)) if (typeof w === "number" && Number.isFinite(w)) widths[id] = clampWidth(w);
    }
    return { widths, hidden: strings(raw.hidden) ?? [], pinned: strings(raw.pinned) };
  } catch {
    return EMPTY;
  }
}

/**
 * The layout of grid `key` (none: not remembered), loaded after mount so the server render stays the default.
 * `formerKey`: where an earlier version kept it (the grid's label in the page's language), read when `key` has none.
 */
export function useColumnLayout(key: string | undefined, formerKey?: string) {
  const [layout, setLayout] = useState<ColumnLayout>(EMPTY);
  useEffect(() => {
    if (!key) return;
    let stored = window.localStorage.getItem(storageKey(key));
    if (stored === null && formerKey) {
      stored = window.localStorage.getItem(storageKey(formerKey));
      // Kept under the key from now on, so the other language finds it too.
      if (stored !== null) {
        try {
          window.localStorage.setItem(storageKey(key), stored);
        } catch {
          // A full or disabled storage only means the layout is not remembered.
        }
      }
    }
    setLayout(readLayout(stored));
  }, [key, formerKey]);

  const update = useCallback(
    (change: (current: ColumnLayout) => ColumnLayout) =>
      setLayout((current) => {
        const next = change(current);
        if (key) {
          try {
            window.localStorage.setItem(storageKey(key), JSON.stringify(next));
          } catch {
            // A full or disabled storage only means the layout is not remembered.
          }
        }
        return next;
      }),
    [key],
  );

  const setWidth = useCallback((id: string, width: number) => update((l) => ({ ...l, widths: { ...l.widths, [id]: clampWidth(width) } })), [update]);
  const setHidden = useCallback(
    (id: string, hidden: boolean) => update((l) => ({ ...l, hidden: hidden ? [...new Set([...l.hidden, id])] : l.hidden.filter((h) => h !== id) })),
    [update],
  );
  const setPinned = useCallback(
    (id: string, pinned: boolean, defaults: string[]) =>
      update((l) => {
        const current = l.pinned ?? defaults;
        return { ...l, pinned: pinned ? [...current.filter((p) => p !== id), id] : current.filter((p) => p !== id) };
      }),
    [update],
  );
  const reset = useCallback(() => update(() => EMPTY), [update]);

  return { layout, setWidth, setHidden, setPinned, reset };
}
