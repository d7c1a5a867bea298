/**
 * Splits a Chromium performance trace (CDP Tracing, devtools.timeline + the V8 sampler) into what each measured
 * window spent: script, style, layout, paint, other, idle (the main thread waiting: the network, the server), and
 * the sampled self time per JavaScript function. Used by scripts/bench/profile-edit.ts, profile-preview.ts and
 * profile-diagram.ts.
 */

import type { CDPSession } from "playwright-core";

/** The categories every profile records: the timeline, the V8 sampler, script execution, the page's marks. */
export const TRACE_CATEGORIES = [
  "devtools.timeline",
  "disabled-by-default-devtools.timeline",
  "disabled-by-default-v8.cpu_profiler",
  "v8.execute",
  "blink.user_timing",
];

/** Starts a CDP trace on `cdp`; `stop()` ends it and resolves once every event has arrived. */
export async function startTrace(cdp: CDPSession, categories: string[]): Promise<{ events: TraceEvent[]; stop(): Promise<TraceEvent[]> }> {
  const events: TraceEvent[] = [];
  cdp.on("Tracing.dataCollected", (e) => void events.push(...(e.value as unknown as TraceEvent[])));
  await cdp.send("Tracing.start", { traceConfig: { includedCategories: categories }, transferMode: "ReportEvents" });
  return {
    events,
    async stop() {
      const done = new Promise<void>((resolve) => cdp.once("Tracing.tracingComplete", () => resolve()));
      await cdp.send("Tracing.end");
      await done;
      return events;
    },
  };
}

export interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  /** CPU time of the event's thread (thread clock), where Chromium records it. */
  tdur?: number;
  pid: number;
  tid: number;
  id?: string;
  args?: Record<string, unknown> & { data?: Record<string, unknown> };
}

export interface WindowSummary {
  ms: number;
  script: number;
  style: number;
  layout: number;
  paint: number;
  other: number;
  idle: number;
  /** CPU time of the page's main thread and of its other threads (compositor, raster) in the window: unlike the
   * wall-clock figures, these hardly grow when other processes compete for the cores. */
  mainCpu: number;
  otherCpu: number;
  functions: Map<string, number>;
}

const KIND: Record<string, "script" | "style" | "layout" | "paint"> = {
  FunctionCall: "script",
  EventDispatch: "script",
  TimerFire: "script",
  FireAnimationFrame: "script",
  RunMicrotasks: "script",
  EvaluateScript: "script",
  "v8.compile": "script",
  "v8.compileModule": "script",
  "V8.Execute": "script",
  "v8.run": "script",
  "v8.callFunction": "script",
  MajorGC: "script",
  MinorGC: "script",
  "V8.GC_SCAVENGER": "script",
  UpdateLayoutTree: "style",
  RecalculateStyles: "style",
  ParseAuthorStyleSheet: "style",
  Layout: "layout",
  Paint: "paint",
  PrePaint: "paint",
  Layerize: "paint",
  UpdateLayer: "paint",
  UpdateLayerTree: "paint",
  CompositeLayers: "paint",
  Commit: "paint",
  PaintImage: "paint",
  RasterTask: "paint",
};

/**
 * `edits` carry the window as the page measured it (performance.now() clock); the page marked each window's
 * start event (a committing keydown, a click) with `<mark><ms since the event's timestamp>` (by default
 * `edit-commit:`), which ties the two clocks together.
 */
