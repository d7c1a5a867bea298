import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { DEFAULT_EMBEDDED_DIR, EmbeddedError, startEmbedded, type EmbeddedServer, type Supervision } from "./embedded";

/**
 * How the launcher and the CLI get a database when none is configured: a running editor's embedded
 * server is reused (its cluster folder admits one server only); otherwise one is started here.
 */
export interface RunningInfo {
  url: string;
  /** The process that started the server (the launcher or the CLI). */
  pid: number;
  /** The cluster's folder (its postmaster.pid names the server's process). */
  dataDir: string;
}

export function embeddedDir(env: Record<string, string | undefined> = process.env): string {
  return path.resolve(env.METADATA_EDITOR_DATA_DIR || DEFAULT_EMBEDDED_DIR);
}

/** The data folder as the terminal shows it: relative inside the project (as the README names it), else absolute. */
export function shownDir(dir: string): string {
  const relative = path.relative(process.cwd(), dir);
  return relative === "" ? "." : relative.startsWith("..") ? dir : relative;
}

const runningFile = (dir: string) => path.join(dir, "running.json");

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export function readRunning(dir: string): RunningInfo | null {
  const file = runningFile(dir);
  if (!existsSync(file)) return null;
  try {
    const info = JSON.parse(readFileSync(file, "utf8")) as RunningInfo;
    return alive(info.pid) ? info : null;
  } catch {
    return null;
  }
}

/**
 * What the launcher and the CLI print when the embedded server cannot start: the cause and the fix, never a
 * stack trace (unexpected errors show their message only; details are in METADATA_EDITOR_PG_LOG=1 output).
 */
export function startFailureLines(error: unknown): string[] {
  const message = error instanceof Error ? error.message : String(error);
  const [first, ...rest] = message.split("\n");
  const lines = [`❌ The embedded PostgreSQL could not start: ${first}`, ...rest.map((l) => `   | ${l}`)];
  lines.push(
    error instanceof EmbeddedError
      ? `   Fix: ${error.fix}`
      : "   Fix: see METADATA_EDITOR_PG_LOG=1 npm start for PostgreSQL's own output, or use a PostgreSQL server of your own: DATABASE_URL=postgres://user:password@host:5432/database",
  );
  return lines;
}

/** Starts (or reuses) the embedded server; `owned` tells the caller whether it must stop it. */
export async function acquireEmbedded(
  dir: string,
  options: { port?: number; log?: (line: string) => void; supervise?: Supervision } = {},
): Promise<{ url: string; owned: EmbeddedServer | null }> {
  const running = readRunning(dir);
  if (running) return { url: running.url, owned: null };
  const server = await startEmbedded({ dir, ...options });
  writeFileSync(runningFile(dir), JSON.stringify({ url: server.url, pid: process.pid, dataDir: server.dataDir } satisfies RunningInfo), { mode: 0o600 });
  const stop = server.stop;
  server.stop = async () => {
    rmSync(runningFile(dir), { force: true });
    await stop();
  };
  return { url: server.url, owned: server };
}
