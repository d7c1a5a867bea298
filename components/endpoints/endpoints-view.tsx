"use client";

import type { ColumnDef } from "@tanstack/react-table";
import { useMemo, useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { toast } from "sonner";
import { updateEndpointCellsAction, updateEndpointFieldAction } from "@/app/(editor)/api-endpoints/actions";
import { commitCell } from "@/components/conflict/commit-cell";
import { commitCells } from "@/components/conflict/commit-cells";
import { useConflict } from "@/components/conflict/use-conflict";
import { DataGrid } from "@/components/data-grid/data-grid";
import { GridToolbar } from "@/components/data-grid/grid-toolbar";
import { fieldColumn } from "@/components/data-grid/field-columns";
import { Button } from "@/components/ui/button";
import type { Locale } from "@/lib/i18n/locale";
import type { EndpointRow } from "@/lib/metadata/endpoints";
import { ENDPOINT_FIELDS } from "@/lib/schemas/endpoint";
import { DeleteEndpointDialog } from "./delete-endpoint-dialog";
import { EndpointDetails } from "./endpoint-details";
import { NewEndpointDialog } from "./new-endpoint-dialog";
import { mergeRows, useServerRows } from "@/components/data-grid/use-server-rows";

const columnsFor = (locale: Locale, updated: string): ColumnDef<EndpointRow, unknown>[] => [
  ...(["endpoint_name", "method", "base_url", "timeout_ms"] as const).map((f) =>
    fieldColumn<EndpointRow, typeof ENDPOINT_FIELDS>(ENDPOINT_FIELDS, f, locale),
  ),
  fieldColumn<EndpointRow, typeof ENDPOINT_FIELDS>(ENDPOINT_FIELDS, "is_active", locale, { headerTitle: "is_active" }),
  fieldColumn<EndpointRow, typeof ENDPOINT_FIELDS>(ENDPOINT_FIELDS, "description", locale),
  {
    accessorKey: "updated_at",
    header: updated,
    cell: (c) => String(c.getValue() ?? "").slice(0, 19),
    meta: { editor: { kind: "readonly" }, width: 170 },
  },
];

const byName = (a: EndpointRow, b: EndpointRow) => a.endpoint_name.localeCompare(b.endpoint_name);

export function EndpointsView({ initial }: { initial: EndpointRow[] }) {
  const t = useTranslations("endpoints");
  const common = useTranslations("common");
  const locale = useLocale() as Locale;
  const columns = useMemo(() => columnsFor(locale, t("updated")), [locale, t]);
  const [rows, setRows] = useServerRows(initial);
  const [filter, setFilter] = useState("");
  const [shown, setShown] = useState(initial.length);
  const [creating, setCreating] = useState(false);
  const [detail, setDetail] = useState<EndpointRow | null>(null);
  const [deleting, setDeleting] = useState<EndpointRow | null>(null);
  const { ask, dialog } = useConflict("endpoint");

  const replace = (row: EndpointRow) => setRows((all) => all.map((r) => (r.id === row.id ? row : r)));
  const remove = (id: number) => setRows((all) => all.filter((r) => r.id !== id));

  const rowActions = useMemo(
    () => (row: EndpointRow) => (
      <Button
        variant="ghost"
        className="px-2 py-1 text-xs text-red-700"
        onClick={() => setDeleting(row)}
        aria-label={t("deleteNamed", { name: row.endpoint_name })}
      >
        {common("delete")}
      </Button>
    ),
    [t, common],
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
        layoutKey="endpoints"
        globalFilter={filter}
        onFilteredCountChange={setShown}
        onRowOpen={setDetail}
        rowActions={rowActions}
        rowLabel={(r) => r.endpoint_name}
        onCellsCommit={(changes) =>
          commitCells({ changes, save: updateEndpointCellsAction, replaceAll: (saved) => setRows((all) => mergeRows(all, saved)) })
        }
        onCellCommit={(row, field, value) =>
          commitCell({
            row,
            field,
            value,
            what: t("what", { name: row.endpoint_name }),
            save: updateEndpointFieldAction,
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
      <NewEndpointDialog
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(row) => {
          setRows((all) => [...all, row].sort(byName));
          toast.success(t("created", { name: row.endpoint_name }));
        }}
      />
      <EndpointDetails row={detail} onClose={() => setDetail(null)} onSaved={replace} onGone={remove} />
      <DeleteEndpointDialog
        endpoint={deleting}
        onClose={() => setDeleting(null)}
        onDeleted={(id) => {
          remove(id);
          setDeleting(null);
        }}
      />
      {dialog}
    </div>
  );
}
