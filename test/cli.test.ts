import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { freePort } from "../lib/db/embedded";
import { readCatalog } from "../lib/metadata/catalog";
import { compareCatalog } from "../lib/metadata/check";
import { runCli } from "./helpers/cli";
import { freshDatabase, type FreshDatabase } from "./helpers/db";

const project = { PROJECT_ID: "cli-shop", PROJECT_NAME: "CLI Shop", PROJECT_ROOT_PATH: "/srv/cli-shop" };
const STEP_LABELS = ["_metadata schema created", "ENUM types created", "metadata tables created", "indexes created", "triggers created"];
const show = (r: { stdout: string; stderr: string }) => `stdout:\n${r.stdout}\nstderr:\n${r.stderr}`;

async function projectRow(db: FreshDatabase) {
  return (await db.client.query("SELECT *, updated_at::text AS token FROM _metadata.project")).rows;
}

describe("scripts/metadata.ts (the CLI, end to end)", { timeout: 120_000 }, () => {
  const dbs: FreshDatabase[] = [];
  afterAll(async () => {
    await Promise.all(dbs.map((d) => d.drop()));
  });
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it("init with DATABASE_URL, twice; then check and verify", async () => {
    const db = await freshDatabase({ init: false });
    dbs.push(db);
    const env = { DATABASE_URL: db.url, ...project };

    const first = await runCli("init", env);
    expect(first.code, show(first)).toBe(0);
    for (const label of STEP_LABELS) expect(first.stdout).toMatch(new RegExp(`📝 ${label} \\(\\d+ ms\\)`));
    expect(first.stdout).toContain(`Database: ${db.name}`);
    expect(first.stdout).toContain("Project row initialized (project_id: cli-shop)");
    expect(first.stdout).toContain("🎉");
    expect(first.stdout).not.toContain(new URL(db.url).password);

    const rows = await projectRow(db);
    expect(rows).toHaveLength(1);
    expect(Number(rows[0].id)).toBe(1);
    expect(rows[0]).toMatchObject({ project_id: "cli-shop", project_name: "CLI Shop", root_path: "/srv/cli-shop" });
    const port = Number(new URL(db.url).port);
    expect(rows[0].database_config).toEqual({ host: "127.0.0.1", port, database: db.name, user: "postgres", ssl: false });
    expect(JSON.stringify(rows[0].database_config)).not.toMatch(/password/i);
    expect(compareCatalog(await readCatalog(db.client)).complete).toBe(true);

    const second = await runCli("init", { ...env, PROJECT_NAME: "Renamed" });
    expect(second.code, show(second)).toBe(0);
    expect(second.stdout).toContain("Project row already present, kept as it is (project_id: cli-shop)");
    expect(second.stdout).toContain("🎉");
    expect(await projectRow(db)).toEqual(rows);

    const check = await runCli("check", { DATABASE_URL: db.url });
    expect(check.code, show(check)).toBe(0);
    expect(check.stdout).toContain("📋 Project");
    expect(check.stdout).toMatch(/project_name\s+CLI Shop/);
    expect(check.stdout).toMatch(/✅ index\s+mappings_column\.idx_mappings_column_table_order — present/);
    expect(check.stdout).toMatch(/✅ table\s+project — present/);
    expect(check.stdout).toMatch(/0 missing, 0 different, 0 extra/);

    const verify = await runCli("verify", { DATABASE_URL: db.url });
    expect(verify.code, show(verify)).toBe(0);
    expect(verify.stdout).toContain("✅ all 7 checks passed (nothing was kept)");
    expect(await projectRow(db)).toEqual(rows);
  });

  it("verify and check on a damaged schema exit 1 and name the dropped index", async () => {
    const db = await freshDatabase({ init: true });
    dbs.push(db);
    await db.client.query("DROP INDEX _metadata.idx_mappings_column_table_order");
    const verify = await runCli("verify", { DATABASE_URL: db.url });
    expect(verify.code, show(verify)).toBe(1);
    expect(verify.stdout).toContain("❌ Indexes exist");
    expect(verify.stdout).toContain("mappings_column.idx_mappings_column_table_order missing");
    const check = await runCli("check", { DATABASE_URL: db.url });
    expect(check.code, show(check)).toBe(1);
    expect(check.stdout).toMatch(/❌ index\s+mappings_column\.idx_mappings_column_table_order — missing/);
  });

  it("check on an empty database exits 1 and says the schema is not there", async () => {
    const db = await freshDatabase({ init: false });
    dbs.push(db);
    const check = await runCli("check", { DATABASE_URL: db.url });
    expect(check.code, show(check)).toBe(1);
    expect(check.stdout).toContain("The _metadata schema is not there");
  });

  it("init against a closed port exits non-zero and says the database is unreachable", async () => {
    const port = await freePort();
    const result = await runCli("init", { DATABASE_URL: `postgres://postgres:nope@127.0.0.1:${port}/nothing`, ...project });
    expect(result.code, show(result)).not.toBe(0);
    expect(result.stdout).toContain("unreachable");
    expect(result.stdout).toContain(`postgres@127.0.0.1:${port}/nothing`);
    expect(result.stdout).not.toContain("nope");
  });

  it("DB_HOST/DB_PORT/DB_USER/DB_PASSWORD/DB_NAME work instead of DATABASE_URL", async () => {
    const db = await freshDatabase({ init: false });
    dbs.push(db);
    const url = new URL(db.url);
    // Would win over DB_* if it reached the child: proves the child's env is built from scratch.
    vi.stubEnv("DATABASE_URL", "postgres://leak:leak@127.0.0.1:1/leaked");
    const result = await runCli("init", {
      DB_HOST: url.hostname,
      DB_PORT: url.port,
      DB_USER: decodeURIComponent(url.username),
      DB_PASSWORD: decodeURIComponent(url.password),
      DB_NAME: db.name,
      ...project,
    });
    expect(result.code, show(result)).toBe(0);
    expect(result.stdout).toContain(`Database: ${db.name}`);
    expect(result.stdout).toContain("🎉");
    const rows = await projectRow(db);
    expect(rows[0].database_config).toEqual({ host: "127.0.0.1", port: Number(url.port), database: db.name, user: "postgres", ssl: false });
    expect(rows[0].project_id).toBe("cli-shop");
  });

  it("a bad DB_PORT is refused before connecting (exit 2)", async () => {
    const result = await runCli("init", { DB_HOST: "127.0.0.1", DB_PORT: "54x", DB_NAME: "x" });
    expect(result.code, show(result)).toBe(2);
    expect(result.stdout).toContain('DB_PORT must be a port number (1-65535), got "54x"');
  });
});
