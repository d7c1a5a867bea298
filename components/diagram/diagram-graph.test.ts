import { describe, expect, it } from "vitest";
import type { DiagramColumn, DiagramRelation, DiagramTable } from "@/lib/metadata/diagram";
import { buildGraph, elkGraph, HEADER_HEIGHT, neighbourhood, relationEnds, ROW_HEIGHT, searchTables } from "./diagram-graph";

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
  highlight: null,
  ...over,
});

describe("diagram graph", () => {
  it("crow's-foot ends per relation type", () => {
    expect(relationEnds("ManyToOne")).toEqual({ from: "many", to: "one" });
    expect(relationEnds("OneToMany")).toEqual({ from: "one", to: "many" });
    expect(relationEnds("OneToOne")).toEqual({ from: "one", to: "one" });
    expect(relationEnds("ManyToMany")).toEqual({ from: "many", to: "many" });
  });

  it("a node per table, sized by its columns; foreign keys marked; edges end at the columns' handles with the field as label", () => {
    const { nodes, edges } = buildGraph(input());
    expect(nodes.map((n) => [n.id, n.height])).toEqual([
      ["1", HEADER_HEIGHT + ROW_HEIGHT + 2],
      ["2", HEADER_HEIGHT + 2 * ROW_HEIGHT + 2],
      ["3", HEADER_HEIGHT + 2 * ROW_HEIGHT + 2],
      ["4", HEADER_HEIGHT + ROW_HEIGHT + 2],
    ]);
    expect(nodes[1].data.foreignKeys).toEqual(["user_id"]);
    expect(nodes[0].data.foreignKeys).toEqual([]);
    expect(edges[0]).toMatchObject({ source: "2", target: "1", sourceHandle: "s:user_id", targetHandle: "t:id", data: { label: "author", relationType: "ManyToOne" } });
  });

  it("collapsed tables end their edges at the table's own handles and are header-high", () => {
    const { nodes, edges } = buildGraph(input({ collapsed: (id) => id === 2 }));
    expect(nodes[1].height).toBe(HEADER_HEIGHT + 2);
    expect(edges.find((e) => e.id === "10")).toMatchObject({ sourceHandle: "s:", targetHandle: "t:id" });
    expect(edges.find((e) => e.id === "12")).toMatchObject({ sourceHandle: "s:post_id", targetHandle: "t:" });
  });

  it("only relations between shown tables are drawn", () => {
    const { edges } = buildGraph(input({ tables: tables.filter((t) => t.id !== 1) }));
    expect(edges.map((e) => e.id)).toEqual(["12"]);
  });

  it("highlight: the table's relations stand out, the rest (and unrelated tables) are dimmed", () => {
    const { nodes, edges } = buildGraph(input({ highlight: 3 }));
    expect(edges.map((e) => [e.id, e.data.highlighted, e.data.dimmed])).toEqual([
      ["10", false, true],
      ["11", false, true],
      ["12", true, false],
    ]);
    expect(nodes.map((n) => n.data.dimmed)).toEqual([true, false, false, true]);
  });

  it("neighbourhood and search", () => {
    expect([...neighbourhood(2, relations)].sort()).toEqual([1, 2, 3]);
    expect([...neighbourhood(4, relations)]).toEqual([4]);
    expect(searchTables(tables, "  PO ").map((t) => t.table_name)).toEqual(["posts"]);
    expect(searchTables(tables, "blog.").map((t) => t.table_name)).toEqual(["tags"]);
    expect(searchTables(tables, "s").map((t) => t.table_name)).toEqual(["comments", "posts", "tags", "users"]);
    expect(searchTables(tables, "")).toEqual([]);
  });

  it("the ELK graph has every node with its size and no self-loops", () => {
    const { nodes, edges } = buildGraph(input({ relations: [...relations, relation(13, [1, "id"], [1, "id"])] }));
    const graph = elkGraph(nodes, edges);
    expect(graph.children).toEqual(nodes.map((n) => ({ id: n.id, width: n.width, height: n.height })));
    expect(graph.edges.map((e) => e.id)).toEqual(["10", "11", "12"]);
  });
});
