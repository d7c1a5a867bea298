/**
 * The diagram's model → React Flow nodes and edges, and the ELK graph that places them (pure: no React, no
 * DOM, so the same code runs in the page, its tests and the benchmark). Node sizes are computed, not
 * measured, so the layout engine can run before anything is drawn.
 */
import type { DiagramColumn, DiagramRelation, DiagramTable } from "@/lib/metadata/diagram";

export const NODE_WIDTH = 280;
export const HEADER_HEIGHT = 44;
export const ROW_HEIGHT = 22;

export type End = "one" | "many";
/** Crow's-foot ends: the from end is "many" for ManyTo…, the to end for …ToMany. */
export function relationEnds(type: string): { from: End; to: End } {
  return { from: type.startsWith("Many") ? "many" : "one", to: type.endsWith("ToMany") ? "many" : "one" };
}

export function nodeHeight(columns: number, collapsed: boolean): number {
  return HEADER_HEIGHT + (collapsed ? 0 : columns * ROW_HEIGHT) + 2;
}

export interface TableNodeData extends Record<string, unknown> {
  table: DiagramTable;
  columns: DiagramColumn[] | null;
  /** Columns that hold a foreign key (the from side of a ManyToOne / OneToOne). */
  foreignKeys: string[];
  collapsed: boolean;
}

export interface RelationEdgeData extends Record<string, unknown> {
  relationType: string;
  label: string;
  /** How far below the table's own handle (its header's middle) the line ends: at its column's row, or 0. */
  fromOffset: number;
  toOffset: number;
}

export interface GraphNode {
  id: string;
  type: "table";
  position: { x: number; y: number };
  width: number;
  height: number;
  data: TableNodeData;
}
export interface GraphEdge {
  id: string;
  type: "relation";
  source: string;
  target: string;
  sourceHandle: string;
  targetHandle: string;
  /** What a screen reader says for the line (React Flow's default is "Edge from 12 to 34", its ids in English). */
  ariaLabel: string;
  data: RelationEdgeData;
}

/**
 * Handle ids: the table's ("s:" / "t:", in its header) and a column's source ("s:user_id", a drag starts there).
 * Lines always end at the table's handles, moved down to their column's row by an offset computed here: React Flow
 * then measures two handles a box, not two per column (12,000 at 300 tables), and the columns' handles need
 * not exist while zoomed out.
 */
export const sourceHandle = (column = "") => `s:${column}`;
export const targetHandle = (column = "") => `t:${column}`;

/** The row's middle below the header's middle (where the table's handles are); 0 for a hidden or missing column. */
export function rowOffset(columns: DiagramColumn[] | null, column: string, collapsed: boolean): number {
  const index = collapsed || !columns ? -1 : columns.findIndex((c) => c.pg_column === column);
  return index < 0 ? 0 : HEADER_HEIGHT / 2 + (index + 0.5) * ROW_HEIGHT;
}

/** The table and every table one relation away from it. */
export function neighbourhood(tableId: number, relations: DiagramRelation[]): Set<number> {
  const ids = new Set([tableId]);
  for (const r of relations) {
    if (r.from_table_id === tableId) ids.add(r.to_table_id);
    if (r.to_table_id === tableId) ids.add(r.from_table_id);
  }
  return ids;
}

/** Tables whose name, label or schema.name contains the text (case-insensitive); exact names first. */
export function searchTables(tables: DiagramTable[], text: string, limit = 8): DiagramTable[] {
  const q = text.trim().toLowerCase();
  if (!q) return [];
  // Names may be mixed case ("Album"): compared lower-cased, like the label.
  const name = (t: DiagramTable) => t.table_name.toLowerCase();
  const hits = tables.filter(
    (t) => name(t).includes(q) || t.label.toLowerCase().includes(q) || `${t.schema_name}.${t.table_name}`.toLowerCase().includes(q),
  );
  const rank = (t: DiagramTable) => (name(t) === q ? 0 : name(t).startsWith(q) ? 1 : 2);
  return hits.sort((a, b) => rank(a) - rank(b) || a.table_name.localeCompare(b.table_name)).slice(0, limit);
}

/** Columns by table id (every given table has a list, maybe empty). */
export function groupByTable(columns: DiagramColumn[], tables: { id: number }[]) {
  const map = new Map<number, DiagramColumn[]>(tables.map((t) => [t.id, []]));
  for (const c of columns) map.get(c.table_id)?.push(c);
  return map;
}

export interface BuildInput {
  tables: DiagramTable[];
  relations: DiagramRelation[];
  columnsOf: (tableId: number) => DiagramColumn[] | null;
  collapsed: (tableId: number) => boolean;
  position: (tableId: number) => { x: number; y: number };
}

