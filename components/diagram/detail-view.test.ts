import { describe, expect, it } from "vitest";
import { areaFor, covers, createDetailStore, DETAIL_ZOOM, detailViewFor, EVERYWHERE, lineInArea, NO_DETAIL, overlaps, showsDetail } from "./detail-view";

const box = (x: number, y: number) => ({ x, y, width: 280, height: 200 });

describe("detail view", () => {
  it("is the pane's part of the diagram with a quarter of its size beyond each side", () => {
    // A 1000 × 800 pane showing the diagram at 50 %, its origin 100 px right of and 200 px below the pane's corner.
    expect(detailViewFor({ x: 100, y: 200, zoom: 0.5 }, 1000, 800)).toEqual({ zoom: 0.5, left: -700, top: -800, right: 2300, bottom: 1600 });
  });

  it("draws the rows of the boxes in view once zoomed in to DETAIL_ZOOM, no others", () => {
    const view = detailViewFor({ x: 0, y: 0, zoom: 1 }, 1000, 800);
    expect(showsDetail(view, box(0, 0))).toBe(true);
    // Just inside the margin on each side, and just beyond it.
    expect(showsDetail(view, box(1249, 0))).toBe(true);
    expect(showsDetail(view, box(1250, 0))).toBe(false);
    expect(showsDetail(view, box(-529, 0))).toBe(true);
    expect(showsDetail(view, box(-530, 0))).toBe(false);
    expect(showsDetail(view, box(0, 999))).toBe(true);
    expect(showsDetail(view, box(0, 1000))).toBe(false);
    expect(showsDetail(view, box(0, -399))).toBe(true);
    expect(showsDetail(view, box(0, -400))).toBe(false);
    // The same view zoomed out below DETAIL_ZOOM: no box has rows, even the one in the middle.
    const out = detailViewFor({ x: 0, y: 0, zoom: DETAIL_ZOOM * 0.99 }, 1000, 800);
    expect(showsDetail(out, box(100, 100))).toBe(false);
    expect(showsDetail(detailViewFor({ x: 0, y: 0, zoom: DETAIL_ZOOM }, 1000, 800), box(100, 100))).toBe(true);
    expect(showsDetail(NO_DETAIL, box(0, 0))).toBe(false);
  });

  it("tells its subscribers when the view changes, and stops once they unsubscribe", () => {
    const store = createDetailStore();
    expect(store.get()).toBe(NO_DETAIL);
    let calls = 0;
    const unsubscribe = store.subscribe(() => calls++);
    const view = detailViewFor({ x: 0, y: 0, zoom: 1 }, 100, 100);
    store.set(view);
    expect(store.get()).toBe(view);
    expect(calls).toBe(1);
    unsubscribe();
    store.set(NO_DETAIL);
    expect(calls).toBe(1);
  });

  it("keeps boxes and lines in the page one view beyond each side, and says when a move has left that area", () => {
    // A 1000 × 800 pane at 100 %, the diagram's origin at the pane's corner: the area is -1000…2000 × -800…1600.
    const area = areaFor({ x: 0, y: 0, zoom: 1 }, 1000, 800);
    expect(area).toEqual({ zoom: 1, left: -1000, top: -800, right: 2000, bottom: 1600 });
    expect(overlaps(area, box(1999, 0))).toBe(true);
    expect(overlaps(area, box(2000, 0))).toBe(false);
    expect(overlaps(area, box(-1279, 0))).toBe(true);
    expect(overlaps(area, box(-1280, 0))).toBe(false);
    // Panned by up to a view's size, or zoomed in, the view is still inside: nothing in the page changes.
    expect(covers(area, { x: -1000, y: 800, zoom: 1 }, 1000, 800)).toBe(true);
    expect(covers(area, { x: -1001, y: 0, zoom: 1 }, 1000, 800)).toBe(false);
    expect(covers(area, { x: 0, y: 0, zoom: 2 }, 1000, 800)).toBe(true);
    // Zoomed out to half, the view is still inside; to less than a third, it cannot be.
    expect(covers(area, { x: 250, y: 200, zoom: 0.5 }, 1000, 800)).toBe(true);
    expect(covers(area, { x: 300, y: 240, zoom: 0.3 }, 1000, 800)).toBe(false);
    expect(covers(EVERYWHERE, { x: 5e6, y: -5e6, zoom: 0.02 }, 1000, 800)).toBe(true);
  });

  it("keeps a line whose two boxes are out of the area when it crosses it", () => {
    const area = areaFor({ x: 0, y: 0, zoom: 1 }, 1000, 800);
    // One box left of the area, one right of it: the line between them crosses it.
    expect(lineInArea(area, box(-3000, 0), box(5000, 0))).toBe(true);
    // Both below it.
    expect(lineInArea(area, box(-3000, 2000), box(5000, 2000))).toBe(false);
    expect(lineInArea(area, box(0, 0), undefined)).toBe(true);
  });
});
