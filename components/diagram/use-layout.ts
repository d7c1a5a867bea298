"use client";

import { useEffect, useRef, useState } from "react";
import type { DiagramTable } from "@/lib/metadata/diagram";
import { elkGraph, type GraphEdge, type GraphNode } from "./diagram-graph";
import { layoutWithElk, warmUpElk } from "./elk-layout";
import { FEW } from "./first-layout";
import { cachedLayout, graphKey, rememberLayout } from "./layout-cache";

type Point = { x: number; y: number };
export type LayoutStatus = { state: "idle" | "running" } | { state: "failed"; message: string };


/**
 * Where each table is: a position the user dragged (stored), else one the layout engine chose. ELK runs when
 * shown tables have no position yet; tables already placed stay where they are.
 */
export function useLayout(
  stored: DiagramTable[],
  shown: { nodes: GraphNode[]; edges: GraphEdge[] },
  /** After a layout, with every shown table's place (before the boxes are drawn there). */
  onLaidOut: (everything: boolean, at: ReadonlyMap<number, Point>) => void,
) {
  const [placed, setPlaced] = useState<Map<number, Point>>(
    () => new Map(stored.filter((t) => t.x !== null && t.y !== null).map((t) => [t.id, { x: t.x!, y: t.y! }])),
  );
  const [status, setStatus] = useState<LayoutStatus>({ state: "idle" });
  const firstDone = useRef(false);
  // The worker takes a moment to start (ELK is large): start it with the page, before the first layout.
  useEffect(() => warmUpElk(), []);
  const run = useRef(0);
  // What is placed when a layout comes back (a drag may have placed more meanwhile).
  const placedNow = useRef(placed);
  placedNow.current = placed;
  const unplaced = shown.nodes.filter((n) => !placed.has(Number(n.id)));
  const key = unplaced.map((n) => n.id).join(",");

  useEffect(() => {
    if (unplaced.length === 0) {
      if (!firstDone.current && shown.nodes.length > 0) {
        firstDone.current = true;
        onLaidOut(true, placed);
      }
      return;
    }
    const id = ++run.current;
    const others = shown.nodes.filter((n) => placed.has(Number(n.id)));
    if (unplaced.length === 1 && others.length === 0) {
      // One table alone needs no layout engine.
      const next = new Map([...placed, [Number(unplaced[0].id), { x: 0, y: 0 }]]);
      setPlaced(next);
      firstDone.current = true;
      onLaidOut(true, next);
      return;
    }
    if (unplaced.length < FEW && others.length > 0) {
      // A table just made: to the right of everything, so nothing moves.
      const right = Math.max(...others.map((n) => placed.get(Number(n.id))!.x + n.width));
      const top = Math.min(...others.map((n) => placed.get(Number(n.id))!.y));
      const next = new Map([...placed, ...unplaced.map((n, i) => [Number(n.id), { x: right + 80, y: top + i * 200 }] as const)]);
      setPlaced(next);
      if (!firstDone.current) {
        firstDone.current = true;
        onLaidOut(true, next);
      }
      return;
    }
    setStatus({ state: "running" });
    const graph = elkGraph(shown.nodes, shown.edges);
    const graphAsText = graphKey(graph);
    const cached = cachedLayout(graphAsText);
    // Marks for the benchmark (npm run bench:diagram): the layout engine's part of the first layout.
    performance.mark("diagram:layout-start");
    const layout = cached ? Promise.resolve(cached) : layoutWithElk(graph, graphAsText).then((positions) => (rememberLayout(graphAsText, positions), positions));
    layout.then(
      (positions) => {
        performance.mark("diagram:layout-done");
        if (id !== run.current) return;
        const next = new Map(placedNow.current);
        for (const n of unplaced) next.set(Number(n.id), positions.get(n.id) ?? { x: 0, y: 0 });
        setPlaced(next);
        setStatus({ state: "idle" });
        // A layout of every shown table (an auto layout, a new neighbourhood) is fitted to the view, and so is the
        // page's first, even when some tables kept the places they were dragged to (it was never counted as laid out).
        const first = !firstDone.current;
        firstDone.current = true;
        onLaidOut(first || unplaced.length === shown.nodes.length, next);
      },
      (error: Error) => {
        // ELK's message is English and technical (a Java exception's): the console keeps it, the page says a sentence.
        console.error("[diagram] layout failed:", error);
        if (id === run.current) setStatus({ state: "failed", message: error.message });
      },
    );
  }, [key]); // eslint-disable-line react-hooks/exhaustive-deps

  return { placed, setPlaced, status, ready: unplaced.length === 0 };
}
