import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { after } from "next/server";
import { TableView } from "@/components/tables/table-view";
import { cellFocusOf, TABS } from "@/components/tables/table-tabs";
import { listColumns } from "@/lib/metadata/columns";
import { listEndpointNames } from "@/lib/metadata/endpoints";
import { listRelationsOfTable } from "@/lib/metadata/relations";
import { rowsWithoutNulls } from "@/lib/db/pool";
import { getTable } from "@/lib/metadata/tables";
import { requireReady } from "@/lib/metadata/require-ready";
import { warmTableForm } from "@/lib/metadata/table-form";
import { requestLocale } from "@/lib/i18n/request-locale";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  await requireReady();
  const { id } = await params;
  const table = /^\d+$/.test(id) ? await getTable(Number(id)) : null;
  return { title: table ? table.table_name : (await getTranslations("pages.table"))("title") };
}

export default async function TablePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireReady();
  const { id } = await params;
  // ?tab= opens a tab: the code generators' problem links point at the Columns, Relations or Settings cell.
  const query = await searchParams;
  const initialTab = TABS.find((t) => t === query.tab);
  const focus = cellFocusOf(initialTab, query);
  if (!/^\d{1,15}$/.test(id)) notFound();
  const tableId = Number(id);
  const [table, columns, relations, endpointNames] = await Promise.all([
    getTable(tableId),
    listColumns(tableId),
    listRelationsOfTable(tableId),
    listEndpointNames(),
  ]);
  if (!table) notFound();
  // The Form preview's answer is built once this page is sent, so the tab's first opening finds it ready.
  const locale = await requestLocale();
  after(() => warmTableForm(tableId, locale));
  return (
    <TableView
      key={`${table.id}:${initialTab ?? ""}:${focus ? `${focus.rowId}.${focus.field}` : ""}`}
      table={table}
      columns={rowsWithoutNulls(columns)}
      relations={relations}
      endpointNames={endpointNames}
      initialTab={initialTab}
      focus={focus}
    />
  );
}
