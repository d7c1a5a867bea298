/**
 * Code generation at scale (issue 9): all targets for the filled project (5,000 tables × 20 columns and the
 * 2,000-column table), the Form preview of the 2,000-column table in Chromium, and `metadata:generate --watch`
 * latency from a committed change to the rewritten file.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { Page } from "playwright-core";
import { projectFiles } from "../../lib/codegen/project-files";
import { loadCodegenInput } from "../../lib/metadata/codegen-input";

export const CODEGEN_TARGETS = { generateMs: 5000, previewMs: 1000, watchMs: 1000 };
const RUNS = 3;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Load + every generator, in process (what metadata:generate does before writing), formatted as the project's
 * generation_config says: the data set keeps the spec's default, prettier on (the generators write prettier's
 * layout and prettier formats only what they cannot vouch for; its module is loaded by the first text that
 * needs it, in whichever run, as in a single metadata:generate).
 */
async function measureGenerate(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const runs: { loadMs: number; generateMs: number; totalMs: number; cpuMs: number; loadCpuMs: number; files: number; bytes: number }[] = [];
    let last = null;
    let prettier = false;
    // This process's CPU time (user + system, all its threads: GC helpers too): what load on a shared machine
    // inflates far less than wall time. PostgreSQL's side of the load is not in it.
    const cpu = () => {
      const u = process.cpuUsage();
      return (u.user + u.system) / 1000;
    };
    for (let i = 0; i < RUNS; i++) {
      const [started, cpuStarted] = [performance.now(), cpu()];
      const input = await loadCodegenInput(client);
      const [loaded, cpuLoaded] = [performance.now(), cpu()];
      prettier = input.config.prettier;
      last = (await projectFiles(input, { prettier })).files;
      // The project-wide files are joined when read (the watcher writes their parts): read here, as written.
      const bytes = last.reduce((n, f) => n + f.content.length, 0);
      const [done, cpuDone] = [performance.now(), cpu()];
      runs.push({
        loadMs: loaded - started,
        generateMs: done - loaded,
        totalMs: done - started,
        cpuMs: cpuDone - cpuStarted,
        loadCpuMs: cpuLoaded - cpuStarted,
        files: last.length,
        bytes,
      });
    }
    return {
      ...runs[runs.length - 1],
      prettier,
      totalMedianMs: median(runs.map((r) => r.totalMs)),
      loadMedianMs: median(runs.map((r) => r.loadMs)),
      cpuMedianMs: median(runs.map((r) => r.cpuMs)),
      loadCpuMedianMs: median(runs.map((r) => r.loadCpuMs)),
      samples: runs.map((r) => ({ totalMs: Math.round(r.totalMs), cpuMs: Math.round(r.cpuMs), loadCpuMs: Math.round(r.loadCpuMs) })),
    };
  } finally {
    await client.end();
  }
}

/**
 * Tab click → the 2,000-column table's form drawn: its fields in view rendered (the form is virtualized, so
 * `drawn` of its `fields` are in the DOM). Median of RUNS; the tab fetches the metadata afresh each time.
 */
async function measurePreview(page: Page, base: string, wideTableId: number) {
  const ms: number[] = [];
  let drawn = 0;
  let fields = 0;
  for (let i = 0; i < RUNS; i++) {
    await page.goto(`${base}/tables/${wideTableId}`, { waitUntil: "load" });
    const tab = page.getByRole("tab", { name: "Form preview" });
    await tab.waitFor();
    const started = Date.now();
    await tab.click();
    const form = page.locator("form[aria-label$='form preview']");
    const controls = form.locator("input, select, textarea, [role=radiogroup]");
    await controls.first().waitFor({ timeout: 60_000 });
    // The frame after the fields were drawn.
    await page.evaluate("new Promise((resolve) => requestAnimationFrame(() => resolve(null)))");
    ms.push(Date.now() - started);
    drawn = await controls.count();
    fields = Number((await form.textContent())?.match(/([\d,]+) fields: they are drawn as you scroll/)?.[1].replace(/,/g, "") ?? drawn);
  }
  return { medianMs: median(ms), fields, drawn, samplesMs: ms };
}

/**
 * COMMIT of a label change → zod.ts rewritten by the watcher, with the project's generation_config (prettier on,
 * the spec's default): after its first run a change generates and formats only its table's sections.
 */
async function measureWatch(url: string) {
  const out = mkdtempSync(path.join(os.tmpdir(), "bench-watch-"));
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/metadata.ts", "generate", "--watch", "--out", out], {
    env: { ...process.env, DATABASE_URL: url, DOTENV_CONFIG_QUIET: "true" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  child.stdout.on("data", (c) => (stdout += c));
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (let waited = 0; !stdout.includes("Watching"); waited += 50) {
      if (waited > 300_000) throw new Error(`the watcher did not start:\n${stdout}`);
      await sleep(50);
    }
    const file = path.join(out, "zod.ts");
    const ms: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const before = statSync(file).mtimeMs;
      await client.query("UPDATE _metadata.mappings_column SET label = $1 WHERE id = (SELECT min(id) FROM _metadata.mappings_column)", [`Watch label ${i} ${Date.now()}`]);
      const committed = performance.now();
      while (statSync(file).mtimeMs === before) {
        if (performance.now() - committed > 120_000) throw new Error("the watcher did not rewrite zod.ts");
        await sleep(5);
      }
      ms.push(performance.now() - committed);
      await sleep(500);
    }
    return { medianMs: median(ms), samplesMs: ms.map(Math.round) };
  } finally {
    child.kill("SIGINT");
    await client.end();
    rmSync(out, { recursive: true, force: true });
  }
}

