import type { ReactNode } from "react";
import { Input } from "@/components/ui/field";

/** Above a grid: the quick filter ("Filter <noun>"), how many rows it shows, and the page's actions. */
export function GridToolbar({
  noun,
  filter,
  onFilter,
  total,
  shown,
  children,
}: {
  noun: string;
  filter: string;
  onFilter: (value: string) => void;
  total: number;
  shown: number;
  children?: ReactNode;
}) {
  // `noun` is a plural in -s (tables, columns, relations, endpoints).
  const of = (n: number) => (n === 1 ? noun.replace(/s$/, "") : noun);
  return (
    <div className="flex flex-wrap items-center gap-3">
      <Input
        type="search"
        aria-label={`Filter ${noun}`}
        placeholder={`Filter ${noun}…`}
        value={filter}
        onChange={(e) => onFilter(e.target.value)}
        className="max-w-xs"
      />
      <span className="text-xs text-zinc-500" aria-live="polite">
        {filter ? `${shown} of ${total} ${of(total)}` : `${total} ${of(total)}`}
      </span>
      <div className="ml-auto flex gap-2">{children}</div>
    </div>
  );
}
