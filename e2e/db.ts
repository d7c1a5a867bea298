import { readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { runInit } from "../lib/metadata/init";

/** A direct connection to the e2e server's embedded database, to arrange state and check what the UI wrote. */
export async function e2eClient(): Promise<pg.Client> {
  const info = JSON.parse(readFileSync(path.join(".data", "e2e", "running.json"), "utf8")) as { url: string };
  const client = new pg.Client({ connectionString: info.url });
  await client.connect();
  return client;
}

/** Back to a database the wizard has never seen. */
export async function dropMetadata(client: pg.Client): Promise<void> {
  await client.query("DROP SCHEMA IF EXISTS _metadata CASCADE");
}

/** An initialized schema with a project row and no tables: where the editor specs start. */
export async function freshEditor(client: pg.Client): Promise<void> {
  await runInit(client);
  await client.query(
    `INSERT INTO _metadata.project (id, project_id, project_name, root_path) VALUES (1, 'e2e-editor', 'E2E Editor', '/tmp/e2e')
     ON CONFLICT (id) DO NOTHING`,
  );
  await client.query("DELETE FROM _metadata.mappings_table");
}
