"use client";

import { useEffect, useState } from "react";

/**
 * A grid's rows: the server's rows as given, edited locally afterwards, and replaced when the server sends
 * new ones (a refresh or a navigation back to the page), which already hold every saved edit.
 * The grid relies on one contract (row-models.ts, grid-row.tsx): a change makes a new array in which every row
 * that did not change is the same object as before, and a changed row is a new object.
 */
export function useServerRows<R>(initial: R[]) {
  const [rows, setRows] = useState(initial);
  useEffect(() => setRows(initial), [initial]);
  return [rows, setRows] as const;
}

/** `all` with the rows of `updated` merged in by id (fields a list row has and the saved row lacks are kept). */
export function mergeRows<R extends { id: number }>(all: R[], updated: readonly Partial<R>[] & { id: number }[]): R[] {
  const byId = new Map(updated.map((row) => [row.id, row]));
  return byId.size === 0 ? all : all.map((r) => (byId.has(r.id) ? { ...r, ...byId.get(r.id) } : r));
}
