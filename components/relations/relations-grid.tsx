"use client";

import type { ColumnDef } from "@tanstack/react-table";
import { useLocale, useTranslations } from "next-intl";
import { useCallback, useMemo, useState } from "react";
import { updateRelationCellsAction, updateRelationFieldAction } from "@/app/(editor)/relations/actions";
import { mergeRows } from "@/components/data-grid/use-server-rows";
import { commitCell } from "@/components/conflict/commit-cell";
import { commitCells } from "@/components/conflict/commit-cells";
import { useConflict } from "@/components/conflict/use-conflict";
import { DataGrid } from "@/components/data-grid/data-grid";
import { fieldColumn } from "@/components/data-grid/field-columns";
import { Button } from "@/components/ui/button";
import type { Locale } from "@/lib/i18n/locale";
import type { RelationRow } from "@/lib/metadata/relations";
import { RELATION_INLINE_FIELDS } from "@/lib/schemas/relation";
import type { CellFocus } from "@/components/tables/table-tabs";
import { DeleteRelationDialog } from "./delete-relation-dialog";

const columnsFor = (locale: Locale, t: (key: "from" | "to") => string): ColumnDef<RelationRow, unknown>[] => [
  {
    id: "from",
    accessorFn: (r) => `${r.from_table}.${r.from_column}`,
    header: t("from"),
    meta: { editor: { kind: "readonly" }, width: 220, headerTitle: "from_table.from_column" },
  },
  {
    id: "to",
    accessorFn: (r) => `${r.to_table}.${r.to_column}`,
    header: t("to"),
    meta: { editor: { kind: "readonly" }, width: 220, headerTitle: "to_table.to_column" },
  },
  ...(["relation_type", "graphql_field", "is_cascade_delete", "constraint_name"] as const).map((f) =>
    fieldColumn<RelationRow, typeof RELATION_INLINE_FIELDS>(RELATION_INLINE_FIELDS, f, locale),
  ),
];

/** A relation's field → the grid column that shows it (the ends are shown as table.column). */
const GRID_COLUMN_OF: Record<string, string> = { from_table_id: "from", from_table: "from", from_column: "from", to_table_id: "to", to_table: "to", to_column: "to" };

export function RelationsGrid({
  rows,
  setRows,
  ariaLabel,
  layoutKey,
  filter,
  height,
  emptyState,
  onFilteredCountChange,
  onDeleted,
  focus,
}: {
  rows: RelationRow[];
  setRows: (update: (rows: RelationRow[]) => RelationRow[]) => void;
  ariaLabel: string;
  /** Where its column layout is remembered: the same in every language (see DataGrid). */
  layoutKey: string;
  filter?: string;
  height?: string;
  emptyState?: React.ReactNode;
  onFilteredCountChange?: (n: number) => void;
  /** After a delete (the relation, and its reverse when chosen): other lists showing them drop them too. */
  onDeleted?: (ids: number[]) => void;
  /** A relation's cell to show and focus (a problem's link); ignored when the relation is not in these rows. */
  focus?: CellFocus | null;
}) {
  const t = useTranslations("relations");
  const c = useTranslations("common");
  const locale = useLocale() as Locale;
  const columns = useMemo(() => columnsFor(locale, t), [locale, t]);
  const { ask, dialog } = useConflict("relation");
  const [deleting, setDeleting] = useState<RelationRow | null>(null);
  const replace = (row: RelationRow) => setRows((all) => all.map((r) => (r.id === row.id ? row : r)));
  const remove = (id: number) => setRows((all) => all.filter((r) => r.id !== id));
  // Stable: the grid re-renders every row when its row actions change.
  const rowActions = useCallback(
    (row: RelationRow) => (
      <Button
        variant="ghost"
        className="px-2 py-1 text-xs text-red-700"
        onClick={() => setDeleting(row)}
        aria-label={t("deleteNamed", { name: `${row.from_table}.${row.from_column}` })}
      >
        {c("delete")}
      </Button>
    ),
    [t, c],
  );

  return (
    <>
      <DataGrid
        data={rows}
        columns={columns}
        getRowId={(r) => String(r.id)}
        ariaLabel={ariaLabel}
        layoutKey={layoutKey}
        focusCell={focus?.rowId ? { rowId: String(focus.rowId), colId: GRID_COLUMN_OF[focus.field] ?? focus.field } : null}
        globalFilter={filter}
        onFilteredCountChange={onFilteredCountChange}
        height={height}
        rowActions={rowActions}
        onCellsCommit={(changes) =>
          commitCells({ changes, save: updateRelationCellsAction, replaceAll: (saved) => setRows((all) => mergeRows(all, saved)) })
        }
        onCellCommit={(row, field, value) =>
          commitCell({
            row,
            field,
            value,
            what: t("what", { name: `${row.from_table}.${row.from_column}` }),
            save: updateRelationFieldAction,
            replace,
            remove,
            ask,
          })
        }
        emptyState={emptyState ?? <p className="py-8 text-center text-sm text-zinc-600">{t("none")}</p>}
      />
      {dialog}
      <DeleteRelationDialog
        relation={deleting}
        onClose={() => setDeleting(null)}
        onDeleted={(ids) => {
          setRows((all) => all.filter((r) => !ids.includes(r.id)));
          onDeleted?.(ids);
        }}
      />
    </>
  );
}
