/**
 * `npx tsx scripts/bench/profile-rss.ts [rounds]`: the Next server's memory over the bench's page loads. Starts the
 * editor on the benchmark's data set (as `npm run bench`), then per round loads the Tables page and the
 * 2,000-column table page 1 + 5 times each in Chromium, as the bench's page-load phases do (same viewport, same
 * interactive probe), sampling the server's RSS every 100 ms (scripts/bench/rss.ts). Prints each phase's peak,
 * the RSS after each load and the Next server's CPU time over each phase's loads.
 * PROFILE_KEEP=1 keeps the filled data folder (.data/bench-profile-rss) and skips the fill. NODE_OPTIONS reaches
 * the Next server (e.g. --heapsnapshot-signal=SIGUSR2, or --require of a script that samples allocations);
 * PROFILE_SNAPSHOT=1 sends SIGUSR2 to the Next server after each phase. BENCH_PORT / BENCH_PG_PORT as for the bench.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { chromium, type Page } from "playwright-core";
import { fill } from "./fill";
import { INTERACTIVE_PROBE } from "./probes";
import { processCpuMs, RssSampler } from "./rss";
import {
  chromiumLaunchOptions,
  connect,
  partServerOptions,
  round,
  runningUrl,
  runScript,
  serverUp,
  sleep,
  startServer,
  stopServer,
  waitFor,
} from "./server";

const ROUNDS = Number(process.argv[2] ?? 1);
const KEEP = process.env.PROFILE_KEEP === "1";
const SNAPSHOT = process.env.PROFILE_SNAPSHOT === "1";
const log = (line: string) => console.log(`[profile-rss] ${line}`);
const DATA_DIR = path.resolve(".data/bench-profile-rss");
const LOADS = 5;

async function loadOnce(page: Page, url: string): Promise<number> {
  await page.goto(url, { waitUntil: "commit", timeout: 120_000 });
  await page.waitForFunction("window.__bench && window.__bench.interactiveAt !== null", undefined, {
    timeout: 120_000,
    polling: 50,
  });
  return (await page.evaluate("window.__bench.interactiveAt")) as number;
}

/** CPU seconds (user + system) a process has used, from /proc/<pid>/stat. */
const cpuSeconds = (pid: number | undefined) => (pid ? processCpuMs(pid) / 1000 : NaN);

async function main() {
  const options = partServerOptions(DATA_DIR, "profile-rss-server.log");
  const fresh = !KEEP || !existsSync(DATA_DIR);
  if (!KEEP) rmSync(DATA_DIR, { recursive: true, force: true });
  const server = startServer(options);
  const sampler = new RssSampler(server.pgid);
  sampler.start(100);
  try {
    const dbUrl = await waitFor("embedded PostgreSQL (running.json)", server, 120_000, () => runningUrl(server));
    const client = await connect(dbUrl, log);
    let wideTableId: number;
    try {
      if (fresh) {
        const data = await fill(client);
        wideTableId = data.wideTableId;
        log(`filled in ${round(data.ms, 0)} ms`);
      } else {
        const { rows } = await client.query<{ id: number }>(
          "SELECT id FROM _metadata.mappings_table WHERE table_name = 'wide_table'",
        );
        wideTableId = rows[0].id;
      }
    } finally {
      await client.end();
    }
    await waitFor("answer from the editor", server, 900_000, () => serverUp(server));
    sampler.phase = "browser";
    const browser = await chromium.launch({ ...chromiumLaunchOptions(), headless: true });
    try {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, bypassCSP: true });
      await context.addInitScript({ content: INTERACTIVE_PROBE });
      const page = await context.newPage();
      const current = () => sampler.serverTimeline.at(-1)?.mb ?? 0;
      const serverPid = () => [...sampler.peaks.values()].find((p) => p.kind === "next-server")?.pid;
      for (let r = 0; r < ROUNDS; r++) {
        for (const [name, url] of [
          ["Tables page loads", `${server.base}/tables`],
          ["wide table page loads", `${server.base}/tables/${wideTableId}`],
        ] as const) {
          sampler.phase = `${name} ${r + 1}`;
          const cpuBefore = cpuSeconds(serverPid());
          const after: string[] = [];
          for (let i = 0; i <= LOADS; i++) {
            const ms = await loadOnce(page, url);
            after.push(`${round(ms, 0)} ms/${current()} MB`);
          }
          const cpu = cpuSeconds(serverPid()) - cpuBefore;
          log(`${sampler.phase}: ${after.join(", ")}; the server's CPU ${round(cpu, 2)} s for the ${LOADS + 1} loads`);
          await sleep(1500);
          if (SNAPSHOT) {
            const pid = serverPid();
            if (pid) process.kill(pid, "SIGUSR2");
            await sleep(8000);
          }
        }
      }
    } finally {
      await browser.close();
    }
    await sleep(500);
    sampler.stop();
    log(`server peak ${sampler.serverPeakMb()} MB in "${sampler.serverPeakPhase()}"`);
    for (const [phase, mb] of Object.entries(sampler.serverPeakByPhase())) log(`  ${phase}: ${mb} MB`);
    writeFileSync(
      path.resolve("test-results", "profile-rss.json"),
      JSON.stringify({ date: new Date().toISOString(), byPhase: sampler.serverPeakByPhase(), timeline: sampler.serverTimeline }) + "\n",
    );
  } finally {
    await stopServer(server, log);
  }
}

runScript("[profile-rss]", main);
