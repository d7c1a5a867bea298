/**
 * Starting ELK's worker: where its script is served, and the first messages it gets. Shared by the page's early
 * start (elk-early-start.tsx, in the HTML) and the layout itself (elk-layout.ts, in the page's JavaScript).
 */
import { BASE_PATH } from "@/lib/base-path";
import { elkGraph } from "./diagram-graph";

/** elkjs's own worker script, served as it is (app/elk-worker.js/route.ts). */
export const ELK_WORKER_URL = `${BASE_PATH}/elk-worker.js`;

/** Only the algorithm the diagram uses is set up in ELK (by default it registers nine, each with its options). */
export const ALGORITHMS = ["layered"];

/** Where the early start leaves its worker for the layout to take (and `failed`, set if it could not start). */
export const EARLY_WORKER = "__diagramElkWorker";

/**
 * A tiny graph laid out with the diagram's options: loading ELK (1.6 MB of script) and its first run through the
 * layered pipeline (setting up its classes) cost about a second in a fresh tab, whatever the graph.
 */
export function warmUpGraph() {
  const box = (id: string) => ({ id, width: 280, height: 100 });
  const edge = (id: string, source: string, target: string) => ({ id, source, target, data: { relationType: "ManyToOne" } });
  return elkGraph([box("a"), box("b"), box("c")], [edge("1", "b", "a"), edge("2", "c", "a"), edge("3", "c", "b")]);
}

/**
 * The page's HTML starts the worker and its warm-up this way, seconds before the page's JavaScript has loaded and
 * React has drawn the page (the worker used to start then, and a 300-table layout waited for it). The messages
 * are elkjs's own (elk-api.js); their answers carry an id the layout never asks for, so it ignores them.
 */
export function earlyStartScript(): string {
  const register = { id: "early", cmd: "register", algorithms: ALGORITHMS };
  const layout = { id: "early", cmd: "layout", graph: warmUpGraph(), layoutOptions: {}, options: {} };
  return [
    "try{",
    `var w=new Worker(${JSON.stringify(ELK_WORKER_URL)});`,
    `w.addEventListener("error",function(){w.failed=true});`,
    `w.postMessage(${JSON.stringify(register)});w.postMessage(${JSON.stringify(layout)});`,
    `self[${JSON.stringify(EARLY_WORKER)}]=w`,
    "}catch(e){}",
  ].join("");
}

/** The worker the page's HTML started, once (a second diagram on the page starts its own); null if none or it failed. */
export function takeEarlyWorker(): Worker | null {
  if (typeof self === "undefined") return null;
  const slot = self as unknown as Record<string, (Worker & { failed?: boolean }) | undefined>;
  const worker = slot[EARLY_WORKER];
  delete slot[EARLY_WORKER];
  if (!worker || worker.failed) {
    worker?.terminate();
    return null;
  }
  return worker;
}
