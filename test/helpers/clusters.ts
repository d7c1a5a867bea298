import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chownSync, existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { freePort, startEmbedded } from "../../lib/db/embedded";
import { runInit } from "../../lib/metadata/init";

/** What the global setup hands to test files (through vitest's provide/inject: plain JSON only). */
export interface ServerInfo {
  name: ServerName;
  /** Superuser URL to the `postgres` database of that server. */
  adminUrl: string;
  version: string;
  /** Set in the PgBouncer mode (TEST_PGBOUNCER=1): test databases are reached through PgBouncer on this port. */
  pgbouncerPort?: number;
}
export type ServerName = "pg18" | "pg15";

export const TEMPLATE_DB = "tpl_metadata";
export const PG15_BIN = "/usr/lib/postgresql/15/bin";

const run = promisify(execFile);

export interface RunningCluster {
  info: ServerInfo;
  stop(): Promise<void>;
}

/** Throwaway servers need no durability; this makes CREATE DATABASE and the init markedly faster. */
async function tuneForTests(adminUrl: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    for (const setting of ["fsync = off", "synchronous_commit = off", "full_page_writes = off"]) {
      await client.query(`ALTER SYSTEM SET ${setting}`);
    }
    await client.query("SELECT pg_reload_conf()");
  } finally {
    await client.end();
  }
}

/** Creates `tpl_metadata` with the init applied; test databases are copied from it. */
export async function createTemplate(adminUrl: string): Promise<string> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  let version: string;
  try {
    version = (await admin.query<{ v: string }>("SELECT current_setting('server_version') AS v")).rows[0].v;
    await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB}`);
    await admin.query(`CREATE DATABASE ${TEMPLATE_DB} TEMPLATE template0`);
  } finally {
    await admin.end();
  }
  const tpl = new pg.Client({ connectionString: withDatabase(adminUrl, TEMPLATE_DB) });
  await tpl.connect();
  try {
    await runInit(tpl);
  } finally {
    await tpl.end();
  }
  return version;
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** The embedded PostgreSQL 18 (lib/db/embedded.ts), its cluster in `dir`. */
export async function startPg18(dir: string): Promise<RunningCluster> {
  const server = await startEmbedded({ dir, port: await freePort() });
  const adminUrl = withDatabase(server.url, "postgres");
  await tuneForTests(adminUrl);
  const version = await createTemplate(adminUrl);
  return { info: { name: "pg18", adminUrl, version }, stop: () => server.stop() };
}

export function pg15Available(): boolean {
  return existsSync(path.join(PG15_BIN, "postgres")) && existsSync(path.join(PG15_BIN, "initdb"));
}

export async function postgresIds(): Promise<{ uid: number; gid: number } | Record<string, never>> {
  if (typeof process.getuid !== "function" || process.getuid() !== 0) return {};
  // PostgreSQL refuses to run as root: run it as the system's `postgres` user.
  const uid = Number((await run("id", ["-u", "postgres"])).stdout.trim());
  const gid = Number((await run("id", ["-g", "postgres"])).stdout.trim());
  return { uid, gid };
}

/** Debian's PostgreSQL 15: initdb + pg_ctl in `dir`, loopback TCP only, scram password. */
export async function startPg15(dir: string): Promise<RunningCluster> {
  const ids = await postgresIds();
  const dataDir = path.join(dir, "data");
  mkdirSync(dataDir, { mode: 0o700 });
  const password = randomBytes(18).toString("base64url");
  const pwfile = path.join(dir, "pwfile");
  writeFileSync(pwfile, password + "\n", { mode: 0o600 });
  if ("uid" in ids) {
    chownSync(dataDir, ids.uid, ids.gid);
    chownSync(pwfile, ids.uid, ids.gid);
  }
  const env = { PATH: process.env.PATH ?? "/usr/bin:/bin", LC_ALL: "C.UTF-8", LC_MESSAGES: "C" } as Record<string, string> as NodeJS.ProcessEnv;
  const opts = { ...ids, env, cwd: dir };
  await run(
    path.join(PG15_BIN, "initdb"),
    [`--pgdata=${dataDir}`, "--auth=scram-sha-256", "--username=postgres", `--pwfile=${pwfile}`,
      "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync"],
    opts,
  );
  const port = await freePort();
  const flags = `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
  await run(
    path.join(PG15_BIN, "pg_ctl"),
    ["-D", dataDir, "-w", "-t", "30", "-l", path.join(dataDir, "server.log"), "-o", flags, "start"],
    opts,
  );
  const stop = async () => {
    await run(path.join(PG15_BIN, "pg_ctl"), ["-D", dataDir, "-m", "immediate", "-w", "stop"], opts).catch(() => {});
  };
  try {
    const adminUrl = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
    const version = await createTemplate(adminUrl);
    return { info: { name: "pg15", adminUrl, version }, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
