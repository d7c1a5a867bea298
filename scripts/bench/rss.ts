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

/** Fields of /proc/<pid>/stat after comm (which may hold spaces and parentheses): [0] = state (field 3), … */
function statFields(stat: string): string[] {
  return stat.slice(stat.lastIndexOf(")") + 2).split(" ");
}
const PPID = 1; // field 4
const PGRP = 2; // field 5
const UTIME = 11; // field 14, clock ticks
const STIME = 12; // field 15
const CLOCK_TICKS = 100; // USER_HZ on Linux

/** CPU time (user + system, ms) process `pid` has used so far, from /proc/<pid>/stat; NaN when it cannot be read. */
export function processCpuMs(pid: number): number {
  const stat = read(`/proc/${pid}/stat`);
  if (!stat) return NaN;
  const fields = statFields(stat);
  return ((Number(fields[UTIME]) + Number(fields[STIME])) * 1000) / CLOCK_TICKS;
}

export class RssSampler {
  readonly peaks = new Map<number, ProcessPeak>();
  /** Every sample of the Next server's RSS (MB) with its time, for the JSON. */
  readonly serverTimeline: { t: number; mb: number; phase: string }[] = [];
  phase = "start";
  private timer: NodeJS.Timeout | null = null;
  private readonly started = performance.now();
  private readonly excluded = new Set<number>();
  /**
   * CPU time used by processes that are not the benchmark's (not descendants of this process: another build,
   * test run or browser on the machine), per phase: on 2 cores it shows when the figures are disturbed.
   */
  readonly foreignCpu = new Map<string, { cpuSeconds: number; wallSeconds: number }>();
  private readonly lastTicks = new Map<number, number>();
  private lastSampleAt = performance.now();

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
    if (/next-server/.test(comm) || /next-server/.test(cmdline) || /\bnext\b\S*\s+start\b/.test(cmdline))
      return "next-server";
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
    const stats = new Map<number, string[]>();
    for (const entry of entries) {
      if (!/^\d+$/.test(entry)) continue;
      const stat = read(`/proc/${entry}/stat`);
      if (stat) stats.set(Number(entry), statFields(stat));
    }
    this.accountForeignCpu(stats);
    for (const [pid, fields] of stats) {
      if (this.excluded.has(pid)) continue;
      if (Number(fields[PGRP]) !== this.pgid) continue;
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
        peak = {
          pid,
          kind: this.classify(pid, comm, cmdline),
          command: cmdline.slice(0, 160) || comm,
          peakMb: 0,
          peakPhase: "",
          samples: 0,
        };
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
    if (serverMb > 0)
      this.serverTimeline.push({
        t: Math.round(performance.now() - this.started),
        mb: Math.round(serverMb),
        phase: this.phase,
      });
  }

  private accountForeignCpu(stats: Map<number, string[]>): void {
    const now = performance.now();
    const wall = (now - this.lastSampleAt) / 1000;
    this.lastSampleAt = now;
    const own = (pid: number): boolean => {
      for (let p = pid, hops = 0; p > 1 && hops < 64; hops++) {
        if (p === process.pid) return true;
        const fields = stats.get(p);
        if (!fields) return false;
        p = Number(fields[PPID]);
      }
      return false;
    };
    let foreignTicks = 0;
    for (const [pid, fields] of stats) {
      const ticks = Number(fields[UTIME]) + Number(fields[STIME]);
      const last = this.lastTicks.get(pid);
      this.lastTicks.set(pid, ticks);
      // The benchmark's own ancestors (npm, the shell) are idle; everything else not below us is foreign.
      if (last !== undefined && pid !== process.pid && !own(pid) && ticks > last) foreignTicks += ticks - last;
    }
    const bucket = this.foreignCpu.get(this.phase) ?? { cpuSeconds: 0, wallSeconds: 0 };
    bucket.cpuSeconds += foreignTicks / CLOCK_TICKS;
    bucket.wallSeconds += wall;
    this.foreignCpu.set(this.phase, bucket);
  }

  /** Average number of cores other processes kept busy during each phase. */
  foreignCoresByPhase(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const [phase, b] of this.foreignCpu)
      out[phase] = b.wallSeconds > 0 ? Math.round((b.cpuSeconds / b.wallSeconds) * 100) / 100 : 0;
    return out;
  }

  /** Peak of the Next server process(es) (summed per sample when Next runs more than one). */
  serverPeakMb(): number {
    return this.serverTimeline.reduce((max, s) => Math.max(max, s.mb), 0);
  }

  /** The Next server's peak RSS (MB) in each phase of the benchmark. */
  serverPeakByPhase(): Record<string, number> {
    const peaks: Record<string, number> = {};
    for (const s of this.serverTimeline) peaks[s.phase] = Math.max(peaks[s.phase] ?? 0, s.mb);
    return peaks;
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
