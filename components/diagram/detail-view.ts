/**
 * Which boxes draw their column rows: those in view (with a margin) once zoomed in to DETAIL_ZOOM, decided when a
 * pan or zoom ends, not on each of its frames. The zoom's crossing of DETAIL_ZOOM drew the rows of every box in
 * view in the middle of the zoom (the zoom's p95 frame was 67 ms idle), and every box asked React Flow's store for
 * the zoom on every frame; now a move's frames draw no rows and a box is drawn again only when its detail changes.
 */

/** Below this zoom a column's text is a few pixels high: a box draws its header and an empty block as tall as its rows. */
export const DETAIL_ZOOM = 0.4;
/** Rows are drawn this far beyond the view on each side (a fraction of its size): a short pan finds them there. */
const MARGIN = 0.25;

/** The part of the diagram (in its own coordinates) whose boxes draw their rows, and the zoom it was decided at. */
export interface DetailView {
  zoom: number;
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Nothing drawn in detail: before the first view is known (a first layout draws its boxes bare, then fits). */
export const NO_DETAIL: DetailView = { zoom: 0, left: 0, top: 0, right: 0, bottom: 0 };

/**
 * The view of a `width` × `height` pane at React Flow's viewport (its x, y are the screen offset of the origin),
 * with `margin` of its size beyond each side.
 */
export function detailViewFor(viewport: { x: number; y: number; zoom: number }, width: number, height: number, margin = MARGIN): DetailView {
  const { x, y, zoom } = viewport;
  const w = width / zoom;
  const h = height / zoom;
  const left = -x / zoom;
  const top = -y / zoom;
  return { zoom, left: left - w * margin, top: top - h * margin, right: left + w * (1 + margin), bottom: top + h * (1 + margin) };
}

type Rect = { x: number; y: number; width: number; height: number };

export const overlaps = (view: DetailView, box: Rect) =>
  box.x < view.right && box.x + box.width > view.left && box.y < view.bottom && box.y + box.height > view.top;

export function showsDetail(view: DetailView, box: Rect): boolean {
  return view.zoom >= DETAIL_ZOOM && overlaps(view, box);
}

/**
 * Which boxes and lines are in the page at all: those within one view's size beyond each side of the view (the
 * area), decided when a move ends or leaves the area, not on each of its frames. React Flow's own culling
 * (onlyRenderVisibleElements) added and removed boxes and lines on every frame of a pan or zoom, so each frame was
 * a React render, a paint and a layerization of the diagram (p95 frame 33 ms panning, 50 ms zooming, idle); a move
 * inside the area now changes nothing in the page and the compositor only moves and scales its layer.
 */
const AREA_MARGIN = 1;

/** Before the first move ends: everything (the first layout's fitted view shows every box anyway). */
export const EVERYWHERE: DetailView = { zoom: Infinity, left: -Infinity, top: -Infinity, right: Infinity, bottom: Infinity };

export const areaFor = (viewport: { x: number; y: number; zoom: number }, width: number, height: number) =>
  detailViewFor(viewport, width, height, AREA_MARGIN);

export const sameView = (a: DetailView, b: DetailView) =>
  a.zoom === b.zoom && a.left === b.left && a.top === b.top && a.right === b.right && a.bottom === b.bottom;

/** Whether the pane's view at `viewport` is still inside `area` (the page then needs no change). */
export function covers(area: DetailView, viewport: { x: number; y: number; zoom: number }, width: number, height: number): boolean {
  const view = detailViewFor(viewport, width, height, 0);
  return view.left >= area.left && view.right <= area.right && view.top >= area.top && view.bottom <= area.bottom;
}

/** A line is in the page when the rectangle around its two boxes meets the area (as React Flow's culling decides). */
export function lineInArea(area: DetailView, a: Rect | undefined, b: Rect | undefined): boolean {
  if (!a || !b) return true;
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  return overlaps(area, { x, y, width: Math.max(a.x + a.width, b.x + b.width) - x, height: Math.max(a.y + a.height, b.y + b.height) - y });
}

/** The current view for the boxes to subscribe to (useSyncExternalStore): a new view re-renders only the boxes it changes. */
export function createDetailStore(initial = NO_DETAIL) {
  let view = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => view,
    set(next: DetailView) {
      view = next;
      for (const listener of listeners) listener();
    },
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}

export type DetailStore = ReturnType<typeof createDetailStore>;
