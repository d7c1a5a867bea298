import { chmodSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { pg15Available, postgresIds, startPg15, startPg18, type RunningCluster, type ServerInfo } from "./helpers/clusters";
import { startPgBouncer } from "./helpers/pgbouncer";

declare module "vitest" {
  export interface ProvidedContext {
    /** Every server this run tests against; pg18 (embedded) always comes first. */
    servers: ServerInfo[];
  }
}

/**
 * One embedded PostgreSQL 18 for the whole run (and Debian's PostgreSQL 15 when installed, see
 * test/README.md), each with the template database tpl_metadata that test databases are copied from.
 */
export default async function setup(project: TestProject) {
  const root = mkdtempSync(path.join(os.tmpdir(), "metadata-editor-test-"));
  // The servers run as the `postgres` user when we are root: it must be able to reach its folders.
  chmodSync(root, 0o755);
  const pg15Mode = process.env.TEST_PG15 ?? "auto"; // "1": required, "0": off, unset: when installed
  const wantPg15 = pg15Mode === "1" || (pg15Mode !== "0" && pg15Available());
  const dirFor = (name: string) => {
    const dir = path.join(root, name);
    mkdirSync(dir, { mode: 0o755 });
    chmodSync(dir, 0o755);
    return dir;
  };

  const clusters: RunningCluster[] = [];
  let stopBouncer = async () => {};
  const teardown = async () => {
    await stopBouncer().catch((e) => console.error("[test] pgbouncer stop failed:", e));
    await Promise.all(clusters.map((c) => c.stop().catch((e) => console.error("[test] stop failed:", e))));
    rmSync(root, { recursive: true, force: true });
  };
  const [pg18, pg15] = await Promise.allSettled([
    startPg18(dirFor("pg18")),
    wantPg15 ? startPg15(dirFor("pg15")) : Promise.resolve(null),
  ]);
  if (pg18.status === "fulfilled") clusters.push(pg18.value);
  if (pg15.status === "fulfilled" && pg15.value) clusters.push(pg15.value);
  if (pg18.status === "rejected" || (pg15.status === "rejected" && pg15Mode === "1")) {
    await teardown();
    throw pg18.status === "rejected" ? pg18.reason : (pg15 as PromiseRejectedResult).reason;
  }
  if (pg15.status === "rejected") {
    console.warn(`[test] PostgreSQL 15 is installed but did not start; testing on 18 only: ${String(pg15.reason)}`);
  }
  if (process.env.TEST_PGBOUNCER === "1") {
    // The scale-out check (test/README.md): every test database of PostgreSQL 18 is reached through PgBouncer.
    try {
      const pg18Info = clusters[0].info;
      const bouncer = await startPgBouncer(dirFor("pgbouncer"), pg18Info.adminUrl, await postgresIds());
      stopBouncer = () => bouncer.stop();
      pg18Info.pgbouncerPort = bouncer.port;
    } catch (error) {
      await teardown();
      throw error;
    }
  }
  project.provide("servers", clusters.map((c) => c.info));
  return teardown;
}