export function buildGraph(input: BuildInput): { nodes: GraphNode[]; edges: GraphEdge[] } {
  const shown = new Set(input.tables.map((t) => t.id));
  const relations = input.relations.filter((r) => shown.has(r.from_table_id) && shown.has(r.to_table_id));
  const foreignKeys = new Map<number, string[]>();
  for (const r of relations) {
    if (r.relation_type !== "ManyToOne" && r.relation_type !== "OneToOne") continue;
    foreignKeys.set(r.from_table_id, [...(foreignKeys.get(r.from_table_id) ?? []), r.from_column]);
  }
  const nodes = input.tables.map((table): GraphNode => {
    const columns = input.columnsOf(table.id);
    const collapsed = input.collapsed(table.id) || columns === null;
    return {
      id: String(table.id),
      type: "table",
      position: input.position(table.id),
      width: NODE_WIDTH,
      height: nodeHeight(columns?.length ?? 0, collapsed),
      data: { table, columns, foreignKeys: foreignKeys.get(table.id) ?? [], collapsed },
    };
  });
  const offset = (tableId: number, column: string) => rowOffset(input.columnsOf(tableId), column, input.collapsed(tableId));
  const names = new Map(input.tables.map((t) => [t.id, t.table_name]));
  const edges = relations.map(
    (r): GraphEdge => ({
      id: String(r.id),
      type: "relation",
      source: String(r.from_table_id),
      target: String(r.to_table_id),
      sourceHandle: sourceHandle(),
      targetHandle: targetHandle(),
      // Names and the type as the metadata spells them, in no language: posts.user_id → users.id, ManyToOne, author.
      ariaLabel: [`${names.get(r.from_table_id)}.${r.from_column} → ${names.get(r.to_table_id)}.${r.to_column}`, r.relation_type, r.graphql_field]
        .filter(Boolean)
        .join(", "),
      data: {
        relationType: r.relation_type,
        label: r.graphql_field ?? "",
        fromOffset: offset(r.from_table_id, r.from_column),
        toOffset: offset(r.to_table_id, r.to_column),
      },
    }),
  );
  return { nodes, edges };
}

/** The colour of a highlighted table's relation lines. */
export const HIGHLIGHT_STROKE = "#2563eb";

/**
 * The highlighted table's relations stand out, every other box and line is dimmed: as a style sheet for the
 * diagram whose `data-diagram` is `scope`, so highlighting another table changes one text and redraws no box
 * (giving 300 boxes new data re-rendered them all: 1.7 s for a search-and-focus). A selected line is never dimmed.
 */
/**
 * The nodes with only table `id` selected (none for null): the same array when nothing changes, and the same object
 * for every node whose selection stays, so React Flow draws again only the boxes whose selection changed.
 */
export function withSelected<N extends { id: string; selected?: boolean }>(nodes: N[], id: number | null): N[] {
  const key = id === null ? null : String(id);
  const keeps = (n: N) => Boolean(n.selected) === (n.id === key);
  if (nodes.every(keeps)) return nodes;
  return nodes.map((n) => (keeps(n) ? n : { ...n, selected: n.id === key }));
}

export function highlightCss(scope: string, highlight: number | null, relations: DiagramRelation[]): string {
  if (highlight === null) return "";
  const ids = (xs: Iterable<number>) => [...xs].map((x) => `[data-id="${x}"]`).join(",");
  const touching = relations.filter((r) => r.from_table_id === highlight || r.to_table_id === highlight).map((r) => r.id);
  const at = `[data-diagram="${scope}"]`;
  // The drawn box is dimmed, not React Flow's wrapper around it: a box out of the area (an empty frame, nothing
  // painted) then takes no opacity of its own, which would make each of ~250 such boxes a layer of paint to sort.
  const rules = [`${at} .react-flow__node:not(${ids(neighbourhood(highlight, relations))}) > [data-table] { opacity: 0.3; }`];
  if (touching.length === 0) return [...rules, `${at} .react-flow__edge:not(.selected) { opacity: 0.15; }`].join("\n");
  const lit = `${at} .react-flow__edge:is(${ids(touching)}):not(.selected)`;
  return [
    ...rules,
    `${at} .react-flow__edge:not(.selected, ${ids(touching)}) { opacity: 0.15; }`,
    `${lit} .react-flow__edge-path { stroke: ${HIGHLIGHT_STROKE}; stroke-width: 2.5px; }`,
    `${lit} .relation-end { stroke: ${HIGHLIGHT_STROKE}; }`,
  ].join("\n");
}

/**
 * One ELK edge per pair of related tables, pointing from the table that holds the key to the one it refers to: a
 * relation and its reverse (ManyToOne posts → users, OneToMany users → posts) are one edge, not a cycle of two for
 * ELK to break, and a OneToMany alone points the same way as its ManyToOne would.
 */