export function summariseTrace(events: TraceEvent[], edits: { ms: number }[], mark = "edit-commit:"): WindowSummary[] {
  const marks = events
    .filter((e) => e.cat.includes("blink.user_timing") && e.name.startsWith(mark) && (e.ph === "R" || e.ph === "I" || e.ph === "n" || e.ph === "b"))
    .sort((a, b) => a.ts - b.ts);
  const seen = new Set<number>();
  const starts: { start: number; pid: number; tid: number }[] = [];
  for (const m of marks) {
    if (seen.has(m.ts)) continue;
    seen.add(m.ts);
    starts.push({ start: m.ts - Number(m.name.slice(mark.length)) * 1000, pid: m.pid, tid: m.tid });
  }
  const profile = cpuSamples(events);
  return edits.slice(0, starts.length).map((edit, i) => {
    const { start, pid, tid } = starts[i];
    const end = start + edit.ms * 1000;
    const main = events.filter((e) => e.pid === pid && e.tid === tid && e.ph === "X" && e.dur !== undefined && e.ts < end && e.ts + e.dur! > start);
    const sums = { script: 0, style: 0, layout: 0, paint: 0, other: 0 };
    let busy = 0;
    let mainCpu = 0;
    // Self time of each event (its duration minus its children's), clipped to the window.
    const clip = (from: number, to: number) => Math.max(0, Math.min(to, end) - Math.max(from, start));
    main.sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
    const stack: { end: number; kind: keyof typeof sums }[] = [];
    for (const e of main) {
      while (stack.length && stack[stack.length - 1].end <= e.ts) stack.pop();
      const parent = stack[stack.length - 1];
      // An event of no known kind inside a known one (a FunctionCall's children) counts as its parent's kind.
      const kind = KIND[e.name] ?? parent?.kind ?? "other";
      const own = clip(e.ts, e.ts + e.dur!);
      if (!parent) {
        busy += own;
        mainCpu += e.tdur !== undefined && e.dur ? (e.tdur * own) / e.dur : 0;
      }
      else sums[parent.kind] -= own;
      sums[kind] += own;
      stack.push({ end: e.ts + e.dur!, kind });
    }
    // The page process's other threads: top-level events only (their children's time is inside them).
    let otherCpu = 0;
    const others = events
      .filter((e) => e.pid === pid && e.tid !== tid && e.ph === "X" && e.dur && e.tdur !== undefined && e.ts < end && e.ts + e.dur > start)
      .sort((a, b) => a.tid - b.tid || a.ts - b.ts);
    let reach = { tid: -1, end: 0 };
    for (const e of others) {
      if (e.tid === reach.tid && e.ts < reach.end) continue;
      reach = { tid: e.tid, end: e.ts + e.dur! };
      otherCpu += (e.tdur! * clip(e.ts, e.ts + e.dur!)) / e.dur!;
    }
    const functions = new Map<string, number>();
    for (const s of profile) {
      // The sampler's events come from its own thread: the page's process is what ties them to the window.
      if (s.pid !== pid || s.ts < start || s.ts >= end) continue;
      functions.set(s.fn, (functions.get(s.fn) ?? 0) + s.dt / 1000);
    }
    const ms = (n: number) => n / 1000;
    return {
      ms: edit.ms,
      script: ms(sums.script),
      style: ms(sums.style),
      layout: ms(sums.layout),
      paint: ms(sums.paint),
      other: ms(sums.other),
      idle: Math.max(0, edit.ms - ms(busy)),
      mainCpu: ms(mainCpu),
      otherCpu: ms(otherCpu),
      functions,
    };
  });
}

interface Sample {
  pid: number;
  ts: number;
  dt: number;
  fn: string;
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
}

/** The V8 sampler's samples (Profile + ProfileChunk events), each with its function and its share of time. */
function cpuSamples(events: TraceEvent[]): Sample[] {
  const byId = new Map<string, { pid: number; t: number; nodes: Map<number, string> }>();
  const out: Sample[] = [];
  for (const e of events.filter((x) => x.name === "Profile" || x.name === "ProfileChunk").sort((a, b) => a.ts - b.ts)) {
    const data = (e.args?.data ?? {}) as {
      startTime?: number;
      cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] };
      timeDeltas?: number[];
    };
    const key = `${e.pid}:${e.id}`;
    if (e.name === "Profile") {
      byId.set(key, { pid: e.pid, t: data.startTime ?? e.ts, nodes: new Map() });
      continue;
    }
    const p = byId.get(key);
    if (!p) continue;
    for (const n of data.cpuProfile?.nodes ?? []) {
      const f = n.callFrame;
      const file = f.url ? f.url.split("/").pop() : "";
      p.nodes.set(n.id, `${f.functionName || "(anonymous)"} ${file}:${f.lineNumber + 1}:${f.columnNumber + 1}`);
    }
    const samples = data.cpuProfile?.samples ?? [];
    const deltas = data.timeDeltas ?? [];
    for (let i = 0; i < samples.length; i++) {
      p.t += deltas[i] ?? 0;
      const next = deltas[i + 1] ?? 0;
      out.push({ pid: p.pid, ts: p.t, dt: Math.max(0, next), fn: p.nodes.get(samples[i]) ?? "?" });
    }
  }
  return out;
}
