"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "sonner";
import { GridToolbar } from "@/components/data-grid/grid-toolbar";
import { Button } from "@/components/ui/button";
import type { RelationRow } from "@/lib/metadata/relations";
import { createdRelations, NewRelationDialog, type TableOption } from "./new-relation-dialog";
import { RelationsGrid } from "./relations-grid";
import { useServerRows } from "@/components/data-grid/use-server-rows";

export function RelationsView({ initial, tables }: { initial: RelationRow[]; tables: TableOption[] }) {
  const t = useTranslations("relations");
  const [rows, setRows] = useServerRows(initial);
  const [filter, setFilter] = useState("");
  const [shown, setShown] = useState(initial.length);
  const [creating, setCreating] = useState(false);
  return (
    <div className="space-y-4">
      <GridToolbar noun={(count) => t("noun", { count })} filter={filter} onFilter={setFilter} total={rows.length} shown={shown}>
        <Button
          onClick={() => setCreating(true)}
          disabled={tables.length === 0}
          title={tables.length === 0 ? t("tablesFirst") : undefined}
        >
          {t("new")}
        </Button>
      </GridToolbar>
      <RelationsGrid
        rows={rows}
        setRows={setRows}
        ariaLabel={t("gridLabel")}
        layoutKey="relations"
        filter={filter}
        onFilteredCountChange={setShown}
        emptyState={
          <p className="py-10 text-center text-sm text-zinc-600">
            {t("empty")}
          </p>
        }
      />
      {creating && (
        <NewRelationDialog
          open={creating}
          onClose={() => setCreating(false)}
          tables={tables}
          onCreated={(result) => {
            const row = result.relation;
            setRows((all) => [...all, ...createdRelations(result)]);
            toast.success(t("created", { from: `${row.from_table}.${row.from_column}`, to: `${row.to_table}.${row.to_column}` }));
          }}
        />
      )}
    </div>
  );
}
