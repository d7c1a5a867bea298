import { readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { runInit } from "../lib/metadata/init";

// BIGINT (int8) values as numbers, as the app's own pool reads them (lib/db/pool.ts). Set per client, so a spec
// sees the same values whichever specs ran before it in the worker: pool.ts sets the parser process-wide once a
// spec imports it, which made the type depend on spec order.
const int8AsNumber = (value: string): number => Number(value);
const e2eTypes = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === pg.types.builtins.INT8 && format !== "binary" ? int8AsNumber : pg.types.getTypeParser(oid, format ?? "text")) as typeof pg.types.getTypeParser,
};

/** A direct connection to the e2e server's embedded database, to arrange state and check what the UI wrote. */
export async function e2eClient(): Promise<pg.Client> {
  const info = JSON.parse(readFileSync(path.join(".data", "e2e", "running.json"), "utf8")) as { url: string };
  const client = new pg.Client({ connectionString: info.url, types: e2eTypes });
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