type LayoutEdge = Pick<GraphEdge, "id" | "source" | "target"> & { data: Pick<RelationEdgeData, "relationType"> };

function layoutEdges(edges: LayoutEdge[]) {
  const seen = new Set<string>();
  const out: { id: string; sources: [string]; targets: [string] }[] = [];
  for (const e of edges) {
    const [from, to] = e.data.relationType === "OneToMany" ? [e.target, e.source] : [e.source, e.target];
    if (from === to || seen.has(`${from}>${to}`)) continue;
    seen.add(`${from}>${to}`);
    out.push({ id: e.id, sources: [from], targets: [to] });
  }
  return out;
}

/**
 * Into how many columns ELK splits each layer ("layer unzipping", after crossing minimisation, at no cost worth
 * measuring): a layer is a column of boxes, and at 300 tables the widest held 63, so the layout was a strip about
 * 8,000 × 33,000 px that a fitted view showed at under 2 %. Split in four it is about 17,700 × 10,600 px, wider
 * than tall like the pane, and fitted its boxes are three times as large. Up to ~40 boxes nothing is split.
 */
export function layerSplit(boxes: number): number {
  return Math.max(1, Math.min(4, Math.round(Math.sqrt(boxes) / 4.5)));
}

/** ELK's input: boxes and the relations between them (options chosen for speed at hundreds of tables). */
export function elkGraph(nodes: Pick<GraphNode, "id" | "width" | "height">[], edges: LayoutEdge[]) {
  const split = layerSplit(nodes.length);
  // The split is a per-node option in ELK (a layer takes the lowest of its boxes'); long lines do not restart it.
  const nodeOptions =
    split > 1 ? { "elk.layered.layerUnzipping.layerSplit": String(split), "elk.layered.layerUnzipping.resetOnLongEdges": "false" } : undefined;
  return {
    id: "root",
    layoutOptions: {
      "elk.algorithm": "layered",
      "elk.direction": "RIGHT",
      "elk.edgeRouting": "POLYLINE",
      "elk.layered.thoroughness": "1",
      "elk.layered.nodePlacement.strategy": "SIMPLE",
      "elk.spacing.nodeNode": "40",
      "elk.layered.spacing.nodeNodeBetweenLayers": "90",
      "elk.spacing.componentComponent": "80",
      ...(split > 1 ? { "elk.layered.layerUnzipping.strategy": "ALTERNATING" } : {}),
    },
    children: nodes.map((n) => ({ id: n.id, width: n.width, height: n.height, ...(nodeOptions ? { layoutOptions: nodeOptions } : {}) })),
    edges: layoutEdges(edges),
  };
}

/** The rectangle around the nodes placed in `at` (null: none is). */
export function boundsOf(nodes: Pick<GraphNode, "id" | "width" | "height">[], at: ReadonlyMap<number, { x: number; y: number }>) {
  const boxes = nodes.flatMap((n) => {
    const p = at.get(Number(n.id));
    return p ? [{ ...p, right: p.x + n.width, bottom: p.y + n.height }] : [];
  });
  if (boxes.length === 0) return null;
  const x = Math.min(...boxes.map((b) => b.x));
  const y = Math.min(...boxes.map((b) => b.y));
  return { x, y, width: Math.max(...boxes.map((b) => b.right)) - x, height: Math.max(...boxes.map((b) => b.bottom)) - y };
}

export interface Box {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Space left above a box that had to move. */
export const BOX_GAP = 40;

const overlaps = (a: Box, y: number, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && y < b.y + b.height && b.y < y + a.height;

/**
 * Boxes never overlap: a box that does (it grew with a new foreign-key column, or a table the wizard made was put
 * beside the others) moves down below what it meets. Boxes in `fixed` (positions the user dragged) never move;
 * the others are settled top to bottom. Returns the moved boxes' new positions; a layout without overlaps is
 * returned unchanged (empty).
 */
export function separateBoxes(boxes: Box[], fixed: ReadonlySet<string>): Map<string, { x: number; y: number }> {
  const settled = boxes.filter((b) => fixed.has(b.id));
  const movable = boxes.filter((b) => !fixed.has(b.id)).sort((a, b) => a.y - b.y || a.x - b.x || (a.id < b.id ? -1 : 1));
  const moved = new Map<string, { x: number; y: number }>();
  for (const box of movable) {
    let y = box.y;
    // Each step moves below one settled box, so this ends after at most settled.length steps.
    for (let hit = settled.find((s) => overlaps(box, y, s)); hit; hit = settled.find((s) => overlaps(box, y, s))) {
      y = hit.y + hit.height + BOX_GAP;
    }
    settled.push({ ...box, y });
    if (y !== box.y) moved.set(box.id, { x: box.x, y });
  }
  return moved;
}
