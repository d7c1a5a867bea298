import { describe, expect, it } from "vitest";
import type { DiagramColumn, DiagramRelation, DiagramTable } from "@/lib/metadata/diagram";
import { boundsOf, BOX_GAP, buildGraph, elkGraph, HEADER_HEIGHT, highlightCss, layerSplit, neighbourhood, relationEnds, ROW_HEIGHT, rowOffset, searchTables, separateBoxes, withSelected, type Box } from "./diagram-graph";

const table = (id: number, table_name: string, schema_name = "public"): DiagramTable => ({
  id,
  schema_name,
  table_name,
  label: table_name.toUpperCase(),
  x: null,
  y: null,
});
const column = (table_id: number, pg_column: string, extra: Partial<DiagramColumn> = {}): DiagramColumn => ({
  table_id,
  pg_column,
  pg_type: "BIGINT",
  is_primary_key: pg_column === "id",
  is_unique: false,
  ...extra,
});
const relation = (id: number, from: [number, string], to: [number, string], relation_type = "ManyToOne", graphql_field: string | null = null): DiagramRelation => ({
  id,
  from_table_id: from[0],
  from_column: from[1],
  to_table_id: to[0],
  to_column: to[1],
  relation_type,
  graphql_field,
});

const tables = [table(1, "users"), table(2, "posts"), table(3, "comments"), table(4, "tags", "blog")];
const columns = new Map<number, DiagramColumn[]>([
  [1, [column(1, "id")]],
  [2, [column(2, "id"), column(2, "user_id")]],
  [3, [column(3, "id"), column(3, "post_id")]],
  [4, [column(4, "id")]],
]);
const relations = [
  relation(10, [2, "user_id"], [1, "id"], "ManyToOne", "author"),
  relation(11, [1, "id"], [2, "user_id"], "OneToMany", "posts"),
  relation(12, [3, "post_id"], [2, "id"]),
];
const input = (over: Partial<Parameters<typeof buildGraph>[0]> = {}) => ({
  tables,
  relations,
  columnsOf: (id: number) => columns.get(id) ?? null,
  collapsed: () => false,
  position: () => ({ x: 0, y: 0 }),
  ...over,
});

