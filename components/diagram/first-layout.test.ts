import { afterEach, describe, expect, it } from "vitest";
import type { DiagramModel } from "@/lib/metadata/diagram";
import { EARLY_LAYOUT, EARLY_WORKER, earlyLayoutScript, FIRST_LAYOUT_NAME, takeEarlyLayout, workerBootstrap } from "./elk-start";
import { firstLayoutGraph } from "./first-layout";
import { graphKey, LAYOUT_CACHE_KEY } from "./layout-cache";

const table = (id: number, x: number | null = null) => ({ id, schema_name: "public", table_name: `t${id}`, label: `T ${id}`, x, y: x });
const model = (tables: DiagramModel["tables"], extra: Partial<DiagramModel> = {}): DiagramModel => ({
  tables,
  relations: [{ id: 1, from_table_id: 2, to_table_id: 1, from_column: "t1_id", to_column: "id", relation_type: "ManyToOne", graphql_field: "t1" }],
  columns: tables.flatMap((t) => [
    { table_id: t.id, pg_column: "id", pg_type: "BIGSERIAL", is_primary_key: true, is_unique: false },
    { table_id: t.id, pg_column: "t1_id", pg_type: "BIGINT", is_primary_key: false, is_unique: false },
  ]),
  ...extra,
});

/** A stand-in for the worker the HTML started (ready: it has answered, so ELK's script has run): what was posted, and its message listeners. */
function fakeWorker(ready = true) {
  const listeners: ((e: { data: unknown }) => void)[] = [];
  return {
    ready,
    terminated: false,
    terminate() {
      this.terminated = true;
    },
    posted: [] as { id: string; cmd: string; graph: unknown }[],
    addEventListener: (_: string, listener: (e: { data: unknown }) => void) => listeners.push(listener),
    postMessage(message: { id: string; cmd: string; graph: unknown }) {
      this.posted.push(structuredClone(message));
    },
    answer: (data: unknown) => listeners.forEach((l) => l({ data })),
  };
}

const slots = globalThis as unknown as Record<string, unknown>;
afterEach(() => {
  delete slots.localStorage;
  delete slots.Worker;
  delete slots[EARLY_WORKER];
  delete slots[EARLY_LAYOUT];
});

