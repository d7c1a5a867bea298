/**
 * Starting ELK's worker: where its script is served, and the first messages it gets. Shared by the page's early
 * start (elk-early-start.tsx, in the HTML) and the layout itself (elk-layout.ts, in the page's JavaScript).
 */
import type { ElkNode } from "elkjs/lib/elk-api.js";
import { BASE_PATH } from "@/lib/base-path";
import { elkGraph } from "./diagram-graph";
import { graphKey, LAYOUT_CACHE_KEY } from "./layout-cache";

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
    // An answer from the worker: it has run ELK's script, so what is posted to it now goes to it at once.
    `w.addEventListener("message",function(e){if(e.data&&e.data.id==="early")w.ready=true});`,
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

/**
 * A worker whose name starts so lays out the graph its name carries as soon as ELK's script has run (the bootstrap
 * below, served after ELK's own script by app/elk-worker.js/route.ts), without waiting for a message.
 */
export const FIRST_LAYOUT_NAME = "diagram-first-layout:";

/**
 * Appended to ELK's worker script: a worker named FIRST_LAYOUT_NAME + a layout message (elk-api's JSON) registers
 * the diagram's algorithm and runs that layout at once, answering as if the messages had been posted to it.
 */
export function workerBootstrap(): string {
  const register = { id: "early", cmd: "register", algorithms: ALGORITHMS };
  return [
    ";(function(){",
    `var p=${JSON.stringify(FIRST_LAYOUT_NAME)},n=self.name,m;`,
    'if(typeof n!=="string"||n.indexOf(p)!==0)return;',
    "try{m=JSON.parse(n.slice(p.length))}catch(e){return}",
    `self.onmessage({data:${JSON.stringify(register)}});self.onmessage({data:m})`,
    "})();",
  ].join("");
}

/** Where the page's HTML leaves the graph it had ELK lay out (and, once there, ELK's answer). */
export const EARLY_LAYOUT = "__diagramElkLayout";
const EARLY_LAYOUT_ID = "early-graph";

interface EarlyLayout {
  graph: ReturnType<typeof elkGraph>;
  answer?: { data?: ElkNode; error?: unknown };
  done?: () => void;
}

/**
 * The diagram's first layout, asked by the page's HTML as soon as the diagram's data is in it (elk-early-layout.tsx):
 * ELK's cold run on a 300-table graph takes a couple of seconds, and it used to start only once the page's
 * JavaScript had loaded and React had drawn the page. The layout takes the answer if its graph is this one. Not
 * asked when this browser keeps a layout of this graph (layout-cache.ts: the key is graphKey's, written out here).
 * `<` is escaped: the graph ends up inside a <script> element.
 *
 * Posted to the HTML's worker only when it has answered (it has run ELK's script). Before that, Chromium keeps what
 * is posted to a worker until the page's own thread has taken note that the worker's script has run, and that
 * thread is then busy loading the page and drawing its boxes: a trace (load 11) had ELK loaded and idle for 0.64 s,
 * until the page's long tasks ended. So the HTML's worker is then replaced by one that carries the layout in its
 * name and runs it as soon as ELK's script has (workerBootstrap); the page then takes that worker for its later layouts.
 */
export function earlyLayoutScript(graph: ReturnType<typeof elkGraph>): string {
  const json = (value: unknown) => JSON.stringify(value).replace(/</g, "\\u003c");
  return [
    "try{",
    `var g=globalThis,w=g[${json(EARLY_WORKER)}];`,
    "if(w&&!w.failed){",
    `var s={graph:${json(graph)}},G=s.graph;`,
    "var k=JSON.stringify([G.layoutOptions,G.children.map(function(n){return[n.id,n.width,n.height]}),G.edges.map(function(e){return[e.sources[0],e.targets[0]]})]);",
    `var c;try{c=JSON.parse(localStorage.getItem(${json(LAYOUT_CACHE_KEY)})||"[]")}catch(e){c=[]}`,
    "if(!Array.isArray(c)||!c.some(function(x){return x&&x.graph===k})){",
    `g[${json(EARLY_LAYOUT)}]=s;`,
    `var q={id:${json(EARLY_LAYOUT_ID)},cmd:"layout",graph:G,layoutOptions:{},options:{}};`,
    "if(w.ready)w.postMessage(q);else{",
    `var n=new Worker(${json(ELK_WORKER_URL)},{name:${json(FIRST_LAYOUT_NAME)}+JSON.stringify(q)});`,
    `n.addEventListener("error",function(){n.failed=true});w.terminate();w=g[${json(EARLY_WORKER)}]=n}`,
    `w.addEventListener("message",function(e){if(e.data&&e.data.id===${json(EARLY_LAYOUT_ID)}){s.answer=e.data;if(s.done)s.done()}});`,
    'performance.mark("diagram:early-layout")',
    "}}}catch(e){}",
  ].join("");
}

/**
 * ELK's answer for the graph the page's HTML asked about, if it is `key`'s graph (the same boxes, sizes, lines and
 * options: `graphKey`); null otherwise (the slot is emptied either way: it is the first layout's only).
 */
export function takeEarlyLayout(key: string): Promise<ElkNode> | null {
  const slot = globalThis as unknown as Record<string, EarlyLayout | undefined>;
  const early = slot[EARLY_LAYOUT];
  delete slot[EARLY_LAYOUT];
  if (!early || graphKey(early.graph) !== key) return null;
  return new Promise((resolve, reject) => {
    const settle = () => (early.answer!.data ? resolve(early.answer!.data) : reject(new Error(String(early.answer!.error ?? "no layout"))));
    if (early.answer) settle();
    else early.done = settle;
  });
}
