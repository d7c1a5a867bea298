"use client";

import { useLayoutEffect, useRef, useState } from "react";

type Handlers = Record<string, (...args: never[]) => unknown>;

/**
 * The same function objects on every render, each calling the latest render's handler. React Flow hands its
 * `onNode…` props to every box's wrapper (memoized on them) and copies its `onMove…`, `onConnectEnd`,
 * `onNodeDragStop` … props into its store (one store update per changed prop, each running every box's and line's
 * selectors): a new arrow function per render of the diagram made every render of the diagram (a search-and-focus
 * has two) draw all its 300 boxes again.
 */
export function useStableHandlers<H extends Handlers>(handlers: H): H {
  const latest = useRef(handlers);
  useLayoutEffect(() => {
    latest.current = handlers;
  });
  const [stable] = useState(
    () => Object.fromEntries(Object.keys(handlers).map((key) => [key, (...args: never[]) => latest.current[key](...args)])) as H,
  );
  return stable;
}
