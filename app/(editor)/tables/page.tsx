import { TablesView } from "@/components/tables/tables-view";
import { rowsWithoutNulls } from "@/lib/db/pool";
import { listTables } from "@/lib/metadata/tables";
import { requireReady } from "@/lib/metadata/require-ready";
import { PageHeader, pageMetadata } from "@/components/app-shell/page-header";

export const generateMetadata = () => pageMetadata("tables");

export default async function TablesPage() {
  await requireReady();
  const tables = await listTables();
  return (
    <div className="space-y-4">
      <PageHeader page="tables" />
      <TablesView initial={rowsWithoutNulls(tables)} />
    </div>
  );
}
