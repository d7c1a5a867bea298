"use client";

import { useTranslations } from "next-intl";
import "@xyflow/react/dist/style.css";
import {
  Background,
  Controls,
  MiniMap,
  ReactFlow,
  ReactFlowProvider,
  getViewportForBounds,
  useNodesState,
  useReactFlow,
  useStore,
  useStoreApi,
  useUpdateNodeInternals,
  type EdgeChange,
  type FinalConnectionState,
  type Node,
  type Viewport,
} from "@xyflow/react";
import { useRouter } from "next/navigation";
import { useEffect, useId, useMemo, useRef, useState, useSyncExternalStore } from "react";
import { toast } from "sonner";
import { resetLayoutAction, savePositionsAction } from "@/app/(editor)/diagram/actions";
import { NewRelationDialog, type RelationPrefill } from "@/components/relations/new-relation-dialog";
import { Alert } from "@/components/ui/alert";
import type { DiagramModel, DiagramTable } from "@/lib/metadata/diagram";
import { batched, DiagramActions, unmeasured } from "./diagram-actions";
import { areaFor, covers, createDetailStore, DETAIL_ZOOM, detailViewFor, EVERYWHERE, NO_DETAIL, sameView, type DetailStore, type DetailView } from "./detail-view";
import { boundsOf, buildGraph, highlightCss, NODE_WIDTH, separateBoxes, withSelected, type TableNodeData } from "./diagram-graph";
import { DiagramTableDialog } from "./diagram-table-dialog";
import { DiagramToolbar } from "./diagram-toolbar";
import { warmUpElk } from "./elk-layout";
import { exportDiagram } from "./export-image";
import { useFlowLabels } from "./flow-labels";
import { RelationEdge } from "./relation-edge";
import { TableNode } from "./table-node";
import { useShownLines } from "./use-shown-lines";
import { useDiagramColumns, useShownTables } from "./use-shown-tables";
import { useLayout } from "./use-layout";
import { useRelationDelete } from "./use-relation-delete";
import { useStableHandlers } from "./use-stable-handlers";

// The diagram page's script has loaded, before React has drawn (hydrated) the page: ELK's worker starts now, so
// loading ELK overlaps the rest of the page's start. (A table page bundles this too: its Diagram tab starts ELK
// when opened.)
if (typeof window !== "undefined" && /\/diagram\/?$/.test(window.location.pathname)) {
  performance.mark("diagram:script");
  warmUpElk();
}

const nodeTypes = { table: TableNode };
const edgeTypes = { relation: RelationEdge };
const ORIGIN = { x: 0, y: 0 };
const MIN_ZOOM = 0.02;
const NOTHING = { nodes: [], edges: [] };
const PRO_OPTIONS = { hideAttribution: false };
const minimapColor = (n: Node) => (n.selected ? "#2563eb" : "#a1a1aa");
/** At least this many boxes to place: drawn while ELK works (see `waiting`). */
const DRAW_EARLY = 40;

/**
 * While the view pans or zooms, the boxes and lines are one layer the compositor moves and scales as a picture
 * (will-change), instead of Chromium laying out its paint again for every frame (hundreds of boxes and lines, each
 * positioned by a transform or a z-index of its own); zoomed in, the picture is blurred until the move ends and it
 * is drawn again at the new scale.
 *
 * The layer is made ahead, while the view is at rest: at an idle moment after the first layout and after each
 * user's move that dropped it. Made at a user's first wheel step or drag instead, it cost that step the layer's
 * paint, layerization and first raster (two frames of ~33 ms at the bench's zoom, the p95 frame's whole margin).
 * It is kept when a move ends at the zoom it was made at (a pan, or a jump that keeps the zoom: nothing to draw
 * again); dropped when a move ends at another zoom (drawn again sharp; made again when idle after a user's move,
 * at the next move after a jump) and in the frame a programmatic jump changes the zoom (search-and-focus from a
 * fitted view, Fit): a jump is one frame, and a layer made and dropped around it cost more than the jump (Find a
 * table: 90 → 365 ms).
 * `data-moving` brings the shield of app/globals.css over the view (the pointer's hover is not looked for among the
 * boxes and lines on each frame of the move).
 */