describe("the first layout asked by the page's HTML", () => {
  it("is every table's graph, or none when ELK will not be asked", () => {
    const four = [1, 2, 3, 4].map((id) => table(id));
    const graph = firstLayoutGraph(model(four))!;
    expect(graph.children.map((n) => [n.id, n.height])).toEqual([["1", 90], ["2", 90], ["3", 90], ["4", 90]]);
    expect(graph.edges).toEqual([{ id: "1", sources: ["2"], targets: ["1"] }]);
    // Fewer than four tables without a dragged place; a model too large to draw (its columns are not sent).
    expect(firstLayoutGraph(model([table(1), table(2), table(3), table(4, 100)]))).toBeNull();
    expect(firstLayoutGraph(model(four, { columns: null }))).toBeNull();
  });

  it("is posted to the HTML's worker and taken by a layout of the same graph", async () => {
    const worker = fakeWorker();
    slots[EARLY_WORKER] = worker;
    const graph = firstLayoutGraph(model([1, 2, 3, 4].map((id) => table(id))))!;
    new Function(earlyLayoutScript(graph))();
    expect(worker.posted).toEqual([{ id: "early-graph", cmd: "layout", graph, layoutOptions: {}, options: {} }]);
    const taken = takeEarlyLayout(graphKey(graph))!;
    worker.answer({ id: "someone else's", data: { id: "root", children: [] } });
    worker.answer({ id: "early-graph", data: { id: "root", children: [{ id: "1", x: 5, y: 6 }] } });
    await expect(taken).resolves.toEqual({ id: "root", children: [{ id: "1", x: 5, y: 6 }] });
    // Taken once: a later layout asks ELK itself.
    expect(takeEarlyLayout(graphKey(graph))).toBeNull();
  });

  it("goes in the name of a new worker when the HTML's has not answered yet (nothing posted waits for the page's thread), which the page then takes", async () => {
    const old = fakeWorker(false);
    slots[EARLY_WORKER] = old;
    const made: { url: string; name: string; worker: ReturnType<typeof fakeWorker> }[] = [];
    slots.Worker = function (url: string, options: { name: string }) {
      const worker = fakeWorker(false);
      made.push({ url, name: options.name, worker });
      return worker;
    };
    const graph = firstLayoutGraph(model([1, 2, 3, 4].map((id) => table(id))))!;
    new Function(earlyLayoutScript(graph))();
    expect(old.posted).toEqual([]);
    expect(old.terminated).toBe(true);
    expect(made.map((m) => m.url)).toEqual(["/metadata-editor/elk-worker.js"]);
    expect(made[0].name.startsWith(FIRST_LAYOUT_NAME)).toBe(true);
    expect(JSON.parse(made[0].name.slice(FIRST_LAYOUT_NAME.length))).toEqual({ id: "early-graph", cmd: "layout", graph, layoutOptions: {}, options: {} });
    expect(slots[EARLY_WORKER]).toBe(made[0].worker);
    const taken = takeEarlyLayout(graphKey(graph))!;
    made[0].worker.answer({ id: "early-graph", data: { id: "root", children: [{ id: "1", x: 5, y: 6 }] } });
    await expect(taken).resolves.toEqual({ id: "root", children: [{ id: "1", x: 5, y: 6 }] });
  });

  it("a worker so named registers the algorithm and runs the layout its name carries once ELK's script has run; others nothing", () => {
    const run = (name: unknown) => {
      const seen: unknown[] = [];
      new Function("self", workerBootstrap())({ name, onmessage: (e: { data: unknown }) => seen.push(e.data) });
      return seen;
    };
    const message = { id: "early-graph", cmd: "layout", graph: { id: "root", children: [] }, layoutOptions: {}, options: {} };
    expect(run(FIRST_LAYOUT_NAME + JSON.stringify(message))).toEqual([{ id: "early", cmd: "register", algorithms: ["layered"] }, message]);
    expect(run("")).toEqual([]);
    expect(run(undefined)).toEqual([]);
    expect(run(`${FIRST_LAYOUT_NAME}{not json`)).toEqual([]);
  });

  it("is not taken by a layout of another graph, and an ELK error is the layout's", async () => {
    const worker = fakeWorker();
    slots[EARLY_WORKER] = worker;
    const graph = firstLayoutGraph(model([1, 2, 3, 4].map((id) => table(id))))!;
    new Function(earlyLayoutScript(graph))();
    expect(takeEarlyLayout(graphKey({ ...graph, edges: [] }))).toBeNull();
    new Function(earlyLayoutScript(graph))();
    worker.answer({ id: "early-graph", error: "java.lang.IllegalStateException" });
    await expect(takeEarlyLayout(graphKey(graph))).rejects.toThrow("IllegalStateException");
  });

  it("keeps a `<` in the graph from ending the script", () => {
    const graph = firstLayoutGraph(model([1, 2, 3, 4].map((id) => table(id))))!;
    const script = earlyLayoutScript({ ...graph, id: "</script><script>alert(1)" });
    expect(script).not.toContain("<");
    const worker = fakeWorker();
    slots[EARLY_WORKER] = worker;
    new Function(script)();
    expect((worker.posted[0].graph as { id: string }).id).toBe("</script><script>alert(1)");
  });

  it("does nothing without the HTML's worker (or when it failed)", () => {
    const graph = firstLayoutGraph(model([1, 2, 3, 4].map((id) => table(id))))!;
    new Function(earlyLayoutScript(graph))();
    expect(slots[EARLY_LAYOUT]).toBeUndefined();
    slots[EARLY_WORKER] = Object.assign(fakeWorker(), { failed: true });
    new Function(earlyLayoutScript(graph))();
    expect(slots[EARLY_LAYOUT]).toBeUndefined();
  });

  it("is not asked when this browser keeps a layout of the graph (the key written out as graphKey's)", () => {
    const graph = firstLayoutGraph(model([1, 2, 3, 4].map((id) => table(id))))!;
    const kept = (key: string) => ({ getItem: (name: string) => (name === LAYOUT_CACHE_KEY ? JSON.stringify([{ graph: key, positions: [] }]) : null) });
    const worker = fakeWorker();
    slots[EARLY_WORKER] = worker;
    slots.localStorage = kept(graphKey(graph));
    new Function(earlyLayoutScript(graph))();
    expect(worker.posted).toEqual([]);
    expect(slots[EARLY_LAYOUT]).toBeUndefined();
    // Another graph's layout kept: asked.
    slots.localStorage = kept(graphKey({ ...graph, edges: [] }));
    new Function(earlyLayoutScript(graph))();
    expect(worker.posted).toHaveLength(1);
  });
});
