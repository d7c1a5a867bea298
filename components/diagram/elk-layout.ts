import ELK, { type ElkNode } from "elkjs/lib/elk-api.js";
import { elkGraph } from "./diagram-graph";

export type Positions = Map<string, { x: number; y: number }>;

// ELK's own worker script, served as a file as it is: it needs no bundling (it is plain JavaScript that
// answers elk-api's messages), and running ELK there keeps the tab responsive while hundreds of tables are laid out.
const WORKER_URL = new URL("../../node_modules/elkjs/lib/elk-worker.min.js", import.meta.url);

// Only the algorithm the diagram uses is set up in ELK (by default it registers nine, each with its options).
const ALGORITHMS = ["layered"];

let inWorker: { elk: InstanceType<typeof ELK>; failed: Promise<never> } | null = null;
let workerBroken = false;

function workerElk() {
  if (!inWorker) {
    let fail: (error: Error) => void = () => {};
    const failed = new Promise<never>((_, reject) => (fail = reject));
    failed.catch(() => {});
    const elk = new ELK({
      algorithms: ALGORITHMS,
      workerFactory: () => {
        const worker = new Worker(WORKER_URL);
        worker.addEventListener("error", (event) => fail(new Error(event.message || "the layout worker failed to start")));
        return worker;
      },
    });
    inWorker = { elk, failed };
  }
  return inWorker;
}

let warming = false;

/**
 * Starts the worker ahead of the first layout and has ELK lay out a tiny graph with the diagram's options there:
 * loading ELK (1.6 MB of script) and its first run through the layered pipeline (setting up its classes) cost
 * about a second in a fresh tab, whatever the graph. Once is enough; a layout asked meanwhile waits its turn.
 */
export function warmUpElk() {
  if (warming || typeof Worker === "undefined" || workerBroken) return;
  warming = true;
  const box = (id: string) => ({ id, width: 280, height: 100 });
  const edge = (id: string, source: string, target: string) => ({ id, source, target, data: { relationType: "ManyToOne" } });
  const tiny = elkGraph([box("a"), box("b"), box("c")], [edge("1", "b", "a"), edge("2", "c", "a"), edge("3", "c", "b")]);
  void workerElk().elk.layout(tiny).catch(() => {});
}

const toPositions = (result: ElkNode): Positions =>
  new Map((result.children ?? []).map((c) => [c.id, { x: Math.round(c.x ?? 0), y: Math.round(c.y ?? 0) }]));

/** Places the graph's nodes with ELK in a web worker; on this thread if a worker cannot run here. */
export async function layoutWithElk(graph: ElkNode): Promise<Positions> {
  if (typeof Worker !== "undefined" && !workerBroken) {
    const { elk, failed } = workerElk();
    try {
      return toPositions(await Promise.race([elk.layout(graph), failed]));
    } catch (error) {
      console.warn(`[diagram] layout in a worker failed (${(error as Error).message}); laying out on the page instead`);
      workerBroken = true;
    }
  }
  const { default: Bundled } = await import("elkjs/lib/elk.bundled.js");
  return toPositions(await new Bundled({ algorithms: ALGORITHMS }).layout(graph));
}
