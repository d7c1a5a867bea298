import { Suspense } from "react";
import { ElkEarlyLayout } from "@/components/diagram/elk-early-layout";
import { ElkEarlyStart } from "@/components/diagram/elk-early-start";
import { DiagramView } from "@/components/diagram/diagram-view";
import { loadDiagram } from "@/lib/metadata/diagram";
import { requireReady } from "@/lib/metadata/require-ready";
import { PageHeader, pageMetadata } from "@/components/app-shell/page-header";

export const generateMetadata = () => pageMetadata("diagram");

export default async function DiagramPage() {
  await requireReady();
  // ELK's worker starts from the HTML that goes out before the diagram's data; the diagram follows once its model is read.
  return (
    <div className="space-y-3">
      <ElkEarlyStart />
      <PageHeader page="diagram" />
      <Suspense>
        <Diagram />
      </Suspense>
    </div>
  );
}

async function Diagram() {
  const model = await loadDiagram();
  return (
    <>
      <ElkEarlyLayout model={model} />
      <DiagramView model={model} allowNewTable />
    </>
  );
}
