import { headers } from "next/headers";
import type { DiagramModel } from "@/lib/metadata/diagram";
import { earlyLayoutScript } from "./elk-start";
import { firstLayoutGraph } from "./first-layout";

/**
 * Asks the worker the page's HTML started (elk-early-start.tsx) for the diagram's first layout, in the HTML that
 * brings the diagram's data: ELK then works while the page's JavaScript loads and React draws the page. Nothing
 * when the first layout needs no ELK; a page reached by a link does not run it (the layout then asks itself).
 */
export async function ElkEarlyLayout({ model }: { model: DiagramModel }) {
  const graph = firstLayoutGraph(model);
  if (!graph) return null;
  const policy = (await headers()).get("content-security-policy") ?? "";
  const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
  return <script nonce={nonce} dangerouslySetInnerHTML={{ __html: earlyLayoutScript(graph) }} />;
}
