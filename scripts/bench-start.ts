/**
 * `npm run bench:start`: how long `npm start` takes (with a build present) until the first page is served,
 * on the embedded PostgreSQL: first start (initdb of a new cluster) and second start (existing cluster).
 */
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";

const port = 20150;
const dir = path.resolve(".data/bench-start");
const url = `http://127.0.0.1:${port}/metadata-editor/setup`;

async function once(): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    env: { ...process.env, PORT: String(port), METADATA_EDITOR_DATA_DIR: dir, DATABASE_URL: "", DB_HOST: "", DB_NAME: "", DB_USER: "" },
    stdio: "ignore",
    detached: true,
  });
  try {
    for (;;) {
      try {
        const response = await fetch(url);
        if (response.ok) return performance.now() - started;
      } catch {
        // not listening yet
      }
      if (performance.now() - started > 120_000) throw new Error("no page within 120 s");
      await new Promise((r) => setTimeout(r, 25));
    }
  } finally {
    process.kill(-child.pid!, "SIGINT");
    await new Promise((r) => child.once("exit", r));
    await groupGone(child.pid!);
  }
}

/** Next and PostgreSQL run in the launcher's process group: wait until every one of them has exited. */
async function groupGone(pgid: number): Promise<void> {
  for (let i = 0; i < 800; i++) {
    try {
      process.kill(-pgid, 0);
    } catch {
      return;
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error("the server did not stop within 20 s");
}

rmSync(dir, { recursive: true, force: true });
const first = await once();
const second = await once();
const third = await once();
rmSync(dir, { recursive: true, force: true });
console.log(`first start (new embedded cluster): ${(first / 1000).toFixed(2)} s`);
console.log(`later starts (existing cluster):    ${(second / 1000).toFixed(2)} s, ${(third / 1000).toFixed(2)} s`);
