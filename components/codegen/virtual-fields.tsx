"use client";

import { useVirtualizer } from "@tanstack/react-virtual";
import { useEffect, useRef, type ReactNode } from "react";

/** Forms longer than this are drawn as they scroll into view (the 2,000-column table has ~1,800 fields). */
export const VIRTUAL_FIELDS_FROM = 100;

/**
 * A long form's fields in a scroll box, only those in view (and a few around) in the DOM. react-hook-form keeps
 * the values of fields scrolled away (shouldUnregister is off), so nothing typed is lost and Validate checks all.
 * `scrollTo` is set to a function that brings a field into view (the first invalid one after Validate).
 */
export function VirtualFields<T>({
  items,
  render,
  scrollTo,
}: {
  items: T[];
  render: (item: T) => ReactNode;
  scrollTo: { current: ((index: number) => void) | null };
}) {
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => 64,
    overscan: 6,
    gap: 16,
  });
  useEffect(() => {
    scrollTo.current = (index) => virtualizer.scrollToIndex(index, { align: "start" });
    return () => {
      scrollTo.current = null;
    };
  }, [virtualizer, scrollTo]);
  return (
    <div ref={scroller} className="max-h-[70vh] overflow-auto pr-2" data-testid="virtual-fields">
      <div style={{ height: virtualizer.getTotalSize(), position: "relative" }}>
        {virtualizer.getVirtualItems().map((row) => (
          <div
            key={row.key}
            data-index={row.index}
            ref={virtualizer.measureElement}
            style={{ position: "absolute", top: 0, left: 0, width: "100%", transform: `translateY(${row.start}px)` }}
          >
            {render(items[row.index])}
          </div>
        ))}
      </div>
    </div>
  );
}
