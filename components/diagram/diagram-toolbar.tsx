"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Checkbox, Input, Select } from "@/components/ui/field";
import type { DiagramTable } from "@/lib/metadata/diagram";
import { searchTables } from "./diagram-graph";

export interface ToolbarProps {
  tables: DiagramTable[];
  schemas: string[];
  schema: string;
  onSchema: (schema: string) => void;
  hideColumns: boolean;
  onHideColumns: (hide: boolean) => void;
  onFocus: (table: DiagramTable) => void;
  onFit: () => void;
  onExport: (format: "svg" | "png") => void;
  exporting: boolean;
  onNewTable?: () => void;
  onNewRelation: () => void;
  onAutoLayout: () => void;
}

/** Search-and-focus, schema filter, columns on/off, fit, export, and the modelling buttons. */
export function DiagramToolbar(p: ToolbarProps) {
  const t = useTranslations("diagram");
  const [text, setText] = useState("");
  const hits = searchTables(p.tables, text);
  const pick = (table: DiagramTable) => {
    p.onFocus(table);
    setText("");
  };
  return (
    <div className="flex flex-wrap items-center gap-2">
      <div className="relative w-64">
        <Input
          type="search"
          aria-label={t("find")}
          placeholder={t("findPlaceholder")}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter" && hits[0]) pick(hits[0]);
            if (e.key === "Escape") setText("");
          }}
        />
        {hits.length > 0 && (
          <ul role="listbox" aria-label={t("matching")} className="absolute z-20 mt-1 w-full rounded-md border border-zinc-200 bg-white py-1 shadow-lg">
            {hits.map((h) => (
              <li key={h.id} role="option" aria-selected={false}>
                <button type="button" className="block w-full px-3 py-1 text-left text-sm hover:bg-zinc-100" onClick={() => pick(h)}>
                  <span className="font-mono">{h.schema_name === "public" ? h.table_name : `${h.schema_name}.${h.table_name}`}</span>{" "}
                  <span className="text-zinc-500">{h.label}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
      {p.schemas.length > 1 && (
        <Select aria-label={t("schema")} className="w-44" value={p.schema} onChange={(e) => p.onSchema(e.target.value)}>
          <option value="">{t("allSchemas")}</option>
          {p.schemas.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </Select>
      )}
      <Checkbox label={t("hideColumns")} checked={p.hideColumns} onChange={(e) => p.onHideColumns(e.target.checked)} />
      <Button variant="secondary" onClick={p.onFit}>
        {t("fit")}
      </Button>
      <Button variant="secondary" onClick={() => p.onExport("svg")} pending={p.exporting}>
        {t("exportSvg")}
      </Button>
      <Button variant="secondary" onClick={() => p.onExport("png")} pending={p.exporting}>
        {t("exportPng")}
      </Button>
      <Button variant="secondary" onClick={p.onAutoLayout} title={t("autoLayoutHint")}>
        {t("autoLayout")}
      </Button>
      <div className="ml-auto flex gap-2">
        {p.onNewTable && (
          <Button variant="secondary" onClick={p.onNewTable}>
            {t("newTable")}
          </Button>
        )}
        <Button onClick={p.onNewRelation}>{t("newRelation")}</Button>
      </div>
    </div>
  );
}