function asLayer(wrapper: HTMLElement | null, on: boolean) {
  const viewport = viewportOf(wrapper);
  if (viewport) viewport.style.willChange = on ? "transform" : "";
}

/**
 * While a user's move keeps the view one layer (asLayer), the viewport runs an animation that changes nothing: an
 * identity translate added to its own transform (`composite: "add"`, which Chromium runs on the main thread, so
 * React Flow's transform of each frame still decides where the view is). Chromium takes a transform written on
 * each frame the short way, straight to the compositor's transform node, only for an element with an active
 * transform animation; without one, every frame of a pan or zoom had it group the whole page's paint into layers
 * again ("Layerize": 3-5 ms a frame at 300 tables in traces of the bench's zoom, 0.2 ms with it). Not once the
 * view is painted as it goes (below): the animation alone would keep it a layer, rastered anew at each zoom's
 * step beyond the pane's edges (more raster in traces than painting it in the page).
 */
const STILL: Keyframe[] = [{ transform: "translate(0px, 0px)" }, { transform: "translate(0px, 0px)" }];
function holdStill(wrapper: HTMLElement | null): Animation | null {
  const viewport = viewportOf(wrapper);
  if (typeof viewport?.animate !== "function") return null;
  const still = viewport.animate(STILL, { duration: 1000, iterations: Infinity, composite: "add" });
  // A browser that would replace the view's transform with it (no additive animations) does not keep it: cancelled
  // in the same task, before any frame shows it.
  if (!(still.effect instanceof KeyframeEffect) || still.effect.composite !== "add") {
    still.cancel();
    return null;
  }
  return still;
}

const viewportOf = (wrapper: HTMLElement | null) => wrapper?.querySelector<HTMLElement>(".react-flow__viewport") ?? null;

/**
 * A user's move in progress: `data-moving` on React Flow's viewport brings the shield (its `::after`) over the view.
 * On the viewport itself, not on an ancestor: there Chromium looked through every box and line for what the
 * attribute's rule could change at the move's first step (a style recalculation of ~2.4 ms in traces of the
 * bench's first wheel step); on the viewport only it and its `::after` are styled again.
 */
const moving = (wrapper: HTMLElement | null) => viewportOf(wrapper)?.hasAttribute("data-moving") ?? false;
const setMoving = (wrapper: HTMLElement | null, on: boolean) => viewportOf(wrapper)?.toggleAttribute("data-moving", on);

