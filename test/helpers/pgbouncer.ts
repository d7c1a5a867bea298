import { spawn, type ChildProcess } from "node:child_process";
import { chownSync, existsSync, mkdirSync, writeFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { freePort } from "../../lib/db/embedded";

export const PGBOUNCER_BIN = "/usr/sbin/pgbouncer";

export function pgbouncerAvailable(): boolean {
  return existsSync(PGBOUNCER_BIN);
}

export interface RunningPgBouncer {
  port: number;
  stop(): Promise<void>;
}

/**
 * Debian's PgBouncer in transaction mode in front of `upstreamUrl`'s server (every database, every role), as a
 * team would run it: a client gets a server connection for one transaction only, so nothing may rely on
 * session state. Roles authenticate with their own SCRAM secrets (auth_query through the admin role).
 * PgBouncer refuses to run as root: then it runs as the `postgres` system user.
 */
export async function startPgBouncer(dir: string, upstreamUrl: string, ids: { uid?: number; gid?: number }): Promise<RunningPgBouncer> {
  mkdirSync(dir, { recursive: true, mode: 0o755 });
  const upstream = new URL(upstreamUrl);
  const admin = decodeURIComponent(upstream.username);
  const port = await freePort();
  const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;
  const files = {
    ini: path.join(dir, "pgbouncer.ini"),
    users: path.join(dir, "userlist.txt"),
    log: path.join(dir, "pgbouncer.log"),
  };
  writeFileSync(files.users, `${quote(admin)} ${quote(decodeURIComponent(upstream.password))}\n`, { mode: 0o600 });
  writeFileSync(
    files.ini,
    [
      "[databases]",
      `* = host=${upstream.hostname} port=${upstream.port}`,
      "[pgbouncer]",
      "listen_addr = 127.0.0.1",
      `listen_port = ${port}`,
      "unix_socket_dir =",
      "pool_mode = transaction",
      "auth_type = scram-sha-256",
      `auth_file = ${files.users}`,
      `auth_user = ${admin}`,
      "auth_query = SELECT usename, passwd FROM pg_shadow WHERE usename = $1",
      "max_client_conn = 2000",
      "default_pool_size = 40",
      // node-postgres sends `options` only when asked (backup.test's session TimeZone): PgBouncer cannot keep it,
      // so it is dropped here and that test's point is made by the direct run. Anything else unknown is refused.
      "ignore_startup_parameters = extra_float_digits,options",
      `logfile = ${files.log}`,
      "",
    ].join("\n"),
    { mode: 0o600 },
  );
  if (ids.uid !== undefined && ids.gid !== undefined) {
    for (const file of [dir, files.ini, files.users]) chownSync(file, ids.uid, ids.gid);
  }
  const child: ChildProcess = spawn(PGBOUNCER_BIN, [files.ini], { ...ids, stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr?.on("data", (chunk) => (stderr += String(chunk)));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  await waitForPort(port, exited, () => stderr);
  return {
    port,
    async stop() {
      if (child.exitCode === null) child.kill("SIGINT");
      await exited;
    },
  };
}

async function waitForPort(port: number, exited: Promise<void>, stderr: () => string): Promise<void> {
  let gone = false;
  void exited.then(() => (gone = true));
  for (let i = 0; i < 300; i++) {
    if (gone) throw new Error(`pgbouncer exited at start: ${stderr().trim()}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, "127.0.0.1", () => {
        socket.end();
        resolve(true);
      });
      socket.on("error", () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error("pgbouncer did not open its port within 15 s");
}
