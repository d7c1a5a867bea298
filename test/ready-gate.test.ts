import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getPool } from "../lib/db/pool";
import { runInit } from "../lib/metadata/init";
import { getReadyState } from "../lib/metadata/ready-gate";
import { freshDatabase, type FreshDatabase } from "./helpers/db";

// The per-request setup gate: cheap while nothing changed, and never fooled when something did.
let db: FreshDatabase;

beforeAll(async () => {
  db = await freshDatabase({ init: true });
  vi.stubEnv("DATABASE_URL", db.url);
  await addProject();
});
afterAll(async () => {
  await getPool().end();
  vi.unstubAllEnvs();
  await db?.drop();
});

async function addProject() {
  await db.client.query(
    "INSERT INTO _metadata.project (id, project_id, project_name, root_path) VALUES (1, 'gate', 'Gate', '/tmp/gate') ON CONFLICT (id) DO NOTHING",
  );
}

async function queriesOf(work: () => Promise<unknown>): Promise<number> {
  const spy = vi.spyOn(getPool(), "query");
  try {
    await work();
    return spy.mock.calls.length;
  } finally {
    spy.mockRestore();
  }
}

describe("getReadyState", () => {
  it("checks fully once, then reads only the catalog fingerprint and the project row", async () => {
    const full = await queriesOf(async () => expect((await getReadyState()).kind).toBe("ready"));
    expect(full).toBeGreaterThanOrEqual(10);
    const cheap = await queriesOf(async () => expect((await getReadyState()).kind).toBe("ready"));
    expect(cheap).toBe(2);
  });

  it("shows the project row as it is now", async () => {
    await getReadyState();
    await db.client.query("UPDATE _metadata.project SET project_name = 'Renamed' WHERE id = 1");
    const state = await getReadyState();
    expect(state.kind === "ready" && state.project.project_name).toBe("Renamed");
  });

  it.each([
    ["a dropped column", "ALTER TABLE _metadata.mappings_column DROP COLUMN help_text"],
    ["a changed column type", "ALTER TABLE _metadata.mappings_table ALTER COLUMN label TYPE text"],
    ["a dropped index", "DROP INDEX _metadata.idx_metadata_sync_log_record"],
    ["a dropped trigger", "DROP TRIGGER trigger_mappings_table_updated_at ON _metadata.mappings_table"],
    ["a changed comment", "COMMENT ON COLUMN _metadata.mappings_table.indexes IS 'changed'"],
    ["a dropped extension", "DROP EXTENSION pg_trgm CASCADE"],
    ["a dropped schema", "DROP SCHEMA _metadata CASCADE"],
  ])("notices %s at the next request, and trusts the schema again once repaired", async (_what, ddl) => {
    expect((await getReadyState()).kind).toBe("ready");
    await db.client.query(ddl);
    expect((await getReadyState()).kind).toBe("needs_init");
    await db.client.query("DROP SCHEMA IF EXISTS _metadata CASCADE");
    await runInit(db.client);
    await addProject();
    expect((await getReadyState()).kind).toBe("ready");
    expect(await queriesOf(getReadyState)).toBe(2);
  });

  it("checks fully again after a harmless catalog change (a comment on the schema itself)", async () => {
    expect(await queriesOf(getReadyState)).toBe(2);
    await db.client.query("COMMENT ON SCHEMA _metadata IS 'gate test'");
    expect(await queriesOf(async () => expect((await getReadyState()).kind).toBe("ready"))).toBeGreaterThanOrEqual(10);
    expect(await queriesOf(getReadyState)).toBe(2);
    await db.client.query("COMMENT ON SCHEMA _metadata IS NULL");
    expect(await queriesOf(getReadyState)).toBeGreaterThanOrEqual(10);
  });

  it("notices a deleted project row", async () => {
    expect((await getReadyState()).kind).toBe("ready");
    await db.client.query("DELETE FROM _metadata.project");
    expect((await getReadyState()).kind).toBe("needs_project");
    await addProject();
    expect((await getReadyState()).kind).toBe("ready");
  });
});
