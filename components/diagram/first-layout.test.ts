import { afterEach, describe, expect, it } from "vitest";
import type { DiagramModel } from "@/lib/metadata/diagram";
import { EARLY_LAYOUT, EARLY_WORKER, earlyLayoutScript, takeEarlyLayout } from "./elk-start";
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

/** A stand-in for the worker the HTML started: what was posted, and its message listeners. */
function fakeWorker() {
  const listeners: ((e: { data: unknown }) => void)[] = [];
  return {
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
