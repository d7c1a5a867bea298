/// <reference lib="webworker" />
// The layout engine in a worker of its own: laying out hundreds of tables takes a while, and the tab stays
// responsive meanwhile. (elk.bundled.js installs a message handler of its own on import; ours replaces it.)
import ELK, { type ElkNode } from "elkjs/lib/elk.bundled.js";

const elk = new ELK();
const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<{ id: number; graph: ElkNode }>) => {
  const { id, graph } = event.data;
  elk.layout(graph).then(
    (result) => scope.postMessage({ id, positions: (result.children ?? []).map((c) => [c.id, c.x ?? 0, c.y ?? 0]) }),
    (error: unknown) => scope.postMessage({ id, error: error instanceof Error ? error.message : String(error) }),
  );
};
