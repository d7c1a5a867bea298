"use client";

import { useTranslations } from "next-intl";
import { Input } from "@/components/ui/field";

/**
 * The top of the column panel (issue 11 point 1): a search box that narrows the panel to the fields it finds, and a
 * link per section that scrolls to it and focuses its first field.
 */
export function PanelNav({
  query,
  onQuery,
  groups,
  sectionId,
}: {
  query: string;
  onQuery: (text: string) => void;
  /** The groups (sections) that have a field shown. */
  groups: string[];
  sectionId: (group: string) => string;
}) {
  const t = useTranslations("grid");
  const groupT = useTranslations("groups");
  return (
    <div className="sticky top-0 z-10 flex flex-wrap items-center gap-x-3 gap-y-1 bg-white pb-2 text-xs">
      <Input
        type="search"
        aria-label={t("panelFind")}
        placeholder={t("panelFindPlaceholder")}
        value={query}
        onChange={(e) => onQuery(e.target.value)}
        // Inside the panel's form: Enter would save it.
        onKeyDown={(e) => e.key === "Enter" && e.preventDefault()}
        className="h-7 w-48 py-0 text-xs"
      />
      <nav aria-label={t("panelSections")} className="flex flex-wrap gap-x-2">
        {groups.map((id) => (
          <button
            key={id}
            type="button"
            className="text-blue-700 underline-offset-2 hover:underline"
            onClick={() => {
              const section = document.getElementById(sectionId(id));
              section?.scrollIntoView({ block: "start" });
              section?.querySelector<HTMLElement>("input, select, textarea, button")?.focus({ preventScroll: true });
            }}
          >
            {groupT(id as never)}
          </button>
        ))}
      </nav>
    </div>
  );
}
