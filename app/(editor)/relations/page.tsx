import type { Metadata } from "next";
import { RelationsView } from "@/components/relations/relations-view";
import { listRelations } from "@/lib/metadata/relations";
import { listTableNames } from "@/lib/metadata/tables";
import { requireReady } from "@/lib/metadata/require-ready";

export const metadata: Metadata = { title: "Relations" };

export default async function RelationsPage() {
  await requireReady();
  const [relations, tables] = await Promise.all([listRelations(), listTableNames()]);
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold">Relations</h1>
        <p className="text-sm text-zinc-600">
          <code>_metadata.mappings_relation</code>: from table.column → to table.column.
        </p>
      </div>
      <RelationsView initial={relations} tables={tables} />
    </div>
  );
}
