import type { Metadata } from "next";
import { DiagramView } from "@/components/diagram/diagram-view";
import { loadDiagram } from "@/lib/metadata/diagram";
import { requireReady } from "@/lib/metadata/require-ready";

export const metadata: Metadata = { title: "Diagram" };

export default async function DiagramPage() {
  await requireReady();
  const model = await loadDiagram();
  return (
    <div className="space-y-3">
      <div>
        <h1 className="text-2xl font-semibold">Diagram</h1>
        <p className="text-sm text-zinc-600">
          Every table with its columns and relations. Drag a column (or a table&apos;s right edge) onto another table to
          relate them; drag a table to move it (its place is kept); click a table to see its relations, its name to open it.
        </p>
      </div>
      <DiagramView model={model} allowNewTable />
    </div>
  );
}
