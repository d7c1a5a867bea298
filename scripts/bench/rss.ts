/**
 * Samples the resident memory (VmRSS) of every process in the server's process group, PostgreSQL's excepted,
 * every 100 ms: the launcher (the group leader), `next build` when the build is stale, and the Next server.
 */
import { readdirSync, readFileSync } from "node:fs";

export type ProcessKind = "launcher" | "next-server" | "next-build" | "other";

export interface ProcessPeak {
  pid: number;
  kind: ProcessKind;
  command: string;
  peakMb: number;
  /** The benchmark phase running when the peak was seen. */
  peakPhase: string;
  samples: number;
}

function read(path: string): string | null {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return null;
  }
}

/** pgrp is field 5 of /proc/<pid>/stat; comm (field 2) may hold spaces and parentheses, so parse after the last ")". */
function processGroup(stat: string): number {
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return Number(fields[2]);
}

export class RssSampler {
  readonly peaks = new Map<number, ProcessPeak>();
  /** Every sample of the Next server's RSS (MB) with its time, for the JSON. */
  readonly serverTimeline: { t: number; mb: number; phase: string }[] = [];
  phase = "start";
  private timer: NodeJS.Timeout | null = null;
  private readonly started = performance.now();
  private readonly excluded = new Set<number>();

  constructor(private readonly pgid: number) {}

  start(intervalMs = 100): void {
    this.sample();
    this.timer = setInterval(() => this.sample(), intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private classify(pid: number, comm: string, cmdline: string): ProcessKind {
    if (pid === this.pgid) return "launcher";
    if (/next-server/.test(comm) || /next-server/.test(cmdline) || /\bnext\b\S*\s+start\b/.test(cmdline)) return "next-server";
    if (/\bnext\b\S*\s+build\b/.test(cmdline) || /next-build|next-router-worker/.test(cmdline)) return "next-build";
    return "other";
  }

  sample(): void {
    let entries: string[];
    try {
      entries = readdirSync("/proc");
    } catch {
      return;
    }
    let serverMb = 0;
    for (const entry of entries) {
      if (!/^\d+$/.test(entry)) continue;
      const pid = Number(entry);
      if (this.excluded.has(pid)) continue;
      const stat = read(`/proc/${pid}/stat`);
      if (!stat || processGroup(stat) !== this.pgid) continue;
      const comm = (read(`/proc/${pid}/comm`) ?? "").trim();
      const cmdline = (read(`/proc/${pid}/cmdline`) ?? "").replace(/\0/g, " ").trim();
      // PostgreSQL's own processes (postmaster and backends) are the database's memory, not the server's.
      if (comm === "postgres" || /^postgres(:|\s|$)/.test(cmdline) || /\/bin\/postgres\b/.test(cmdline)) {
        this.excluded.add(pid);
        continue;
      }
      const status = read(`/proc/${pid}/status`);
      const match = status?.match(/^VmRSS:\s+(\d+)\s+kB/m);
      if (!match) continue;
      const mb = Number(match[1]) / 1024;
      let peak = this.peaks.get(pid);
      if (!peak) {
        peak = { pid, kind: this.classify(pid, comm, cmdline), command: cmdline.slice(0, 160) || comm, peakMb: 0, peakPhase: "", samples: 0 };
        this.peaks.set(pid, peak);
      } else if (peak.kind === "other") {
        // process.title is set a moment after start: look again.
        peak.kind = this.classify(pid, comm, cmdline);
        peak.command = cmdline.slice(0, 160) || comm;
      }
      peak.samples++;
      if (mb > peak.peakMb) {
        peak.peakMb = mb;
        peak.peakPhase = this.phase;
      }
      if (peak.kind === "next-server") serverMb += mb;
    }
    if (serverMb > 0) this.serverTimeline.push({ t: Math.round(performance.now() - this.started), mb: Math.round(serverMb), phase: this.phase });
  }

  /** Peak of the Next server process(es) (summed per sample when Next runs more than one). */
  serverPeakMb(): number {
    return this.serverTimeline.reduce((max, s) => Math.max(max, s.mb), 0);
  }

  serverPeakPhase(): string {
    let best = { mb: -1, phase: "" };
    for (const s of this.serverTimeline) if (s.mb > best.mb) best = s;
    return best.phase;
  }

  launcherPeakMb(): number {
    return [...this.peaks.values()].filter((p) => p.kind === "launcher").reduce((max, p) => Math.max(max, p.peakMb), 0);
  }
}
