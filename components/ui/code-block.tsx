import type { ComponentProps } from "react";
import { cn } from "./cn";

/**
 * A scrollable block of SQL or code. Keyboard users must be able to scroll it too, so it is focusable, and
 * being focusable it is a named region (axe: scrollable-region-focusable; no aria-label on an unnamed role).
 */
export function CodeBlock({ label, className, ...props }: ComponentProps<"pre"> & { label: string }) {
  return (
    <pre
      tabIndex={0}
      role="region"
      aria-label={label}
      className={cn("overflow-auto rounded-md border border-zinc-200 font-mono text-xs", className)}
      {...props}
    />
  );
}
