import ELK, { type ElkNode } from "elkjs/lib/elk-api.js";
import { ALGORITHMS, ELK_WORKER_URL, takeEarlyLayout, takeEarlyWorker, warmUpGraph } from "./elk-start";

export type Positions = Map<string, { x: number; y: number }>;

// Running ELK in a web worker keeps the tab responsive while hundreds of tables are laid out.
let inWorker: { elk: InstanceType<typeof ELK>; failed: Promise<never>; warm: boolean } | null = null;
let workerBroken = false;

function workerElk() {
  if (!inWorker) {
    let fail: (error: Error) => void = () => {};
    const failed = new Promise<never>((_, reject) => (fail = reject));
    failed.catch(() => {});
    // The worker the page's HTML started (already loading ELK and warming it up), else a new one.
    const early = takeEarlyWorker();
    const elk = new ELK({
      algorithms: ALGORITHMS,
      workerFactory: () => {
        const worker = early ?? new Worker(ELK_WORKER_URL);
        worker.addEventListener("error", (event) => fail(new Error(event.message || "the layout worker failed to start")));
        return worker;
      },
    });
    inWorker = { elk, failed, warm: early !== null };
  }
  return inWorker;
}

let warming = false;

/**
 * Starts the worker ahead of the first layout and has ELK lay out a tiny graph with the diagram's options there
 * (unless the page's HTML did both already). Once is enough; a layout asked meanwhile waits its turn.
 */
export function warmUpElk() {
  if (warming || typeof Worker === "undefined" || workerBroken) return;
  warming = true;
  const { elk, warm } = workerElk();
  if (!warm) void elk.layout(warmUpGraph()).catch(() => {});
}

const toPositions = (result: ElkNode): Positions =>
  new Map((result.children ?? []).map((c) => [c.id, { x: Math.round(c.x ?? 0), y: Math.round(c.y ?? 0) }]));

/**
 * Places the graph's nodes with ELK in a web worker (taking the answer the page's HTML asked for if it was this
 * graph, `key` being its graphKey); on this thread if a worker cannot run here.
 */
export async function layoutWithElk(graph: ElkNode, key: string): Promise<Positions> {
  if (typeof Worker !== "undefined" && !workerBroken) {
    const { elk, failed, warm } = workerElk();
    // The HTML's layout was asked of the HTML's worker: only that one answers it.
    const early = warm ? takeEarlyLayout(key) : null;
    try {
      return toPositions(await Promise.race([early ?? elk.layout(graph), failed]));
    } catch (error) {
      console.warn(`[diagram] layout in a worker failed (${(error as Error).message}); laying out on the page instead`);
      workerBroken = true;
    }
  }
  const { default: Bundled } = await import("elkjs/lib/elk.bundled.js");
  return toPositions(await new Bundled({ algorithms: ALGORITHMS }).layout(graph));
}
