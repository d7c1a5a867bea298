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

/** The view of a `width` × `height` pane at React Flow's viewport (its x, y are the screen offset of the origin). */
export function detailViewFor(viewport: { x: number; y: number; zoom: number }, width: number, height: number): DetailView {
  const { x, y, zoom } = viewport;
  const w = width / zoom;
  const h = height / zoom;
  const left = -x / zoom;
  const top = -y / zoom;
  return { zoom, left: left - w * MARGIN, top: top - h * MARGIN, right: left + w * (1 + MARGIN), bottom: top + h * (1 + MARGIN) };
}

export function showsDetail(view: DetailView, box: { x: number; y: number; width: number; height: number }): boolean {
  return (
    view.zoom >= DETAIL_ZOOM && box.x < view.right && box.x + box.width > view.left && box.y < view.bottom && box.y + box.height > view.top
  );
}

/** The current view for the boxes to subscribe to (useSyncExternalStore): a new view re-renders only the boxes it changes. */
export function createDetailStore() {
  let view = NO_DETAIL;
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
