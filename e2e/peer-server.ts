/**
 * The "peer" e2e server (playwright.config.ts): a second editor instance on the main server's database,
 * reached through PgBouncer in transaction mode (DB_PGBOUNCER=1) when Debian's pgbouncer is installed, so the
 * scale-out spec runs one instance direct and one the way a team deployment would.
 */
import { spawn } from "node:child_process";
import { chmodSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { postgresIds } from "../test/helpers/clusters";
import { pgbouncerAvailable, startPgBouncer, type RunningPgBouncer } from "../test/helpers/pgbouncer";

async function main() {
  const { url } = JSON.parse(readFileSync(path.join(".data", "e2e", "running.json"), "utf8")) as { url: string };
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: url };
  let bouncer: RunningPgBouncer | null = null;
  let dir: string | null = null;
  if (pgbouncerAvailable()) {
    dir = mkdtempSync(path.join(os.tmpdir(), "e2e-pgbouncer-"));
    chmodSync(dir, 0o755);
    bouncer = await startPgBouncer(path.join(dir, "b"), url, await postgresIds());
    const through = new URL(url);
    through.port = String(bouncer.port);
    env.DATABASE_URL = through.toString();
    env.DB_PGBOUNCER = "1";
    console.log(`🔀 peer reaches PostgreSQL through PgBouncer (transaction mode) on port ${bouncer.port}`);
  }
  const child = spawn("npx", ["tsx", "scripts/start.ts"], { stdio: "inherit", env });
  const stop = (signal: NodeJS.Signals) => child.kill(signal);
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
  child.on("exit", async (code) => {
    await bouncer?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
    process.exit(code ?? 0);
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
