import type { Metadata } from "next";
import { TablesView } from "@/components/tables/tables-view";
import { withoutNulls } from "@/lib/db/pool";
import { listTables } from "@/lib/metadata/tables";
import { requireReady } from "@/lib/metadata/require-ready";

export const metadata: Metadata = { title: "Tables" };

export default async function TablesPage() {
  await requireReady();
  const tables = await listTables();
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold">Tables</h1>
        <p className="text-sm text-zinc-600">
          <code>_metadata.mappings_table</code>: edit a cell in place (Enter or double click; Escape cancels), open a
          table for its columns and relations.
        </p>
      </div>
      <TablesView initial={tables.map(withoutNulls)} />
    </div>
  );
}
