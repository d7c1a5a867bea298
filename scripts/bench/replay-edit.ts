/**
 * `npx tsx scripts/bench/replay-edit.ts [rounds]`: the 2,000-column grid's one-cell save replayed from node, `rounds`
 * blocks of 20, as the build sends it: the grids' cell route (app/cell/[entity]/route.ts) or, in a build from
 * before it (2026-11-29), the server action `updateColumnFieldAction` (both when a build has both). Prints the
 * wall time per request (p50 / p95) and the Next server's CPU time per request (user + system, from /proc), which
 * depends far less on the machine's load than the wall time. The editor runs on the benchmark's data set (as
 * bench:cells). BENCH_PORT / BENCH_PG_PORT as for the bench.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type pg from "pg";
import { fill } from "./fill";
import { connect, percentile, round, runScript, withFreshEditor } from "./server";

const ROUNDS = Number(process.argv[2] ?? 10);
const BLOCK = 20;
const log = (line: string) => console.log(`[replay-edit] ${line}`);
const TICK_MS = 1000 / 100; // USER_HZ

/** The pids under `root` (its process tree), from /proc. */
function descendants(root: number): number[] {
  const parents = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      parents.set(ppid, [...(parents.get(ppid) ?? []), Number(entry)]);
    } catch {
      // gone meanwhile
    }
  }
  const out: number[] = [];
  const walk = (pid: number) => {
    for (const child of parents.get(pid) ?? []) {
      out.push(child);
      walk(child);
    }
  };
  walk(root);
  return out;
}

const cpuMs = (pid: number) => {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
};

runScript("[replay-edit]", async () => {
  const options = {
    port: Number(process.env.BENCH_PORT ?? 20161),
    pgPort: Number(process.env.BENCH_PG_PORT ?? 54361),
    dataDir: path.resolve(".data/bench-replay"),
    logFile: path.resolve("test-results/replay-edit-server.log"),
  };
  await withFreshEditor(options, log, (client: pg.Client) => fill(client), async (server, data, dbUrl) => {
    const nextPid = descendants(server.child.pid!).find((pid) => readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("next"));
    if (!nextPid) throw new Error("the Next server's process was not found");
    const manifest = JSON.parse(readFileSync(".next/server/server-reference-manifest.json", "utf8")) as {
      node: Record<string, { exportedName: string }>;
    };
    const actionId = Object.entries(manifest.node).find(([, a]) => a.exportedName === "updateColumnFieldAction")?.[0];
    const kinds = [...(existsSync(".next/server/app/cell") ? (["route"] as const) : []), ...(actionId ? (["action"] as const) : [])];
    const db = await connect(dbUrl, log);
    let rowVersion = (
      await db.query<{ v: string }>(
        `SELECT to_char(updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS v FROM _metadata.mappings_column WHERE id = $1`,
        [data.editColumnId],
      )
    ).rows[0].v;
    await db.end();
    const origin = new URL(server.base).origin;
    let n = 0;
    const input = () => ({ id: data.editColumnId, rowVersion, field: "label", value: `Replayed ${++n}` });
    const paths = {
      route: async () => {
        const response = await fetch(`${server.base}/cell/columns`, {
          method: "POST",
          headers: { "Content-Type": "application/json", Origin: origin },
          body: JSON.stringify(input()),
        });
        const result = (await response.json()) as { ok: boolean; data: { rowVersion: string } };
        if (!result.ok) throw new Error(`route: ${JSON.stringify(result)}`);
        rowVersion = result.data.rowVersion;
      },
      action: async () => {
        const response = await fetch(`${server.base}/tables/${data.wideTableId}`, {
          method: "POST",
          headers: { "Next-Action": actionId!, Accept: "text/x-component", "Content-Type": "text/plain;charset=UTF-8", Origin: origin },
          body: JSON.stringify([input()]),
        });
        const text = await response.text();
        const version = /"rowVersion":"([^"]+)"/.exec(text);
        if (!response.ok || !version) throw new Error(`action: HTTP ${response.status} ${text.slice(0, 200)}`);
        rowVersion = version[1];
      },
    };
    const wall: Record<string, number[]> = { route: [], action: [] };
    const cpu: Record<string, number> = { route: 0, action: 0 };
    // Warm-up; the first save after the server started, which loads what the save needs, is printed on its own.
    for (const kind of kinds) {
      for (let i = 0; i < 10; i++) {
        const started = performance.now();
        await paths[kind]();
        if (i === 0) log(`${kind}: the first save after the server started took ${round(performance.now() - started)} ms`);
      }
    }
    for (let r = 0; r < ROUNDS; r++) {
      for (const kind of r % 2 ? [...kinds].reverse() : kinds) {
        const before = cpuMs(nextPid);
        for (let i = 0; i < BLOCK; i++) {
          const started = performance.now();
          await paths[kind]();
          wall[kind].push(performance.now() - started);
        }
        cpu[kind] += cpuMs(nextPid) - before;
      }
    }
    for (const kind of kinds) {
      const count = wall[kind].length;
      log(
        `${kind}: ${count} saves, wall p50 ${round(percentile(wall[kind], 50))} ms, p95 ${round(percentile(wall[kind], 95))} ms; ` +
          `Next server CPU ${round(cpu[kind] / count, 2)} ms a save`,
      );
    }
    log(`load average ${os.loadavg().map((l) => l.toFixed(2)).join(" ")} on ${os.cpus().length} cores`);
  });
});
