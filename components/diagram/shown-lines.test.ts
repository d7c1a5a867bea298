import { describe, expect, it } from "vitest";
import { detailViewFor, EVERYWHERE } from "./detail-view";
import type { GraphEdge } from "./diagram-graph";
import { createShownLines } from "./shown-lines";

const line = (id: string, source: string, target: string): GraphEdge => ({
  id,
  type: "relation",
  source,
  target,
  sourceHandle: "s:",
  targetHandle: "t:",
  ariaLabel: `${source} → ${target}`,
  data: { relationType: "ManyToOne", label: `rel${id}`, fromOffset: 0, toOffset: 0 },
});
const box = (x: number, y: number) => ({ x, y, width: 280, height: 200 });
// Boxes 1 and 2 side by side at the origin, 3 and 4 far to the right.
const boxes = new Map([
  ["1", box(0, 0)],
  ["2", box(400, 0)],
  ["3", box(20_000, 0)],
  ["4", box(20_400, 0)],
]);
const edges = [line("10", "2", "1"), line("11", "4", "3"), line("12", "3", "1")];
// The area of a 1000 × 800 pane at 100 % on the origin: boxes 1 and 2 only.
const near = detailViewFor({ x: 0, y: 0, zoom: 1 }, 1000, 800, 1);

describe("shown lines", () => {
  it("hands React Flow only the lines in the area (one meeting it counts), every line while an export draws", () => {
    expect(createShownLines()(edges, boxes, near, null, false).map((l) => l.id)).toEqual(["10", "12"]);
    expect(createShownLines()(edges, boxes, near, null, true).map((l) => l.id)).toEqual(["10", "11", "12"]);
    expect(createShownLines()(edges, boxes, EVERYWHERE, null, false).map((l) => l.id)).toEqual(["10", "11", "12"]);
  });

  it("keeps its array while no line changes, and every line's object while it does not change", () => {
    const shown = createShownLines();
    const first = shown(edges, boxes, near, null, false);
    expect(first[0]).toBe(edges[0]);
    // Asked again (a box selected, the boxes' list new): the very same array, so React Flow has nothing to redo.
    expect(shown(edges, new Map(boxes), near, null, false)).toBe(first);
    // A line selected: a new object for it alone, a new array.
    const selected = shown(edges, boxes, near, 12, false);
    expect(selected).not.toBe(first);
    expect(selected[0]).toBe(first[0]);
    expect(selected[1]).toMatchObject({ id: "12", selected: true });
    expect(shown(edges, boxes, near, 12, false)).toBe(selected);
    // The area grows: the line that comes in is added, the others keep their objects.
    const all = shown(edges, boxes, EVERYWHERE, 12, false);
    expect(all.map((l) => l.id)).toEqual(["10", "11", "12"]);
    expect(all[0]).toBe(first[0]);
    expect(all[2]).toBe(selected[1]);
    // Deselected: the plain line again.
    expect(shown(edges, boxes, EVERYWHERE, null, false)[2]).toBe(edges[2]);
  });
});
