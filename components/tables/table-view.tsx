"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { ColumnsView } from "@/components/columns/columns-view";
import { createdRelations, NewRelationDialog } from "@/components/relations/new-relation-dialog";
import { RelationsGrid } from "@/components/relations/relations-grid";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import type { ColumnRow } from "@/lib/metadata/columns";
import type { RelationRow } from "@/lib/metadata/relations";
import type { TableRow } from "@/lib/metadata/tables";
import { TableHistory } from "@/components/history/table-history";
import { CodeView } from "@/components/codegen/code-view";
import { FormPreview } from "@/components/codegen/form-preview";
import { NeighbourhoodDiagram } from "@/components/diagram/neighbourhood-diagram";
import { DeleteTableDialog } from "./delete-table-dialog";
import { TableSettingsForm } from "./table-settings-form";
import { TABS, type CellFocus, type TableTab } from "./table-tabs";
import { useServerRows } from "@/components/data-grid/use-server-rows";



export function TableView({
  table,
  columns,
  relations,
  endpointNames,
  initialTab = "Columns",
  focus = null,
}: {
  initialTab?: TableTab;
  /** The cell a link pointed at, in the initial tab. */
  focus?: CellFocus | null;
  table: TableRow;
  columns: ColumnRow[];
  relations: { outgoing: RelationRow[]; incoming: RelationRow[] };
  endpointNames: string[];
}) {
  const router = useRouter();
  const t = useTranslations("table");
  const tabName = useTranslations("tableTabs");
  const nav = useTranslations("nav");
  const c = useTranslations("common");
  const r = useTranslations("relations");
  const [tab, setTab] = useState<TableTab>(initialTab);
  const [deleting, setDeleting] = useState(false);
  const [creating, setCreating] = useState(false);
  const [columnRows, setColumnRows] = useServerRows(columns);
  const [outgoing, setOutgoing] = useServerRows(relations.outgoing);
  const [incoming, setIncoming] = useServerRows(relations.incoming);

  return (
    <div className="space-y-5">
      <nav aria-label={t("breadcrumb")} className="text-sm text-zinc-500">
        <Link href="/tables" className="hover:underline">
          {nav("tables")}
        </Link>{" "}
        / <span className="font-mono text-zinc-800">{table.table_name}</span>
      </nav>
      <div className="flex flex-wrap items-start gap-4">
        <div>
          <h1 className="text-2xl font-semibold">
            {table.label}{" "}
            <span className="font-mono text-lg text-zinc-500">
              {table.schema_name}.{table.table_name}
            </span>
          </h1>
          <p className="text-sm text-zinc-600">
            {t.rich("summary", {
              type: table.graphql_type || "—",
              key: table.primary_key || "—",
              api: table.is_api_enabled ? "yes" : "no",
              mono: (chunks) => <span className="font-mono">{chunks}</span>,
            })}
          </p>
          {table.description && <p className="mt-1 max-w-3xl text-sm text-zinc-700">{table.description}</p>}
        </div>
        <Button variant="danger" className="ml-auto" onClick={() => setDeleting(true)}>
          {c("delete")}
        </Button>
      </div>
      <div role="tablist" aria-label={tabName("label")} className="flex gap-1 overflow-x-auto border-b border-zinc-200">
        {TABS.map((name) => (
          <button
            key={name}
            role="tab"
            type="button"
            aria-selected={tab === name}
            onClick={() => setTab(name)}
            className={cn(
              "-mb-px shrink-0 whitespace-nowrap border-b-2 px-3 py-2 text-sm sm:px-4",
              tab === name
                ? "border-blue-600 font-medium text-blue-700"
                : "border-transparent text-zinc-600 hover:text-zinc-900",
            )}
          >
            {tabName(name)}
            {name === "Columns"
              ? ` (${columnRows.length})`
              : name === "Relations"
                ? ` (${outgoing.length + incoming.length})`
                : ""}
          </button>
        ))}
      </div>
      <div role="tabpanel" aria-label={tabName(tab)}>
        {tab === "Columns" && (
          <ColumnsView
            tableId={table.id}
            rows={columnRows}
            setRows={setColumnRows}
            endpointNames={endpointNames}
            focus={tab === initialTab ? focus : null}
          />
        )}
        {tab === "Relations" && (
          <div className="space-y-6">
            <section className="space-y-2" aria-labelledby="outgoing">
              <div className="flex items-center">
                <h2 id="outgoing" className="text-lg font-semibold">
                  {t("outgoing")} <span className="text-sm font-normal text-zinc-500">{t("outgoingFrom", { name: table.table_name })}</span>
                </h2>
                <Button className="ml-auto" onClick={() => setCreating(true)}>
                  {r("new")}
                </Button>
              </div>
              <RelationsGrid
                rows={outgoing}
                setRows={setOutgoing}
                ariaLabel={t("outgoingLabel")}
                layoutKey="outgoing-relations"
                height="30vh"
                focus={tab === initialTab ? focus : null}
                onDeleted={(ids) => setIncoming((all) => all.filter((r) => !ids.includes(r.id)))}
              />
            </section>
            <section className="space-y-2" aria-labelledby="incoming">
              <h2 id="incoming" className="text-lg font-semibold">
                {t("incoming")} <span className="text-sm font-normal text-zinc-500">{t("incomingTo", { name: table.table_name })}</span>
              </h2>
              <RelationsGrid
                rows={incoming}
                setRows={setIncoming}
                ariaLabel={t("incomingLabel")}
                layoutKey="incoming-relations"
                height="30vh"
                focus={tab === initialTab ? focus : null}
                onDeleted={(ids) => setOutgoing((all) => all.filter((r) => !ids.includes(r.id)))}
              />
            </section>
          </div>
        )}
        {tab === "Diagram" && <NeighbourhoodDiagram tableId={table.id} />}
        {tab === "History" && <TableHistory tableId={table.id} />}
        {tab === "Code" && <CodeView tableId={table.id} />}
        {tab === "Form preview" && <FormPreview tableId={table.id} />}
        {tab === "Settings" && (
          <TableSettingsForm
            table={table}
            columnNames={columnRows.map((c) => String(c.pg_column))}
            focusField={tab === initialTab ? focus?.field : undefined}
          />
        )}
      </div>
      {/* Mounted only while open: its column pickers load the columns as they are now. */}
      {creating && (
        <NewRelationDialog
          open={creating}
          onClose={() => setCreating(false)}
          fixedFromTableId={table.id}
          onCreated={(result) => {
            const rows = createdRelations(result);
            setOutgoing((all) => [...all, ...rows.filter((r) => r.from_table_id === table.id)]);
            setIncoming((all) => [...all, ...rows.filter((r) => r.to_table_id === table.id)]);
            toast.success(t("relationCreated"));
            // A new foreign-key column belongs in the Columns tab too.
            if (result.column) router.refresh();
          }}
        />
      )}
      <DeleteTableDialog
        table={deleting ? table : null}
        onClose={() => setDeleting(false)}
        onDeleted={() => {
          router.push("/tables");
          router.refresh();
        }}
      />
    </div>
  );
}