/** requestIdleCallback where the browser has it (not Safari): else a moment later. */
const whenIdle = (run: () => void): (() => void) => {
  if (typeof requestIdleCallback === "function") {
    const id = requestIdleCallback(run);
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(run, 200);
  return () => clearTimeout(id);
};

/**
 * A layer made below this zoom is dropped when a zoom reaches it (the rest of the move is painted as it goes).
 * Chromium's compositor draws a will-change layer again at the new scale once the zoom is 4 times the scale it was
 * drawn at, and at scale 1 (at least) once the zoom passes 0.25: a layer made at the fitted view (0.05 at 300
 * tables) was drawn again at scale 1 as the zoom passed 0.25, 16 times the view's pixels, one frame of 100-200 ms.
 */
const LAYER_ZOOM = 0.2;

/**
 * After search-and-focus's jump the boxes' rows wait for a pause in the user's typing: this long without a key.
 * Drawn at once, the rows of the boxes in view came in one commit of ~45 ms a few hundred ms after the jump, and the
 * next search typed meanwhile waited for it (docs/benchmarks.md). Other moves draw them when they end, as before.
 */
const ROWS_AFTER_TYPING_MS = 300;

/** Runs `run` once the page has had `ms` without a keydown; the returned function cancels it. */
function afterTyping(run: () => void, ms: number): () => void {
  let timer = setTimeout(done, ms);
  function again() {
    clearTimeout(timer);
    timer = setTimeout(done, ms);
  }
  function stop() {
    clearTimeout(timer);
    window.removeEventListener("keydown", again, true);
  }
  function done() {
    stop();
    run();
  }
  window.addEventListener("keydown", again, { capture: true, passive: true });
  return stop;
}

/** Runs `run` in a task after the next two frames (their animation-frame callbacks included); returns its cancel. */
function afterTwoFrames(run: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let frame = requestAnimationFrame(() => {
    frame = requestAnimationFrame(() => {
      timer = setTimeout(run);
    });
  });
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}

/** Below this zoom the background's dots are under 6 px apart, a grey haze: not drawn. */
const DOTS_ZOOM = 0.25;

/**
 * The background's dots, at DOTS_ZOOM or more: they come when a move ends there (`settled`, the view at the last
 * move's end), not as a zoom in passes it, and go as a zoom out passes it. React Flow draws their pattern again at
 * every transform, so they are painted and rastered again on every frame they show: on the steps of a zoom in after
 * the layer's drop at LAYER_ZOOM, 13-40 % of the raster in traces of the bench's zoom (docs/benchmarks.md).
 */
function Dots({ settled }: { settled: DetailStore }) {
  const shown = useStore((s) => s.transform[2] >= DOTS_ZOOM);
  const settledThere = useSyncExternalStore(settled.subscribe, () => settled.get() === NO_DETAIL || settled.get().zoom >= DOTS_ZOOM, () => true);
  return shown && settledThere ? <Background gap={24} /> : null;
}

export interface DiagramViewProps {
  model: DiagramModel;
  /** A table's page: its neighbourhood, that table highlighted. */
  focusTableId?: number;
  height?: string;
  allowNewTable?: boolean;
  /** Fetches the model again after a change (default: the page's server render). */
  onChanged?: () => void;
}

export function DiagramView(props: DiagramViewProps) {
  return (
    <ReactFlowProvider>
      <DiagramCanvas {...props} />
    </ReactFlowProvider>
  );
}

function DiagramCanvas({ model, focusTableId, height = "calc(100vh - 15rem)", allowNewTable, onChanged }: DiagramViewProps) {
  const router = useRouter();
  const t = useTranslations("diagram");
  const flowLabels = useFlowLabels();
  const reload = onChanged ?? (() => router.refresh());
  const flow = useReactFlow();
  const wrapper = useRef<HTMLDivElement>(null);
  const [schema, setSchema] = useState("");
  const [focus, setFocus] = useState<number | null>(null);
  const [hideColumns, setHideColumns] = useState(false);
  const [collapsed, setCollapsed] = useState<Set<number>>(new Set());
  const [highlight, setHighlight] = useState<number | null>(focusTableId ?? null);
  const [relating, setRelating] = useState<RelationPrefill | null>(null);
  const [creatingTable, setCreatingTable] = useState(false);
  const [exporting, setExporting] = useState(false);
  const [centerOn, setCenterOn] = useState<number | null>(null);
  const [selectedEdge, setSelectedEdge] = useState<number | null>(null);
  const [detail] = useState(createDetailStore);
  const [area] = useState(() => createDetailStore(EVERYWHERE));
  const relationDelete = useRelationDelete(() => {
    setSelectedEdge(null);
    reload();
  });

  const shown = useShownTables(model, { schema, focus });
  const columns = useDiagramColumns(model, shown.tables);
  const isCollapsed = (id: number) => hideColumns || collapsed.has(id);
  const graph = useMemo(
    () =>
      buildGraph({
        tables: shown.tables,
        relations: model.relations,
        columnsOf: columns.of,
        collapsed: isCollapsed,
        position: () => ORIGIN,
      }),
    [shown.tables, model.relations, columns.of, hideColumns, collapsed], // eslint-disable-line react-hooks/exhaustive-deps
  );
  const [fitted, setFitted] = useState(false);
  // Marks for the benchmark (npm run bench): mounted → laid out and fitted.
  useEffect(() => void performance.mark("diagram:mounted"), []);
  useEffect(() => {
    if (fitted) performance.mark("diagram:laid-out");
  }, [fitted]);
  const fitPending = useRef(false);
  const { placed, setPlaced, status, ready } = useLayout(model.tables, columns.pending ? NOTHING : graph, (everything, at) => {
    if (!everything) return;
    // Fitted before the boxes are drawn, so they are drawn once, at the zoom they are seen at (a fitted 300-table
    // diagram: without column text). The boxes' sizes are computed, not measured, so this is React Flow's fit: its
    // own fitView, asked a frame later, fitted the boxes where the store still had them (at the origin, drawn
    // early) whenever React had not yet handed it their places.
    const bounds = boundsOf(graph.nodes, at);
    if (wrapper.current && bounds) void flow.setViewport(getViewportForBounds(bounds, wrapper.current.clientWidth, wrapper.current.clientHeight, MIN_ZOOM, 1, 0.1));
    fitPending.current = true;
  });

  // Positions the user dragged (stored, or dragged since the page opened): kept where they are, whatever grows.
  const [pinned, setPinned] = useState<ReadonlySet<string>>(
    () => new Set(model.tables.filter((t) => t.x !== null && t.y !== null).map((t) => String(t.id))),
  );
  const [nodes, setNodes, onNodesChange] = useNodesState<Node<TableNodeData>>([]);
  // Many boxes to place: they are drawn while ELK works in its worker (out of sight, at the origin, zoomed out as
  // the fitted view will be), so React and React Flow draw and measure them on this thread meanwhile and the
  // layout only moves them.
  const waiting = useMemo(
    () => (status.state === "running" ? graph.nodes.filter((n) => !placed.has(Number(n.id))) : []),
    [status.state, graph.nodes, placed],
  );
  const drawEarly = waiting.length >= DRAW_EARLY;
  useEffect(() => {
    if (drawEarly) void flow.setViewport({ x: 0, y: 0, zoom: DETAIL_ZOOM / 2 });
  }, [drawEarly, flow]);
  useEffect(() => {
    const shownNodes = graph.nodes.filter((n) => placed.has(Number(n.id)));
    const at = (n: (typeof shownNodes)[number]) => placed.get(Number(n.id))!;
    // A box that grew (a new foreign-key column) or a table just made must not cover another: it moves down.
    const moved = separateBoxes(shownNodes.map((n) => ({ id: n.id, ...at(n), width: n.width, height: n.height })), pinned);
    setNodes([
      ...shownNodes.map((n) => ({ ...n, position: moved.get(n.id) ?? at(n), selected: n.id === String(highlight) })),
      ...(drawEarly ? waiting.map((n) => ({ ...n, position: ORIGIN })) : []),
    ]);
    // A layout's boxes are handed to React Flow at their places, in the view fitted to them (onLaidOut).
    if (fitPending.current) {
      fitPending.current = false;
      setFitted(true);
    }
  }, [graph.nodes, placed, pinned, setNodes, drawEarly]); // eslint-disable-line react-hooks/exhaustive-deps
  // Highlighting selects its box and deselects the one before; every other box keeps its node object (not redrawn).
  // Done where the highlight is set (a search's Enter, a click: one render), and again by this effect for any other
  // change of `highlight`, which then finds nothing to change.
  const selectOnly = (id: number | null) => setNodes((all) => withSelected(all, id));
  useEffect(() => selectOnly(highlight), [highlight]); // eslint-disable-line react-hooks/exhaustive-deps
  const scope = useId().replace(/[^\w-]/g, "");
  const highlightStyle = useMemo(() => highlightCss(scope, highlight, model.relations), [scope, highlight, model.relations]);

  /** Centres a placed table at 100 % (false if it has no place yet). */
  const centre = (id: number) => {
    const at = placed.get(id);
    if (!at) return false;
    const node = graph.nodes.find((n) => n.id === String(id));
    void flow.setCenter(at.x + NODE_WIDTH / 2, at.y + Math.min(node?.height ?? 100, 300) / 2, { zoom: 1 });
    return true;
  };
  // Search-and-focus of a table not drawn yet (another neighbourhood or schema): centred once it is placed.
  useEffect(() => {
    if (centerOn === null || !centre(centerOn)) return;
    setCenterOn(null);
  }, [centerOn, placed, graph.nodes, flow]); // eslint-disable-line react-hooks/exhaustive-deps

  const focusTable = (table: DiagramTable) => {
    const refocus = shown.limited || !shown.tables.some((t) => t.id === table.id);
    if (refocus) setFocus(table.id);
    const reschema = schema !== "" && table.schema_name !== schema;
    if (reschema) setSchema("");
    setHighlight(table.id);
    selectOnly(table.id);
    searchJump.current = true;
    // A table already drawn is centred now, so the highlight, the selection and the jump are one render of the
    // diagram (they were three: the jump waited for an effect after the highlight's render, whose effect selected).
    if (refocus || reschema || !centre(table.id)) setCenterOn(table.id);
  };

  const onConnectEnd = (event: MouseEvent | TouchEvent, state: FinalConnectionState) => {
    if (!state.fromNode || !state.fromHandle) return;
    const point = "changedTouches" in event ? event.changedTouches[0] : event;
    const under = document.elementFromPoint(point.clientX, point.clientY);
    const target = under?.closest(".react-flow__node")?.getAttribute("data-id");
    if (!target) return;
    const toColumn = under?.closest("[data-column]")?.getAttribute("data-column") ?? "";
    const fromColumn = state.fromHandle.id?.slice(2) ?? "";
    if (target === state.fromNode.id && !toColumn) return;
    setRelating({ from_table_id: Number(state.fromNode.id), from_column: fromColumn, to_table_id: Number(target), to_column: toColumn });
  };

  const saveDragged = (dragged: Node[]) => {
    const positions = dragged.map((n) => ({ table_id: Number(n.id), x: Math.round(n.position.x), y: Math.round(n.position.y) }));
    setPlaced((all) => new Map([...all, ...positions.map((p) => [p.table_id, { x: p.x, y: p.y }] as const)]));
    setPinned((all) => new Set([...all, ...positions.map((p) => String(p.table_id))]));
    savePositionsAction(positions).then((r) => {
      if (!r.ok) toast.error(t("positionNotSaved", { reason: r.formError ?? t("unknownError") }));
    });
  };

  const exportAs = async (format: "svg" | "png") => {
    const viewport = viewportOf(wrapper.current);
    if (!viewport) return;
    setExporting(true);
    try {
      // Off-screen boxes are not drawn (onlyRenderVisibleElements) and boxes out of view (or zoomed out) draw no
      // rows: `exporting` draws them all, with `fullDetail`, for the picture.
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      await exportDiagram(viewport, flow.getNodes(), format);
    } catch (error) {
      // The library's own text is English and technical: the console keeps it, the user reads a sentence.
      console.error("[diagram] export failed:", error);
      toast.error(t("exportFailed"));
    } finally {
      setExporting(false);
    }
  };

  const autoLayout = async () => {
    const result = await resetLayoutAction();
    if (!result.ok) return void toast.error(result.formError ?? t("notReset"));
    setPlaced(new Map());
    setPinned(new Set());
  };

  // One line selected at a time (click, or Enter on a focused line): Delete / Backspace or the button deletes it.
  const selectedRelation = model.relations.find((r) => r.id === selectedEdge) ?? null;
  const edges = useShownLines(graph.edges, nodes, selectedEdge, area, exporting);
  // The view's size, from React Flow's store: reading the pane's clientWidth in onMove forced a style and layout
  // pass in the middle of a jump (search-and-focus), right after the highlight's style sheet changed.
  const store = useStoreApi();
  const paneSize = () => store.getState();
  // The zoom the view's layer was made at, while it has one (see asLayer and LAYER_ZOOM), and the idle moment
  // it waits for to be made.
  const layerZoom = useRef<number | null>(null);
  const cancelLayer = useRef<(() => void) | null>(null);
  // Cancels the rows a search's jump left waiting for a pause in the typing (ROWS_AFTER_TYPING_MS); and whether the
  // next jump is a search's.
  const pendingDetail = useRef<(() => void) | null>(null);
  const searchJump = useRef(false);
  const dropWaitingRows = () => {
    pendingDetail.current?.();
    pendingDetail.current = null;
  };
  // The area a jump moved to, waiting for the frames that show the jump (see setArea), and its cancel.
  const pendingArea = useRef<{ next: DetailView; cancel: () => void } | null>(null);
  const dropPendingArea = () => {
    pendingArea.current?.cancel();
    pendingArea.current = null;
  };
  /**
   * A user's move sets the area at once (its boxes and lines come in a deferred render). A move with no user's event
   * (search-and-focus, Fit, the zoom buttons, a drag in the overview map) sets it once the frame that shows it and the
   * next have been drawn: the table found is drawn in the jump's own render whatever the area (table-node.tsx), and
   * the boxes and lines around it come after. Set with the jump, that deferred render's commit (~25-50 ms: boxes,
   * lines, React Flow's edges) now and then landed before the frame after the jump, which then came 50 ms later (the
   * first search after the bench's pan: 70-130 ms). A move that goes on (the map's drag) updates the waiting area and
   * keeps its turn, so its area still comes every few frames.
   */
  const setArea = (next: DetailView, now: boolean) => {
    if (now) {
      dropPendingArea();
      area.set(next);
      return;
    }
    const waiting = pendingArea.current;
    if (waiting) {
      waiting.next = next;
      return;
    }
    const pending = {
      next,
      cancel: afterTwoFrames(() => {
        pendingArea.current = null;
        if (!sameView(pending.next, area.get())) area.set(pending.next);
      }),
    };
    pendingArea.current = pending;
  };
  // The do-nothing animation of a user's move (holdStill), from its start to its end or the layer's drop.
  const still = useRef<Animation | null>(null);
  const moveStill = (on: boolean) => {
    still.current?.cancel();
    still.current = on ? holdStill(wrapper.current) : null;
  };
  const layer = (zoom: number | null) => {
    cancelLayer.current?.();
    cancelLayer.current = null;
    if (zoom === null) moveStill(false);
    asLayer(wrapper.current, zoom !== null);
    layerZoom.current = zoom;
  };
  const layerWhenIdle = () => {
    cancelLayer.current?.();
    cancelLayer.current = whenIdle(() => {
      cancelLayer.current = null;
      if (layerZoom.current === null && !moving(wrapper.current)) layer(store.getState().transform[2]);
    });
  };
  // A drag of the pane in progress, from the press that started its move to the pointer's release: a wheel's zoom
  // that ends meanwhile leaves its end to the drag's (see onMoveEnd).
  const dragging = useRef(false);
  const dragStarted = () => {
    dragging.current = true;
    const released = () => {
      dragging.current = false;
      window.removeEventListener("pointerup", released, true);
      window.removeEventListener("pointercancel", released, true);
    };
    window.addEventListener("pointerup", released, true);
    window.addEventListener("pointercancel", released, true);
  };
  // The first layer, once the first layout is fitted and drawn; none is made while the boxes wait for it.
  const laidOut = fitted && ready;
  const fittedRef = useRef(false);
  useEffect(() => {
    fittedRef.current = laidOut;
    if (laidOut) layerWhenIdle();
  }, [laidOut]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(
    () => () => {
      cancelLayer.current?.();
      still.current?.cancel();
      dropWaitingRows();
      dropPendingArea();
    },
    [],
  );
  // Stable handlers: see use-stable-handlers.ts (a new function per render redrew every box).
  const flowHandlers = useStableHandlers({
    onEdgesChange: (changes: EdgeChange[]) => {
      for (const c of changes) {
        if (c.type !== "select") continue;
        if (c.selected) setSelectedEdge(Number(c.id));
        else setSelectedEdge((id) => (id === Number(c.id) ? null : id));
      }
    },
    onNodeDragStop: (_: unknown, __: unknown, dragged: Node[]) => saveDragged(dragged),
    onNodeClick: (_: unknown, node: Node) => {
      setHighlight(Number(node.id));
      selectOnly(Number(node.id));
    },
    onNodeDoubleClick: (_: unknown, node: Node) => router.push(`/tables/${node.id}`),
    onPaneClick: () => {
      setHighlight(null);
      setSelectedEdge(null);
    },
    onConnectEnd,
    // Boxes and lines far from the view are left out (the area, detail-view.ts; an export draws them all), and
    // whether a box draws its rows is decided when a move ends, so a box that enters the view during a move
    // comes bare. React Flow's own culling (onlyRenderVisibleElements) changed the page on every frame of a move.
    onMoveStart: (event: MouseEvent | TouchEvent | null, viewport: Viewport) => {
      if (!event) return;
      if (event.type === "mousedown" || event.type === "touchstart") dragStarted();
      setMoving(wrapper.current, true);
      if (layerZoom.current === null) layer(viewport.zoom);
      moveStill(true);
      // Rows a search left waiting are not drawn in the middle of the move: its end decides them.
      dropWaitingRows();
      searchJump.current = false;
    },
    onMove: (_: unknown, viewport: Viewport) => {
      // In the frame it changes the zoom, a programmatic jump drops the layer (it is drawn at the new zoom as it
      // is); a user's move made below LAYER_ZOOM drops it when it reaches it.
      const made = layerZoom.current;
      const userMove = moving(wrapper.current);
      if (made !== null && viewport.zoom !== made && (!userMove || (made < LAYER_ZOOM && viewport.zoom >= LAYER_ZOOM))) layer(null);
      const { width, height } = paneSize();
      if (pendingArea.current || !covers(area.get(), viewport, width, height)) setArea(areaFor(viewport, width, height), userMove);
    },
    onMoveEnd: (event: MouseEvent | TouchEvent | null, viewport: Viewport) => {
      // A wheel's zoom ends 150 ms after its last step, and a drag of the pane started within them is a move of its
      // own (d3-zoom): that zoom's end came in the middle of the drag, took the shield away and drew the rows of
      // every box in view there (a frame of 50-130 ms a few frames into the bench's pan, in every run). The drag's end
      // does it all once the pointer is released (as for one move).
      if (event?.type === "wheel" && dragging.current) return;
      const userMove = moving(wrapper.current);
      setMoving(wrapper.current, false);
      moveStill(false);
      // A move that changed the zoom: drawn again sharp at the new zoom. After a user's move the layer is made
      // again when idle; after a jump (search-and-focus, Fit) it waits for the next move's end (made right after a
      // search, it slowed the next search: 50-100 → 140-410 ms under load).
      if (layerZoom.current !== viewport.zoom) {
        layer(null);
        if (userMove && fittedRef.current) layerWhenIdle();
      }
      const { width, height } = paneSize();
      const view = detailViewFor(viewport, width, height);
      dropWaitingRows();
      if (searchJump.current && !userMove) pendingDetail.current = afterTyping(() => detail.set(view), ROWS_AFTER_TYPING_MS);
      else detail.set(view);
      searchJump.current = false;
      const next = areaFor(viewport, width, height);
      // A jump (search-and-focus, fit) already asked for it on its one frame: the same area again redraws nothing.
      if (pendingArea.current || !sameView(next, area.get())) setArea(next, userMove);
    },
  });
  const onKeyDown = (event: React.KeyboardEvent) => {
    if ((event.key === "Delete" || event.key === "Backspace") && selectedRelation && !(event.target instanceof HTMLInputElement)) {
      event.preventDefault();
      void relationDelete.ask(selectedRelation.id);
    }
  };

  // React Flow's updateNodeInternals is stable (a callback on its store); the batch is made once.
  const updateNodeInternals = useUpdateNodeInternals();
  const [measure] = useState(() => batched(updateNodeInternals));
  // React Flow draws a line only between boxes whose handles it has measured. A box handed over without its
  // measured size (the boxes effect above builds them from the graph) has its handles forgotten and is observed
  // anew to measure them; but a box that loses them again before it is drawn with them is not observed anew
  // (@xyflow/react's useNodeObserver re-observes only when that state changes), and its lines stayed missing until
  // something else measured it (e2e under load: 2 of the 6 lines after a Fit or a search, one box without handles).
  // Two frames after React Flow took the boxes (its own measures are done by then), those still without are measured.
  useEffect(() => {
    let frame = requestAnimationFrame(() => {
      frame = requestAnimationFrame(() => {
        const missing = unmeasured(store.getState().nodeLookup.values());
        if (missing.length > 0) updateNodeInternals(missing);
      });
    });
    return () => cancelAnimationFrame(frame);
  }, [nodes, store, updateNodeInternals]);
  const actions = useMemo(
    () => ({
      toggleCollapsed: (id: number) => setCollapsed((all) => new Set(all.has(id) ? [...all].filter((x) => x !== id) : [...all, id])),
      fullDetail: exporting,
      detail,
      area,
      measure,
    }),
    [exporting, detail, area, measure],
  );

  return (
    <div className="space-y-3">
      <DiagramToolbar
        tables={model.tables}
        schemas={shown.schemas}
        schema={schema}
        onSchema={setSchema}
        hideColumns={hideColumns}
        onHideColumns={setHideColumns}
        onFocus={focusTable}
        onFit={() => flow.fitView({ maxZoom: 1 })}
        onExport={exportAs}
        exporting={exporting}
        onNewTable={allowNewTable ? () => setCreatingTable(true) : undefined}
        onNewRelation={() => setRelating({})}
        onAutoLayout={autoLayout}
      />
      <p className="text-xs text-zinc-600" aria-live="polite">
        {t("caption", { shown: shown.tables.length, total: model.tables.length, relations: graph.edges.length })}
        {status.state === "running" && ` · ${t("layingOut")}`}
        {selectedRelation && (
          <>
            {" "}· {t("relationSelected", { name: selectedRelation.graphql_field ?? `#${selectedRelation.id}` })}{" "}
            <button type="button" className="text-red-700 underline" disabled={relationDelete.loading} onClick={() => void relationDelete.ask(selectedRelation.id)}>
              {t("deleteRelation")}
            </button>
          </>
        )}
        {focus !== null && (
          <>
            {" "}· {t("neighbourhood")}{" "}
            <button type="button" className="text-blue-700 underline" onClick={() => setFocus(null)}>
              {t("showAll")}
            </button>
          </>
        )}
      </p>
      {shown.notice && <Alert tone="info">{shown.notice}</Alert>}
      {status.state === "failed" && <Alert tone="error">{t("layoutFailed")}</Alert>}
      {columns.error && <Alert tone="error">{columns.error}</Alert>}
      <div
        ref={wrapper}
        className="rounded-lg border border-zinc-200 bg-zinc-50"
        style={{ height }}
        data-testid="diagram"
        data-diagram={scope}
        data-layout={model.tables.length === 0 ? "empty" : laidOut ? "done" : "pending"}
        // The floor of app/globals.css stays out of an exported picture.
        data-exporting={exporting || undefined}
        onKeyDown={onKeyDown}
      >
        <style>{drawEarly ? `[data-diagram="${scope}"] .react-flow__viewport { visibility: hidden; }` : highlightStyle}</style>
        <DiagramActions.Provider value={actions}>
          <ReactFlow
            nodes={nodes}
            edges={edges}
            nodeTypes={nodeTypes}
            edgeTypes={edgeTypes}
            onNodesChange={onNodesChange}
            onEdgesChange={flowHandlers.onEdgesChange}
            // React Flow's own Delete would only drop boxes from the screen: deleting is done through the dialog.
            deleteKeyCode={null}
            onNodeDragStop={flowHandlers.onNodeDragStop}
            onNodeClick={flowHandlers.onNodeClick}
            onNodeDoubleClick={flowHandlers.onNodeDoubleClick}
            onPaneClick={flowHandlers.onPaneClick}
            onConnectEnd={flowHandlers.onConnectEnd}
            onMoveStart={flowHandlers.onMoveStart}
            onMove={flowHandlers.onMove}
            onMoveEnd={flowHandlers.onMoveEnd}
            minZoom={MIN_ZOOM}
            maxZoom={2}
            nodesConnectable
            elementsSelectable
            proOptions={PRO_OPTIONS}
            ariaLabelConfig={flowLabels}
          >
            <Dots settled={detail} />
            <Controls showInteractive={false} />
            {!drawEarly && <MiniMap pannable zoomable nodeColor={minimapColor} />}
          </ReactFlow>
        </DiagramActions.Provider>
      </div>
      {relating && (
        <NewRelationDialog
          open
          onClose={() => setRelating(null)}
          prefill={relating}
          onCreated={(result) => {
            toast.success(t("relationCreated", { from: `${result.relation.from_table}.${result.relation.from_column}`, to: `${result.relation.to_table}.${result.relation.to_column}` }));
            reload();
          }}
        />
      )}
      {relationDelete.dialog}
      {creatingTable && (
        <DiagramTableDialog
          onClose={() => setCreatingTable(false)}
          onCreated={(id) => {
            setHighlight(id);
            setCenterOn(id);
            reload();
          }}
        />
      )}
    </div>
  );
}
