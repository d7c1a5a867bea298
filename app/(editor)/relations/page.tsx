import { RelationsView } from "@/components/relations/relations-view";
import { listRelations } from "@/lib/metadata/relations";
import { listTableNames } from "@/lib/metadata/tables";
import { requireReady } from "@/lib/metadata/require-ready";
import { PageHeader, pageMetadata } from "@/components/app-shell/page-header";

export const generateMetadata = () => pageMetadata("relations");

export default async function RelationsPage() {
  await requireReady();
  const [relations, tables] = await Promise.all([listRelations(), listTableNames()]);
  return (
    <div className="space-y-4">
      <PageHeader page="relations" />
      <RelationsView initial={relations} tables={tables} />
    </div>
  );
}