describe("diagram graph", () => {
  it("crow's-foot ends per relation type", () => {
    expect(relationEnds("ManyToOne")).toEqual({ from: "many", to: "one" });
    expect(relationEnds("OneToMany")).toEqual({ from: "one", to: "many" });
    expect(relationEnds("OneToOne")).toEqual({ from: "one", to: "one" });
    expect(relationEnds("ManyToMany")).toEqual({ from: "many", to: "many" });
  });

  it("a node per table, sized by its columns; foreign keys marked; edges end at the columns' rows with the field as label", () => {
    const { nodes, edges } = buildGraph(input());
    expect(nodes.map((n) => [n.id, n.height])).toEqual([
      ["1", HEADER_HEIGHT + ROW_HEIGHT + 2],
      ["2", HEADER_HEIGHT + 2 * ROW_HEIGHT + 2],
      ["3", HEADER_HEIGHT + 2 * ROW_HEIGHT + 2],
      ["4", HEADER_HEIGHT + ROW_HEIGHT + 2],
    ]);
    expect(nodes[1].data.foreignKeys).toEqual(["user_id"]);
    expect(nodes[0].data.foreignKeys).toEqual([]);
    // From the table's handles (the header's middle) down to the rows: posts.user_id is the second row, users.id the first.
    expect(edges[0]).toMatchObject({
      source: "2",
      target: "1",
      sourceHandle: "s:",
      targetHandle: "t:",
      ariaLabel: "posts.user_id → users.id, ManyToOne, author",
      data: { label: "author", relationType: "ManyToOne", fromOffset: HEADER_HEIGHT / 2 + 1.5 * ROW_HEIGHT, toOffset: HEADER_HEIGHT / 2 + 0.5 * ROW_HEIGHT },
    });
  });

  it("collapsed tables end their edges at the table's own handles and are header-high", () => {
    const { nodes, edges } = buildGraph(input({ collapsed: (id) => id === 2 }));
    expect(nodes[1].height).toBe(HEADER_HEIGHT + 2);
    expect(edges.find((e) => e.id === "10")?.data).toMatchObject({ fromOffset: 0, toOffset: HEADER_HEIGHT / 2 + ROW_HEIGHT / 2 });
    expect(edges.find((e) => e.id === "12")?.data).toMatchObject({ fromOffset: HEADER_HEIGHT / 2 + 1.5 * ROW_HEIGHT, toOffset: 0 });
  });

  it("a row's offset: a column the box does not draw (unknown, hidden, not loaded) ends at the header", () => {
    const cols = columns.get(2)!;
    expect(rowOffset(cols, "id", false)).toBe(HEADER_HEIGHT / 2 + ROW_HEIGHT / 2);
    expect(rowOffset(cols, "nope", false)).toBe(0);
    expect(rowOffset(cols, "user_id", true)).toBe(0);
    expect(rowOffset(null, "id", false)).toBe(0);
  });

  it("only relations between shown tables are drawn", () => {
    const { edges } = buildGraph(input({ tables: tables.filter((t) => t.id !== 1) }));
    expect(edges.map((e) => e.id)).toEqual(["12"]);
  });

  it("highlight: a style sheet that dims every box but the table's neighbourhood and every line but its own (a selected line stays)", () => {
    expect(highlightCss("d1", null, relations)).toBe("");
    expect(highlightCss("d1", 3, relations).split("\n")).toEqual([
      '[data-diagram="d1"] .react-flow__node:not([data-id="3"],[data-id="2"]) > [data-table] { opacity: 0.3; }',
      '[data-diagram="d1"] .react-flow__edge:not(.selected, [data-id="12"]) { opacity: 0.15; }',
      '[data-diagram="d1"] .react-flow__edge:is([data-id="12"]):not(.selected) .react-flow__edge-path { stroke: #2563eb; stroke-width: 2.5px; }',
      '[data-diagram="d1"] .react-flow__edge:is([data-id="12"]):not(.selected) .relation-end { stroke: #2563eb; }',
    ]);
    // A table without relations: everything else is dimmed.
    expect(highlightCss("d1", 4, relations).split("\n")).toEqual([
      '[data-diagram="d1"] .react-flow__node:not([data-id="4"]) > [data-table] { opacity: 0.3; }',
      '[data-diagram="d1"] .react-flow__edge:not(.selected) { opacity: 0.15; }',
    ]);
  });

  it("selecting a table: only the boxes whose selection changes get new objects, and none changes nothing", () => {
    const nodes = [{ id: "1" }, { id: "2", selected: true }, { id: "3", selected: false }];
    const next = withSelected(nodes, 3);
    expect(next.map((n) => Boolean(n.selected))).toEqual([false, false, true]);
    expect(next[0]).toBe(nodes[0]);
    expect(next[1]).not.toBe(nodes[1]);
    expect(next[2]).not.toBe(nodes[2]);
    expect(nodes[1].selected).toBe(true); // not mutated
    expect(withSelected(next, 3)).toBe(next);
    expect(withSelected(next, null).map((n) => Boolean(n.selected))).toEqual([false, false, false]);
    expect(withSelected(nodes.slice(0, 1), null)).toEqual([{ id: "1" }]);
  });

  it("neighbourhood and search", () => {
    expect([...neighbourhood(2, relations)].sort()).toEqual([1, 2, 3]);
    expect([...neighbourhood(4, relations)]).toEqual([4]);
    expect(searchTables(tables, "  PO ").map((t) => t.table_name)).toEqual(["posts"]);
    expect(searchTables(tables, "blog.").map((t) => t.table_name)).toEqual(["tags"]);
    expect(searchTables(tables, "s").map((t) => t.table_name)).toEqual(["comments", "posts", "tags", "users"]);
    expect(searchTables(tables, "")).toEqual([]);
    // A mixed-case name (Chinook's "Album") is found by its name whatever the case typed, exact name first.
    const chinook = [
      { ...tables[0], id: 10, schema_name: "Chinook", table_name: "AlbumTrack", label: "트랙" },
      { ...tables[0], id: 11, schema_name: "Chinook", table_name: "Album", label: "앨범" },
    ];
    expect(searchTables(chinook, "album").map((t) => t.table_name)).toEqual(["Album", "AlbumTrack"]);
    expect(searchTables(chinook, "chinook.ALBUMT").map((t) => t.table_name)).toEqual(["AlbumTrack"]);
  });

  it("the ELK graph has every node with its size, one edge per related pair (from the key's holder) and no self-loops", () => {
    const extra = [relation(13, [1, "id"], [1, "id"]), relation(14, [4, "id"], [3, "tag_id"], "OneToMany"), relation(15, [2, "user_id"], [1, "id"])];
    const { nodes, edges } = buildGraph(input({ relations: [...relations, ...extra] }));
    const graph = elkGraph(nodes, edges);
    expect(graph.children).toEqual(nodes.map((n) => ({ id: n.id, width: n.width, height: n.height })));
    // 11 is 10's reverse and 15 a second relation between the same two tables: neither adds an edge; 14 (a OneToMany
    // alone) points from comments, which holds the key, to tags.
    expect(graph.edges).toEqual([
      { id: "10", sources: ["2"], targets: ["1"] },
      { id: "12", sources: ["3"], targets: ["2"] },
      { id: "14", sources: ["3"], targets: ["4"] },
    ]);
    expect(graph.layoutOptions).not.toHaveProperty("elk.layered.layerUnzipping.strategy");
  });

  it("splits each layer of a large diagram into columns, so it is not a tall strip", () => {
    expect([1, 20, 40, 60, 100, 150, 300, 5000].map(layerSplit)).toEqual([1, 1, 1, 2, 2, 3, 4, 4]);
    const boxes = Array.from({ length: 300 }, (_, i) => ({ id: String(i), width: 280, height: 488 }));
    const graph = elkGraph(boxes, []);
    expect(graph.layoutOptions["elk.layered.layerUnzipping.strategy"]).toBe("ALTERNATING");
    expect(new Set(graph.children.map((c) => JSON.stringify(c.layoutOptions)))).toEqual(
      new Set([JSON.stringify({ "elk.layered.layerUnzipping.layerSplit": "4", "elk.layered.layerUnzipping.resetOnLongEdges": "false" })]),
    );
  });
});

