"use client";

import { useId, useState } from "react";
import type { Column } from "@tanstack/react-table";
import { Columns3 } from "lucide-react";
import { useTranslations } from "next-intl";
import { cn } from "@/components/ui/cn";
import { columnLabel, columnWidth } from "./types";
import { MAX_COLUMN_WIDTH, MIN_COLUMN_WIDTH } from "./use-column-layout";

/**
 * The keyboard way to arrange a grid's columns (a drag on a header edge resizes too): show or hide, pin to
 * the left edge, and set the width of each column the page shows, remembered in this browser.
 */
export function GridLayoutMenu<T>(props: {
  gridLabel: string;
  columns: Column<T, unknown>[];
  hidden: readonly string[];
  pinned: readonly string[];
  onHide: (id: string, hidden: boolean) => void;
  onPin: (id: string, pinned: boolean) => void;
  onWidth: (id: string, width: number) => void;
  onReset: () => void;
}) {
  const t = useTranslations("grid");
  const [open, setOpen] = useState(false);
  const title = t("layoutOf", { grid: props.gridLabel.toLowerCase() });
  const panelId = useId();
  return (
    <div className="relative flex justify-end">
      <button
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen(!open)}
        className="flex items-center gap-1 rounded px-2 py-1 text-xs text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900"
      >
        <Columns3 aria-hidden className="size-3.5" />
        {title}
      </button>
      {open && (
        <div
          id={panelId}
          role="group"
          aria-label={title}
          onKeyDown={(e) => e.key === "Escape" && setOpen(false)}
          className="absolute top-full right-0 z-30 mt-1 max-h-96 w-96 overflow-auto rounded-md border border-zinc-200 bg-white p-2 text-xs shadow-lg"
        >
          <table className="w-full">
            <thead className="text-left text-zinc-500">
              <tr>
                <th className="font-medium">{t("layoutColumn")}</th>
                <th className="font-medium">{t("layoutShown")}</th>
                <th className="font-medium">{t("layoutPinned")}</th>
                <th className="font-medium">{t("layoutWidth")}</th>
              </tr>
            </thead>
            <tbody>
              {props.columns.map((column) => {
                const label = columnLabel(column);
                const hidden = props.hidden.includes(column.id);
                return (
                  <tr key={column.id} className={cn("border-t border-zinc-100", hidden && "text-zinc-400")}>
                    <td className="py-1 pr-2">{label}</td>
                    <td>
                      <input
                        type="checkbox"
                        className="accent-blue-600"
                        aria-label={t("showColumn", { label })}
                        checked={!hidden}
                        onChange={(e) => props.onHide(column.id, !e.target.checked)}
                      />
                    </td>
                    <td>
                      <input
                        type="checkbox"
                        className="accent-blue-600"
                        aria-label={t("pinColumn", { label })}
                        checked={props.pinned.includes(column.id)}
                        onChange={(e) => props.onPin(column.id, e.target.checked)}
                      />
                    </td>
                    <td>
                      <input
                        type="number"
                        aria-label={t("widthOf", { label })}
                        min={MIN_COLUMN_WIDTH}
                        max={MAX_COLUMN_WIDTH}
                        step={10}
                        defaultValue={columnWidth(column)}
                        key={columnWidth(column)}
                        onBlur={(e) => {
                          const n = Number(e.target.value);
                          if (Number.isFinite(n) && n > 0) props.onWidth(column.id, n);
                        }}
                        onKeyDown={(e) => {
                          if (e.key !== "Enter") return;
                          const n = Number(e.currentTarget.value);
                          if (Number.isFinite(n) && n > 0) props.onWidth(column.id, n);
                        }}
                        className="w-20 rounded border border-zinc-300 px-1 py-0.5"
                      />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <button type="button" onClick={props.onReset} className="mt-2 rounded px-2 py-1 text-zinc-700 hover:bg-zinc-100">
            {t("resetLayout")}
          </button>
        </div>
      )}
    </div>
  );
}
