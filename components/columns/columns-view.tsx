"use client";

import type { ColumnDef, VisibilityState } from "@tanstack/react-table";
import { useRouter } from "next/navigation";
import { useCallback, useLayoutEffect, useMemo, useRef, useState, type Dispatch, type SetStateAction } from "react";
import { useLocale, useTranslations } from "next-intl";
import { toast } from "sonner";
import {
  deleteColumnAction,
  reorderColumnsAction,
  updateColumnCellsAction,
  updateColumnFieldAction,
} from "@/app/(editor)/tables/[id]/actions";
import { commitCell } from "@/components/conflict/commit-cell";
import { commitCells } from "@/components/conflict/commit-cells";
import { useConflict } from "@/components/conflict/use-conflict";
import { DataGrid } from "@/components/data-grid/data-grid";
import { GridToolbar } from "@/components/data-grid/grid-toolbar";
import { fieldColumn } from "@/components/data-grid/field-columns";
import { deletedToast } from "@/components/history/undo-toast";
import { Button } from "@/components/ui/button";
import { ConfirmDialog, deleteFailure } from "@/components/ui/confirm-dialog";
import type { Locale } from "@/lib/i18n/locale";
import type { ColumnRow } from "@/lib/metadata/columns";
import { FORM_TYPES } from "@/lib/metadata/derive";
import { COLUMN_FIELDS, COLUMN_GROUPS } from "@/lib/schemas/column";
import { AddColumnDialog } from "./add-column-dialog";
import { ColumnPanel } from "./column-panel";
import { FieldFinder } from "./field-finder";
import { EnumOptionsEditor, PgConstraintsEditor, ValidationRulesEditor } from "./json-editors";
import { PasteColumnsDialog } from "./paste-columns-dialog";
import { mergeRows } from "@/components/data-grid/use-server-rows";
import type { CellFocus } from "@/components/tables/table-tabs";

/** In the grid, a JSON cell with a structured editor in the panel opens the same editor. */
const STRUCTURED_EDITORS = {
  enum_options: (text: string, onChange: (t: string) => void, label: string) => <EnumOptionsEditor value={text} onChange={onChange} label={label} />,
  validation_rules: (text: string, onChange: (t: string) => void, label: string) => <ValidationRulesEditor value={text} onChange={onChange} label={label} />,
  pg_constraints: (text: string, onChange: (t: string) => void, label: string) => <PgConstraintsEditor value={text} onChange={onChange} label={label} />,
};

const FORM_TYPE_EDITOR = { kind: "select", options: FORM_TYPES.map((t) => ({ value: t })) } as const;

const columnsFor = (locale: Locale, groupTitle: (id: string) => string): ColumnDef<ColumnRow, unknown>[] =>
  COLUMN_GROUPS.flatMap((group) =>
    group.fields.map((field) =>
      fieldColumn<ColumnRow, typeof COLUMN_FIELDS>(COLUMN_FIELDS, field, locale, {
        group: groupTitle(group.id),
        ...(field === "form_type" ? { editor: FORM_TYPE_EDITOR } : {}),
        ...(field in STRUCTURED_EDITORS ? { structured: STRUCTURED_EDITORS[field as keyof typeof STRUCTURED_EDITORS] } : {}),
      }),
    ),
  );

const DEFAULT_GROUPS = new Set(["database", "graphql", "ui"]);

function visibilityFor(groups: Set<string>): VisibilityState {
  return Object.fromEntries(COLUMN_GROUPS.flatMap((g) => g.fields.map((f) => [f, groups.has(g.id)])));
}

/** The groups shown at first: the defaults, and the group of a field a link points at. */
function initialGroups(field: string | undefined): Set<string> {
  const group = COLUMN_GROUPS.find((g) => (g.fields as string[]).includes(field ?? ""));
  return group ? new Set([...DEFAULT_GROUPS, group.id]) : DEFAULT_GROUPS;
}

