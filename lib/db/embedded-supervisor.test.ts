import type { ChildProcess } from "node:child_process";
import { EventEmitter } from "node:events";
import { describe, expect, it } from "vitest";
import { superviseServer, type ServerProcess, type Supervision } from "./embedded-supervisor";

/** A stand-in for the postgres process: `die()` is what a kill -9 looks like to the supervisor. */
class FakeServer extends EventEmitter {
  static count = 0;
  readonly pid = ++FakeServer.count;
  exitCode: number | null = null;
  signalCode: NodeJS.Signals | null = null;
  kill() {
    return true;
  }
  die() {
    this.signalCode = "SIGKILL";
    this.emit("exit", null, "SIGKILL");
  }
}

const asServer = (fake: FakeServer): ServerProcess => ({ child: fake as unknown as ChildProcess, output: () => "LOG:  last line" });

function recorder() {
  const events: string[] = [];
  const supervision: Supervision = {
    keepRunning: () => true,
    onDied: (how, lastLines) => events.push(`died: ${how} (${lastLines})`),
    onRestarted: () => events.push("restarted"),
    onGaveUp: (reason) => events.push(`gave up: ${reason}`),
  };
  return { events, supervision };
}

async function until(condition: () => boolean, timeoutMs = 10_000) {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe("superviseServer", () => {
  it("gives up on a server that keeps dying (more than five times within a minute)", { timeout: 20_000 }, async () => {
    const { events, supervision } = recorder();
    const started: FakeServer[] = [new FakeServer()];
    const supervised = superviseServer(asServer(started[0]), async () => asServer(started[started.push(new FakeServer()) - 1]), async () => {}, supervision);
    for (let death = 1; death <= 6; death++) {
      started.at(-1)!.die();
      await until(() => events.length >= death * 2 || events.some((e) => e.startsWith("gave up")));
    }
    expect(events.filter((e) => e === "restarted")).toHaveLength(5);
    expect(events.at(-1)).toBe("gave up: it stopped 6 times within a minute");
    expect(events[0]).toBe("died: killed by SIGKILL (LOG:  last line)");
    expect(started).toHaveLength(6);
    await supervised.stop();
  });

  it("a restart still in flight when stop() is called: the new server is stopped too, and nothing is reported", async () => {
    const { events, supervision } = recorder();
    const first = new FakeServer();
    const second = new FakeServer();
    let finishStart: (() => void) | null = null;
    const stoppedPids: number[] = [];
    const supervised = superviseServer(
      asServer(first),
      () => new Promise<ServerProcess>((resolve) => (finishStart = () => resolve(asServer(second)))),
      async (child) => {
        stoppedPids.push(child.pid!);
      },
      supervision,
    );
    first.die();
    // In flight means start() was called: the death is reported first, and the restart follows a retry delay.
    await until(() => events.length === 1 && finishStart !== null);
    const stopping = supervised.stop();
    finishStart!();
    await stopping;
    expect(stoppedPids).toEqual([second.pid]);
    expect(events).toEqual(["died: killed by SIGKILL (LOG:  last line)"]);
  });
});
