"use client";

import { useEffect, useState } from "react";

/**
 * A grid's rows: the server's rows as given, edited locally afterwards, and replaced when the server sends
 * new ones (a refresh or a navigation back to the page), which already hold every saved edit.
 */
export function useServerRows<R>(initial: R[]) {
  const [rows, setRows] = useState(initial);
  useEffect(() => setRows(initial), [initial]);
  return [rows, setRows] as const;
}
