import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
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
  /** The rows' noun for a count ("table" / "tables"): the catalog's plural message of the grid's entity. */
  noun: (count: number) => string;
  filter: string;
  onFilter: (value: string) => void;
  total: number;
  shown: number;
  children?: ReactNode;
}) {
  const t = useTranslations("grid");
  return (
    <div className="flex flex-wrap items-center gap-3">
      <Input
        type="search"
        aria-label={t("filter", { noun: noun(2) })}
        placeholder={t("filterPlaceholder", { noun: noun(2) })}
        value={filter}
        onChange={(e) => onFilter(e.target.value)}
        className="max-w-xs"
      />
      <span className="text-xs text-zinc-500" aria-live="polite">
        {filter ? t("countShown", { shown, total, noun: noun(total) }) : t("count", { total, noun: noun(total) })}
      </span>
      <div className="ml-auto flex gap-2">{children}</div>
    </div>
  );
}
