import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { freePort, startEmbedded, type EmbeddedServer } from "../lib/db/embedded";

/** The embedded server under supervision (issue 7, defect 14), without Next: see e2e/launcher-restart.spec.ts for the launcher. */
const root = mkdtempSync(path.join(os.tmpdir(), "embedded-restart-"));
// As root the server runs as `postgres`, which must be able to enter the folder.
chmodSync(root, 0o755);
const servers: EmbeddedServer[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  rmSync(root, { recursive: true, force: true });
});

function alive(pid: number | undefined): boolean {
  try {
    process.kill(pid!, 0);
    return true;
  } catch {
    return false;
  }
}

async function until(condition: () => boolean, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error(`not within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function selectOne(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<{ one: number }>("SELECT 1 AS one")).rows[0].one;
  } finally {
    await client.end();
  }
}

/** A supervised server in its own folder, with every supervision event recorded in order. */
async function supervised(name: string, keepRunning: () => boolean) {
  const events: string[] = [];
  const server = await startEmbedded({
    dir: path.join(root, name),
    port: await freePort(),
    supervise: {
      keepRunning,
      onDied: (how) => events.push(`died: ${how}`),
      onRestarted: () => events.push("restarted"),
      onGaveUp: (reason) => events.push(`gave up: ${reason}`),
    },
  });
  servers.push(server);
  return { server, events };
}

describe("the embedded PostgreSQL under supervision", { timeout: 90_000 }, () => {
  it("is restarted on the same port after kill -9, with its data; then stops promptly", async () => {
    const { server, events } = await supervised("a", () => true);
    const admin = new pg.Client({ connectionString: server.url });
    await admin.connect();
    await admin.query("CREATE TABLE kept (n int); INSERT INTO kept VALUES (7)");
    admin.on("error", () => {}); // its server is about to be killed under it

    const first = server.pid();
    process.kill(first!, "SIGKILL");
    await until(() => events.includes("restarted") || events.some((e) => e.startsWith("gave up")), 60_000);
    expect(events).toEqual(["died: killed by SIGKILL", "restarted"]);
    expect(server.pid()).not.toBe(first);
    expect(alive(server.pid())).toBe(true);
    const client = new pg.Client({ connectionString: server.url });
    await client.connect();
    expect((await client.query("SELECT n FROM kept")).rows).toEqual([{ n: 7 }]);
    await client.end();
    await admin.end().catch(() => {});

    const pid = server.pid();
    const started = performance.now();
    await server.stop();
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(alive(pid)).toBe(false);
  });

  it("is not restarted while the launcher stops, and stop() returns at once when it is already gone", async () => {
    let keep = true;
    const { server, events } = await supervised("b", () => keep);
    expect(await selectOne(server.url)).toBe(1);
    const pid = server.pid();
    keep = false; // as after Ctrl-C: the terminal's SIGINT reaches PostgreSQL too
    process.kill(pid!, "SIGINT");
    await until(() => !alive(pid), 30_000);
    await new Promise((r) => setTimeout(r, 1_000));
    expect(events).toEqual([]);
    expect(server.pid()).toBe(pid);
    const started = performance.now();
    await server.stop();
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});