/** A table's columns; the rows live in the table's page, so its tab count and other tabs follow every change. */
export function ColumnsView({
  tableId,
  rows,
  setRows,
  endpointNames,
  focus,
}: {
  tableId: number;
  rows: ColumnRow[];
  setRows: Dispatch<SetStateAction<ColumnRow[]>>;
  endpointNames?: string[];
  /** A cell to show and focus (a problem's link): the column's row, the field's grid column. */
  focus?: CellFocus | null;
}) {
  const router = useRouter();
  const locale = useLocale() as Locale;
  const groupT = useTranslations("groups");
  const t = useTranslations("columns");
  const common = useTranslations("common");
  const gridColumns = useMemo(() => columnsFor(locale, (id) => groupT(id as never)), [locale, groupT]);
  const [filter, setFilter] = useState("");
  const [shown, setShown] = useState(rows.length);
  const [groups, setGroups] = useState(() => initialGroups(focus?.field));
  const [jump, setJump] = useState<{ columnId: string } | undefined>();
  const [adding, setAdding] = useState(false);
  const [pasting, setPasting] = useState(false);
  const [detail, setDetail] = useState<ColumnRow | null>(null);
  const { ask, dialog } = useConflict("column");
  const visibility = useMemo(() => visibilityFor(groups), [groups]);

  const replace = (row: ColumnRow) => setRows((all) => all.map((r) => (r.id === row.id ? row : r)));
  const remove = (id: number) => setRows((all) => all.filter((r) => r.id !== id));

  // Stable (rows read through a ref), so the grid's row actions are too and rows re-render only for their data.
  const latestRows = useRef(rows);
  useLayoutEffect(() => {
    latestRows.current = rows;
  });
  // Moves are shown at once and saved one after another: each reorder is sent with the versions the previous
  // one left (a reorder changes the moved rows' versions), so quick Alt+↑/↓ presses are not refused as stale.
  // A refused reorder shows the columns as the server has them, and the moves queued behind it are dropped
  // (they were made on the refused order).
  const saving = useRef<Promise<void>>(Promise.resolve());
  const queued = useRef(0);
  const generation = useRef(0);
  const move = useCallback((row: ColumnRow, delta: -1 | 1) => {
    const rows = latestRows.current;
    const index = rows.findIndex((r) => r.id === row.id);
    const target = index + delta;
    if (target < 0 || target >= rows.length) return;
    const next = [...rows];
    [next[index], next[target]] = [next[target], next[index]];
    const show = (shown: ColumnRow[]) => {
      latestRows.current = shown;
      setRows(shown);
    };
    show(next);
    queued.current++;
    const made = generation.current;
    saving.current = saving.current.then(async () => {
      try {
        if (made !== generation.current) return;
        const versions = new Map(latestRows.current.map((r) => [r.id, r.rowVersion]));
        const columns = next.map((r) => ({ id: r.id, rowVersion: versions.get(r.id) ?? r.rowVersion }));
        const result = await reorderColumnsAction({ tableId, columns }).catch(() => null);
        if (result?.ok) {
          // Later moves are still to be saved: keep their order on screen, take the new versions.
          show(queued.current === 1 ? result.data : mergeRows(latestRows.current, result.data));
          return;
        }
        generation.current++;
        const current = result && "conflict" in result ? result.conflict : null;
        show(current ?? mergeRows(rows, latestRows.current));
        toast.error(result?.formError ?? t("orderNotSaved"));
      } finally {
        queued.current--;
      }
    });
  }, [setRows, tableId, t]);

  const [deleting, setDeleting] = useState<ColumnRow | null>(null);
  const confirmDelete = async () => {
    const row = deleting;
    if (!row) return null;
    const result = await deleteColumnAction({ id: row.id, rowVersion: row.rowVersion });
    if (!result.ok) return deleteFailure(result, "column");
    remove(row.id);
    const n = result.data.relations;
    deletedToast(
      t("deleted", { name: String(row.pg_column), relations: n }),
      { table: "mappings_column", id: row.id },
      () => router.refresh(),
    );
    return null;
  };

  const rowActions = useCallback((row: ColumnRow) => (
    <div className="flex gap-0.5">
      <Button
        variant="ghost"
        className="px-1.5 py-1 text-xs"
        onClick={() => move(row, -1)}
        aria-label={t("moveUp", { name: String(row.pg_column) })}
      >
        ↑
      </Button>
      <Button
        variant="ghost"
        className="px-1.5 py-1 text-xs"
        onClick={() => move(row, 1)}
        aria-label={t("moveDown", { name: String(row.pg_column) })}
      >
        ↓
      </Button>
      <Button
        variant="ghost"
        className="px-1.5 py-1 text-xs text-red-700"
        onClick={() => setDeleting(row)}
        aria-label={t("deleteNamed", { name: String(row.pg_column) })}
      >
        {common("delete")}
      </Button>
    </div>
  ), [move, t, common]);

  return (
    <div className="space-y-3">
      <GridToolbar noun={(count) => t("noun", { count })} filter={filter} onFilter={setFilter} total={rows.length} shown={shown}>
        <Button variant="secondary" onClick={() => setPasting(true)}>
          {t("paste")}
        </Button>
        <Button onClick={() => setAdding(true)}>{t("add")}</Button>
      </GridToolbar>
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <FieldFinder
          onPick={(field, groupId) => {
            if (!groups.has(groupId)) setGroups(new Set([...groups, groupId]));
            setJump({ columnId: field });
          }}
        />
        <fieldset className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-zinc-700">
          <legend className="sr-only">{t("groupsShown")}</legend>
          {COLUMN_GROUPS.map((g) => (
            <label key={g.id} className="flex items-center gap-1">
              <input
                type="checkbox"
                className="accent-blue-600"
                checked={groups.has(g.id)}
                onChange={(e) => {
                  const next = new Set(groups);
                  if (e.target.checked) next.add(g.id);
                  else next.delete(g.id);
                  setGroups(next);
                }}
              />
              {groupT(g.id as never)}
            </label>
          ))}
        </fieldset>
      </div>
      <DataGrid
        jumpTo={jump}
        data={rows}
        columns={gridColumns}
        getRowId={(r) => String(r.id)}
        ariaLabel={t("gridLabel")}
        layoutKey="columns"
        focusCell={focus?.rowId ? { rowId: String(focus.rowId), colId: focus.field } : null}
        globalFilter={filter}
        onFilteredCountChange={setShown}
        columnVisibility={visibility}
        onRowOpen={setDetail}
        rowActions={rowActions}
        rowLabel={(r) => t("detailsOf", { name: String(r.pg_column) })}
        onCellsCommit={(changes) =>
          commitCells({
            changes,
            save: updateColumnCellsAction,
            replaceAll: (saved) => setRows((all) => mergeRows(all, saved)),
          })
        }
        onRowMove={move}
        onCellCommit={(row, field, value) =>
          commitCell({
            row,
            field,
            value,
            what: t("what", { name: String(row.pg_column) }),
            save: updateColumnFieldAction,
            replace,
            remove,
            ask,
          })
        }
        emptyState={
          <div className="space-y-2 py-10 text-center text-sm text-zinc-600">
            <p>{t("empty")}</p>
            <Button onClick={() => setAdding(true)}>{t("add")}</Button>
          </div>
        }
      />
      <AddColumnDialog
        tableId={tableId}
        open={adding}
        onClose={() => setAdding(false)}
        onAdded={(added) => setRows((all) => [...all, ...added])}
      />
      <PasteColumnsDialog
        tableId={tableId}
        open={pasting}
        onClose={() => setPasting(false)}
        onAdded={(added) => {
          setRows((all) => [...all, ...added]);
          toast.success(t("added", { count: added.length }));
        }}
      />
      <ColumnPanel row={detail} onClose={() => setDetail(null)} onSaved={replace} onGone={remove} endpointNames={endpointNames} />
      {dialog}
      <ConfirmDialog
        open={deleting !== null}
        onClose={() => setDeleting(null)}
        title={t("deleteTitle", { name: String(deleting?.pg_column ?? "") })}
        onConfirm={confirmDelete}
      >
        <p>
          {t.rich("deleteBody", { name: String(deleting?.pg_column ?? ""), strong: (chunks) => <strong className="font-mono">{chunks}</strong> })}
        </p>
      </ConfirmDialog>
    </div>
  );
}
