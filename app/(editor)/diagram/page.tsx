import { DiagramView } from "@/components/diagram/diagram-view";
import { loadDiagram } from "@/lib/metadata/diagram";
import { requireReady } from "@/lib/metadata/require-ready";
import { PageHeader, pageMetadata } from "@/components/app-shell/page-header";

export const generateMetadata = () => pageMetadata("diagram");

export default async function DiagramPage() {
  await requireReady();
  const model = await loadDiagram();
  return (
    <div className="space-y-3">
      <PageHeader page="diagram" />
      <DiagramView model={model} allowNewTable />
    </div>
  );
}
