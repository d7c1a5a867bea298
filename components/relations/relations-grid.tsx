"use client";

import type { ColumnDef } from "@tanstack/react-table";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { deleteRelationAction, updateRelationFieldAction } from "@/app/(editor)/relations/actions";
import { commitCell } from "@/components/conflict/commit-cell";
import { useConflict } from "@/components/conflict/use-conflict";
import { DataGrid } from "@/components/data-grid/data-grid";
import { Button } from "@/components/ui/button";
import type { RelationRow } from "@/lib/metadata/relations";
import { RELATION_TYPES } from "@/lib/schemas/enums";

const columns: ColumnDef<RelationRow, unknown>[] = [
  {
    id: "from",
    accessorFn: (r) => `${r.from_table}.${r.from_column}`,
    header: "From",
    meta: { editor: { kind: "readonly" }, width: 220, headerTitle: "from_table.from_column" },
  },
  {
    id: "to",
    accessorFn: (r) => `${r.to_table}.${r.to_column}`,
    header: "To",
    meta: { editor: { kind: "readonly" }, width: 220, headerTitle: "to_table.to_column" },
  },
  {
    accessorKey: "relation_type",
    header: "Relation type",
    meta: { editor: { kind: "select", options: RELATION_TYPES.map((t) => ({ value: t })) }, width: 150 },
  },
  {
    accessorKey: "graphql_field",
    header: "GraphQL field",
    meta: { editor: { kind: "text", maxLength: 100 }, width: 160 },
  },
  { accessorKey: "is_cascade_delete", header: "Cascade delete", meta: { editor: { kind: "checkbox" }, width: 120 } },
  {
    accessorKey: "constraint_name",
    header: "Constraint name",
    meta: { editor: { kind: "text", maxLength: 200 }, width: 220 },
  },
];

export function RelationsGrid({
  rows,
  setRows,
  ariaLabel,
  filter,
  height,
  emptyState,
  onFilteredCountChange,
}: {
  rows: RelationRow[];
  setRows: (update: (rows: RelationRow[]) => RelationRow[]) => void;
  ariaLabel: string;
  filter?: string;
  height?: string;
  emptyState?: React.ReactNode;
  onFilteredCountChange?: (n: number) => void;
}) {
  const { ask, dialog } = useConflict();
  const [, start] = useTransition();
  const [, setTick] = useState(0);
  const replace = (row: RelationRow) => setRows((all) => all.map((r) => (r.id === row.id ? row : r)));
  const remove = (id: number) => setRows((all) => all.filter((r) => r.id !== id));

  const del = (row: RelationRow) =>
    start(async () => {
      if (
        !window.confirm(`Delete the relation ${row.from_table}.${row.from_column} → ${row.to_table}.${row.to_column}?`)
      )
        return;
      const result = await deleteRelationAction({ id: row.id, rowVersion: row.rowVersion });
      if (result.ok) {
        remove(row.id);
        toast.success("Relation deleted.");
      } else
        toast.error(
          "conflict" in result
            ? "Someone changed this relation meanwhile; it was not deleted."
            : (result.formError ?? "Not deleted."),
        );
      setTick((t) => t + 1);
    });

  return (
    <>
      <DataGrid
        data={rows}
        columns={columns}
        getRowId={(r) => String(r.id)}
        ariaLabel={ariaLabel}
        globalFilter={filter}
        onFilteredCountChange={onFilteredCountChange}
        height={height}
        rowActions={(row) => (
          <Button
            variant="ghost"
            className="px-2 py-1 text-xs text-red-700"
            onClick={() => del(row)}
            aria-label={`Delete relation ${row.from_table}.${row.from_column}`}
          >
            Delete
          </Button>
        )}
        onCellCommit={(row, field, value) =>
          commitCell({
            row,
            field,
            value,
            what: `Relation ${row.from_table}.${row.from_column}`,
            save: updateRelationFieldAction,
            replace,
            remove,
            ask,
          })
        }
        emptyState={emptyState ?? <p className="py-8 text-center text-sm text-zinc-600">No relations.</p>}
      />
      {dialog}
    </>
  );
}