describe("separateBoxes", () => {
  const box = (id: string, x: number, y: number, height = 100, width = 280): Box => ({ id, x, y, width, height });
  /** Pairs that overlap after the move, except two dragged boxes (the user put them there). */
  const overlapping = (boxes: Box[], moved: Map<string, { x: number; y: number }>, fixed: Set<string>) => {
    const at = boxes.map((b) => ({ ...b, ...moved.get(b.id) }));
    return at.filter((a, i) =>
      at.some((b, j) => i < j && !(fixed.has(a.id) && fixed.has(b.id)) && a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height),
    );
  };

  it("leaves a layout without overlaps as it is (boxes that only touch included)", () => {
    expect(separateBoxes([box("1", 0, 0), box("2", 0, 100), box("3", 300, 0)], new Set())).toEqual(new Map());
  });

  it("a box that grew pushes the box below it down; a dragged box never moves, the other one does", () => {
    const grown = [box("1", 0, 0, 160), box("2", 0, 140)];
    expect(separateBoxes(grown, new Set())).toEqual(new Map([["2", { x: 0, y: 160 + BOX_GAP }]]));
    expect(separateBoxes(grown, new Set(["2"]))).toEqual(new Map([["1", { x: 0, y: 240 + BOX_GAP }]]));
  });

  it("new boxes stacked on each other and on dragged ones end up apart; seeded random layouts never overlap", () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let run = 0; run < 50; run++) {
      const boxes = Array.from({ length: 40 }, (_, i) => box(String(i), Math.round(random() * 1500), Math.round(random() * 1500), 44 + Math.round(random() * 400)));
      const fixed = new Set(boxes.filter((_, i) => i % 7 === 0 && i < 14).map((b) => b.id));
      const moved = separateBoxes(boxes, fixed);
      expect([...moved.keys()].some((id) => fixed.has(id))).toBe(false);
      expect(overlapping(boxes, moved, fixed)).toEqual([]);
      expect(overlapping(boxes, new Map(), fixed).length).toBeGreaterThan(0);
    }
  });

  it("the bounds of the placed boxes (unplaced ones left out)", () => {
    const nodes = [{ id: "1", width: 280, height: 100 }, { id: "2", width: 280, height: 50 }, { id: "3", width: 280, height: 10 }];
    expect(boundsOf(nodes, new Map([[1, { x: -10, y: 20 }], [2, { x: 300, y: 200 }]]))).toEqual({ x: -10, y: 20, width: 590, height: 230 });
    expect(boundsOf(nodes, new Map())).toBeNull();
  });
});
