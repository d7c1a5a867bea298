import type { ChildProcess } from "node:child_process";

/**
 * Keeps the embedded PostgreSQL running for the launcher: when the server exits on its own (killed, out of
 * memory, a crash), it is started again on the same port with the same data, so the editor's DATABASE_URL
 * stays valid and open pages work again on their next request. A server that keeps dying is given up on.
 */
export interface Supervision {
  /** Consulted before each restart: false once the launcher is shutting down. */
  keepRunning(): boolean;
  onDied(how: string, lastLines: string): void;
  onRestarted(ms: number): void;
  onGaveUp(reason: string): void;
}

export interface ServerProcess {
  child: ChildProcess;
  /** The last lines the server wrote. */
  output(): string;
}

export interface Supervised {
  pid(): number | undefined;
  stop(): Promise<void>;
}

// A Ctrl-C reaches the server and the launcher at the same moment; this gives the launcher's handler time
// to run (and say "stop") before the server's exit is taken for a death.
const SETTLE_MS = 500;
const RETRY_DELAYS_MS = [0, 500, 1_000, 2_000, 4_000];
const MAX_DEATHS = 5;
const DEATH_WINDOW_MS = 60_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function superviseServer(
  first: ServerProcess,
  start: () => Promise<ServerProcess>,
  stopProcess: (child: ChildProcess) => Promise<void>,
  supervision?: Supervision,
): Supervised {
  let current = first;
  let stopping = false;
  let restarting: Promise<void> | null = null;
  let wake = () => {};
  const stopped = new Promise<void>((resolve) => (wake = resolve));
  // Waits that end at once when stop() is called, so Ctrl-C never waits for a retry delay.
  const pause = (ms: number) => Promise.race([sleep(ms), stopped]);
  const deaths: number[] = [];
  const wanted = () => !stopping && (supervision?.keepRunning() ?? false);

  // An exiting process never leaves its server behind (a fast shutdown finishes on its own).
  const onProcessExit = () => current.child.kill("SIGINT");
  process.once("exit", onProcessExit);

  const revive = async (how: string, lastLines: string) => {
    await pause(SETTLE_MS);
    if (!wanted() || !supervision) return;
    supervision.onDied(how, lastLines);
    const now = Date.now();
    deaths.push(now);
    while (deaths[0] < now - DEATH_WINDOW_MS) deaths.shift();
    if (deaths.length > MAX_DEATHS) {
      supervision.onGaveUp(`it stopped ${deaths.length} times within a minute`);
      return;
    }
    let lastError = "";
    for (const delay of RETRY_DELAYS_MS) {
      await pause(delay);
      if (!wanted()) return;
      try {
        current = await start();
      } catch (error) {
        // Often the old server's processes still hold its shared memory for a moment: try again.
        lastError = error instanceof Error ? error.message : String(error);
        continue;
      }
      watch(current);
      if (stopping) return;
      supervision.onRestarted(Date.now() - now);
      return;
    }
    supervision.onGaveUp(`restarting failed: ${lastError}`);
  };

  const watch = (server: ServerProcess) => {
    server.child.once("exit", (code, signal) => {
      if (stopping || !supervision) return;
      restarting = revive(signal ? `killed by ${signal}` : `exit code ${code}`, server.output()).finally(() => {
        restarting = null;
      });
    });
  };
  watch(first);

  return {
    pid: () => current.child.pid,
    async stop() {
      stopping = true;
      wake();
      process.off("exit", onProcessExit);
      await restarting;
      await stopProcess(current.child);
    },
  };
}
