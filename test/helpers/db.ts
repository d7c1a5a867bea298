import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { TEMPLATE_DB, withDatabase, type ServerInfo, type ServerName } from "./clusters";

export interface FreshDatabase {
  name: string;
  url: string;
  /** The database without PgBouncer, for a test's stand-in for another session that needs session state. */
  directUrl: string;
  /** Connected; ended by drop(). */
  client: pg.Client;
  server: ServerInfo;
  drop(): Promise<void>;
}

/** The servers of this run: pg18 always, pg15 when the global setup started it. */
export function servers(): ServerInfo[] {
  return inject("servers");
}

export function server(name: ServerName = "pg18"): ServerInfo {
  const found = servers().find((s) => s.name === name);
  if (!found) throw new Error(`server ${name} is not running in this test run`);
  return found;
}

async function admin<T>(info: ServerInfo, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: info.adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * A database of its own: a copy of tpl_metadata (init applied) or an empty one from template0.
 * Names are unique per process and call, so test files can run in parallel.
 */
export async function freshDatabase(options: { init: boolean; server?: ServerName }): Promise<FreshDatabase> {
  const info = server(options.server);
  const name = `t_${options.init ? "init" : "empty"}_${process.pid}_${randomBytes(4).toString("hex")}`;
  const template = options.init ? TEMPLATE_DB : "template0";
  await admin(info, (c) => c.query(`CREATE DATABASE ${name} TEMPLATE ${template}`));
  const url = clientUrl(info, name);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  let dropped = false;
  return {
    name,
    url,
    directUrl: withDatabase(info.adminUrl, name),
    client,
    server: info,
    async drop() {
      if (dropped) return;
      dropped = true;
      await client.end().catch(() => {});
      await admin(info, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}

/** How tests reach database `name`: directly, or through PgBouncer in its mode (admin work stays direct). */
export function clientUrl(info: ServerInfo, name: string): string {
  const u = new URL(withDatabase(info.adminUrl, name));
  if (info.pgbouncerPort) u.port = String(info.pgbouncerPort);
  return u.toString();
}

/** A second connection to the same database (closed by the caller). */
export async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return client;
}