/**
 * A single `metadata:generate` as a user runs it, end to end: the process started (tsx, its modules loaded), the
 * metadata read, every file generated and written into an empty directory, the run recorded, the process gone.
 * With the project's generation_config (prettier on, the spec's default). The data set has problems
 * (relations to tables left out of the API), so the command exits 1 after writing the files it can.
 */
async function measureCli(url: string) {
  const out = mkdtempSync(path.join(os.tmpdir(), "bench-cli-"));
  try {
    const started = performance.now();
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/metadata.ts", "generate", "--out", out, "--locale", "en"], {
      env: { ...process.env, DATABASE_URL: url, DOTENV_CONFIG_QUIET: "true" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    child.stdout.on("data", (c) => (stdout += c));
    // "close", not "exit": the output may still be arriving when the process has exited.
    const code = await new Promise<number | null>((resolve) => child.once("close", resolve));
    const ms = performance.now() - started;
    const done = stdout.match(/Generated ([\d,]+) files into .* in (\d+) ms/);
    if (!done || (code !== 0 && code !== 1)) throw new Error(`metadata:generate failed (exit code ${code}):\n${stdout.slice(-2000)}`);
    return { ms, runMs: Number(done[2]), files: Number(done[1].replace(/,/g, "")) };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

export async function measureCodegen(page: Page, base: string, url: string, wideTableId: number, log: (line: string) => void = () => {}) {
  const generate = await measureGenerate(url);
  log(`generate: ${Math.round(generate.totalMedianMs)} ms (load ${Math.round(generate.loadMedianMs)} ms); CPU ${Math.round(generate.cpuMedianMs)} ms (load ${Math.round(generate.loadCpuMedianMs)} ms)`);
  const preview = await measurePreview(page, base, wideTableId);
  log(`form preview: ${preview.samplesMs.join(", ")} ms (${preview.drawn} of ${preview.fields} fields drawn)`);
  const watch = await measureWatch(url);
  log(`watch: ${watch.samplesMs.join(", ")} ms`);
  const cli = await measureCli(url);
  log(`metadata:generate end to end: ${Math.round(cli.ms)} ms (its own report: ${cli.runMs} ms, ${cli.files} files)`);
  return { generate, preview, watch, cli };
}

type Status = (ok: boolean) => "ok" | "MISSED" | "";

/** The benchmark table's rows for code generation. */
export function codegenRows(r: Awaited<ReturnType<typeof measureCodegen>>, ms: (n: number) => string, status: Status) {
  const mb = (r.generate.bytes / 1e6).toFixed(1);
  return [
    {
      metric: `Generate all targets, ${r.generate.files} files / ${mb} MB (load + generate, prettier ${r.generate.prettier ? "on, the spec's default" : "off"}, median of ${RUNS})`,
      value: ms(r.generate.totalMedianMs),
      target: `< ${CODEGEN_TARGETS.generateMs} ms`,
      status: status(r.generate.totalMedianMs < CODEGEN_TARGETS.generateMs),
    },
    {
      // The runs share this process, and the generators keep what they computed per column shape: runs 2 and 3
      // reuse run 1's work. A single `metadata:generate` is always a first run, so it is judged too.
      metric: "  the first run (what a single metadata:generate does: nothing computed yet in the process)",
      value: ms(r.generate.samples[0].totalMs),
      target: `< ${CODEGEN_TARGETS.generateMs} ms`,
      status: status(r.generate.samples[0].totalMs < CODEGEN_TARGETS.generateMs),
    },
    {
      metric: `  one metadata:generate process end to end, start → exit (modules, read, generate, write ${r.cli.files} files into an empty directory; the run's own report in brackets)`,
      value: `${ms(r.cli.ms)} (${ms(r.cli.runMs)})`,
      target: "(info)",
      status: "" as const,
    },
    { metric: "  of which loading the metadata (median)", value: ms(r.generate.loadMedianMs), target: "(info)", status: "" as const },
    {
      metric: "  this process's CPU time for load + generate (median; load's share)",
      value: `${ms(r.generate.cpuMedianMs)} (${ms(r.generate.loadCpuMedianMs)})`,
      target: "(info)",
      status: "" as const,
    },
    {
      metric: `Form preview of the 2,000-column table (tab click → fields in view drawn: ${r.preview.drawn} of ${r.preview.fields}, median)`,
      value: ms(r.preview.medianMs),
      target: `< ${CODEGEN_TARGETS.previewMs} ms`,
      status: status(r.preview.medianMs < CODEGEN_TARGETS.previewMs),
    },
    {
      metric: `metadata:generate --watch: COMMIT → zod.ts rewritten (median, prettier ${r.generate.prettier ? "on" : "off"})`,
      value: ms(r.watch.medianMs),
      target: `< ${CODEGEN_TARGETS.watchMs} ms`,
      status: status(r.watch.medianMs < CODEGEN_TARGETS.watchMs),
    },
  ];
}
