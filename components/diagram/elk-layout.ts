import type { ElkNode } from "elkjs/lib/elk-api";

export type Positions = Map<string, { x: number; y: number }>;

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, { resolve: (p: Positions) => void; reject: (e: Error) => void }>();

function layoutWorker(): Worker {
  if (!worker) {
    worker = new Worker(new URL("./elk.worker.ts", import.meta.url));
    worker.onmessage = (event: MessageEvent<{ id: number; positions?: [string, number, number][]; error?: string }>) => {
      const waiting = pending.get(event.data.id);
      if (!waiting) return;
      pending.delete(event.data.id);
      if (event.data.error !== undefined) waiting.reject(new Error(event.data.error));
      else waiting.resolve(new Map(event.data.positions!.map(([id, x, y]) => [id, { x: Math.round(x), y: Math.round(y) }])));
    };
  }
  return worker;
}

/** Places the graph's nodes with ELK in a web worker (on the page's thread where workers are unavailable). */
export async function layoutWithElk(graph: ElkNode): Promise<Positions> {
  if (typeof Worker === "undefined") {
    const { default: ELK } = await import("elkjs/lib/elk.bundled.js");
    const result = await new ELK().layout(graph);
    return new Map((result.children ?? []).map((c) => [c.id, { x: Math.round(c.x ?? 0), y: Math.round(c.y ?? 0) }]));
  }
  const id = nextId++;
  return new Promise<Positions>((resolve, reject) => {
    pending.set(id, { resolve, reject });
    layoutWorker().postMessage({ id, graph });
  });
}
