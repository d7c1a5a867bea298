"use client";

import type { ColumnDef } from "@tanstack/react-table";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { updateTableCellsAction, updateTableFieldAction } from "@/app/(editor)/tables/actions";
import { commitCell } from "@/components/conflict/commit-cell";
import { commitCells } from "@/components/conflict/commit-cells";
import { useConflict } from "@/components/conflict/use-conflict";
import { DataGrid } from "@/components/data-grid/data-grid";
import { GridToolbar } from "@/components/data-grid/grid-toolbar";
import { fieldColumn } from "@/components/data-grid/field-columns";
import { Button } from "@/components/ui/button";
import type { Locale } from "@/lib/i18n/locale";
import type { TableListRow } from "@/lib/metadata/tables";
import { TABLE_FIELDS } from "@/lib/schemas/table";
import { DeleteTableDialog } from "./delete-table-dialog";
import { NewTableDialog } from "./new-table-dialog";
import { mergeRows, useServerRows } from "@/components/data-grid/use-server-rows";

const columnsFor = (locale: Locale, t: (key: "columns" | "updated") => string): ColumnDef<TableListRow, unknown>[] => [
  ...(["table_name", "schema_name", "label", "graphql_type", "description", "primary_key"] as const).map((f) =>
    fieldColumn<TableListRow, typeof TABLE_FIELDS>(TABLE_FIELDS, f, locale),
  ),
  fieldColumn<TableListRow, typeof TABLE_FIELDS>(TABLE_FIELDS, "is_api_enabled", locale, { width: 70, headerTitle: "is_api_enabled" }),
  { accessorKey: "column_count", header: t("columns"), meta: { editor: { kind: "readonly" }, width: 90, align: "right" } },
  {
    accessorKey: "updated_at",
    header: t("updated"),
    cell: (c) => String(c.getValue() ?? "").slice(0, 19),
    meta: { editor: { kind: "readonly" }, width: 170 },
  },
];

export function TablesView({ initial }: { initial: TableListRow[] }) {
  const router = useRouter();
  const t = useTranslations("tables");
  const locale = useLocale() as Locale;
  const columns = useMemo(() => columnsFor(locale, t), [locale, t]);
  const [rows, setRows] = useServerRows(initial);
  const [filter, setFilter] = useState("");
  const [shown, setShown] = useState(initial.length);
  const [creating, setCreating] = useState(false);
  const [deleting, setDeleting] = useState<TableListRow | null>(null);
  const { ask, dialog } = useConflict("table");

  const replace = (row: { id: number }) =>
    setRows((all) => all.map((r) => (r.id === row.id ? { ...r, ...(row as Partial<TableListRow>) } : r)));
  const remove = (id: number) => setRows((all) => all.filter((r) => r.id !== id));

  const rowActions = useMemo(
    () => (row: TableListRow) => (
      <Button
        variant="ghost"
        className="px-2 py-1 text-xs text-red-700"
        onClick={() => setDeleting(row)}
        aria-label={t("deleteNamed", { name: row.table_name })}
      >
        {t("delete")}
      </Button>
    ),
    [t],
  );

  return (
    <div className="space-y-4">
      <GridToolbar noun={(count) => t("noun", { count })} filter={filter} onFilter={setFilter} total={rows.length} shown={shown}>
        <Button onClick={() => setCreating(true)}>{t("new")}</Button>
      </GridToolbar>
      <DataGrid
        data={rows}
        columns={columns}
        getRowId={(r) => String(r.id)}
        ariaLabel={t("gridLabel")}
        layoutKey="tables"
        globalFilter={filter}
        onFilteredCountChange={setShown}
        onRowOpen={(r) => router.push(`/tables/${r.id}`)}
        rowActions={rowActions}
        rowLabel={(r) => r.table_name}
        onCellsCommit={(changes) =>
          commitCells({ changes, save: updateTableCellsAction, replaceAll: (saved) => setRows((all) => mergeRows(all, saved)) })
        }
        onCellCommit={(row, field, value) =>
          commitCell({
            row,
            field,
            value,
            what: t("what", { name: row.table_name }),
            save: updateTableFieldAction,
            replace,
            remove,
            ask,
          })
        }
        emptyState={
          <div className="space-y-2 py-10 text-center text-sm text-zinc-600">
            <p>{t("empty")}</p>
            <Button onClick={() => setCreating(true)}>{t("new")}</Button>
          </div>
        }
      />
      <NewTableDialog open={creating} onClose={() => setCreating(false)} />
      <DeleteTableDialog
        table={deleting}
        onClose={() => setDeleting(null)}
        onDeleted={(id) => {
          remove(id);
          setDeleting(null);
          router.refresh();
        }}
      />
      {dialog}
    </div>
  );
}
