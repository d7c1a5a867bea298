/**
 * The benchmarks' editor: scripts/start.ts in its own process group (Next and the embedded PostgreSQL inside it)
 * on its own port and data folder, and the small helpers every benchmark script shares.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, openSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import pg from "pg";

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (rank - lo);
}
export const median = (values: number[]) => percentile(values, 50);
export const round = (n: number, digits = 1) => (Number.isFinite(n) ? Math.round(n * 10 ** digits) / 10 ** digits : n);

/** A pg client whose connection loss fails the pending query instead of crashing the process. */
export async function connect(url: string, log: (line: string) => void = console.log): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  client.on("error", (error) => log(`database connection lost: ${error.message}`));
  await client.connect();
  return client;
}

export interface ServerOptions {
  port: number;
  pgPort: number;
  dataDir: string;
  logFile: string;
}

/**
 * The options of a bench part's or profile's own editor: BENCH_PORT / BENCH_PG_PORT (default 20161 / 54361, beside
 * the full bench's 20160 / 54360), its database folder, its server log in test-results/.
 */
export function partServerOptions(dataDir: string, logName: string): ServerOptions {
  return {
    port: Number(process.env.BENCH_PORT ?? 20161),
    pgPort: Number(process.env.BENCH_PG_PORT ?? 54361),
    dataDir,
    logFile: path.resolve("test-results", logName),
  };
}

export interface Server {
  child: ChildProcess;
  pgid: number;
  exited: Promise<number | null>;
  options: ServerOptions;
  base: string;
}

export function startServer(options: ServerOptions): Server {
  mkdirSync(path.dirname(options.logFile), { recursive: true });
  const out = openSync(options.logFile, "w");
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    env: {
      ...process.env,
      PORT: String(options.port),
      HOST: "127.0.0.1",
      METADATA_EDITOR_DATA_DIR: options.dataDir,
      METADATA_EDITOR_PG_PORT: String(options.pgPort),
      // The bench's own embedded database, whatever .env says.
      DATABASE_URL: "",
      DB_HOST: "",
      DB_PORT: "",
      DB_NAME: "",
      DB_USER: "",
      DB_PASSWORD: "",
      NEXT_TELEMETRY_DISABLED: "1",
    },
    stdio: ["ignore", out, out],
    detached: true,
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, pgid: child.pid!, exited, options, base: `http://127.0.0.1:${options.port}/metadata-editor` };
}

async function groupGone(pgid: number, timeoutMs: number): Promise<boolean> {
  const until = performance.now() + timeoutMs;
  while (performance.now() < until) {
    try {
      process.kill(-pgid, 0);
    } catch {
      return true;
    }
    await sleep(25);
  }
  return false;
}

/** SIGINT to the group (Next, then the launcher stops PostgreSQL), and wait until every process has exited. */
export async function stopServer(server: Server, log: (line: string) => void = console.log): Promise<void> {
  try {
    process.kill(-server.pgid, "SIGINT");
  } catch {
    return; // already gone
  }
  await Promise.race([server.exited, sleep(30_000)]);
  if (!(await groupGone(server.pgid, 30_000))) {
    log("the server group did not stop within 30 s after SIGINT: sending SIGKILL");
    try {
      process.kill(-server.pgid, "SIGKILL");
    } catch {
      // gone meanwhile
    }
    await groupGone(server.pgid, 10_000);
  }
}

export function withTimeout<T>(what: string, ms: number, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export async function waitFor<T>(
  what: string,
  server: Server,
  timeoutMs: number,
  probe: () => Promise<T | null> | T | null,
): Promise<T> {
  const until = performance.now() + timeoutMs;
  const logFile = path.relative(process.cwd(), server.options.logFile);
  let exited = false;
  void server.exited.then(() => (exited = true));
  for (;;) {
    const value = await probe();
    if (value !== null) return value;
    if (exited) throw new Error(`the server exited while waiting for ${what}; see ${logFile}`);
    if (performance.now() > until) throw new Error(`no ${what} within ${timeoutMs / 1000} s; see ${logFile}`);
    await sleep(100);
  }
}

/** The embedded PostgreSQL's URL once the launcher has written it. */
export function runningUrl(server: Server): string | null {
  const file = path.join(server.options.dataDir, "running.json");
  if (!existsSync(file)) return null;
  try {
    return (JSON.parse(readFileSync(file, "utf8")) as { url: string }).url;
  } catch {
    return null; // being written
  }
}

/** Up when it answers at all; redirects are not followed, so no editor route is rendered (and warmed) here. */
export async function serverUp(server: Server): Promise<true | null> {
  try {
    const response = await fetch(`${server.base}/setup`, { redirect: "manual" });
    return response.status < 500 ? true : null;
  } catch {
    return null;
  }
}

export function chromiumLaunchOptions() {
  const system = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => existsSync(p));
  return system
    ? {
        executablePath: system,
        args: [
          "--no-sandbox",
          "--disable-gpu",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
        ],
      }
    : {};
}

/**
 * A script's own editor on a wiped data folder: started, `fill` run on its embedded PostgreSQL (the editor builds
 * meanwhile when its build is stale), then `work` once the editor answers; stopped and the folder wiped afterwards,
 * whatever happened. What `fill` returns is handed to `work`.
 */
export async function withFreshEditor<T>(
  options: ServerOptions,
  log: (line: string) => void,
  fill: (client: pg.Client) => Promise<T>,
  work: (server: Server, filled: T, dbUrl: string) => Promise<void>,
): Promise<void> {
  rmSync(options.dataDir, { recursive: true, force: true });
  const server = startServer(options);
  try {
    const dbUrl = await waitFor("embedded PostgreSQL (running.json)", server, 120_000, () => runningUrl(server));
    const client = await connect(dbUrl, log);
    const filled = await fill(client).finally(() => client.end());
    log("waiting for the editor (it builds first when the build is stale)…");
    await waitFor("answer from the editor", server, 900_000, () => serverUp(server));
    await work(server, filled, dbUrl);
  } finally {
    log("stopping the editor and its database…");
    await stopServer(server, log);
    rmSync(options.dataDir, { recursive: true, force: true });
  }
}

/** Runs a script's main: exit code 0, or the error (with its stack) after `prefix` and exit code 1. */
export function runScript(prefix: string, main: () => Promise<void>) {
  main().then(
    () => process.exit(0),
    (error) => {
      console.error(`${prefix} ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      process.exit(1);
    },
  );
}
