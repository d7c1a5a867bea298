import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { resolveConnection } from "../lib/db/config";
import {
  createProject,
  getProject,
  projectToValues,
  ProjectExistsError,
  updateProject,
  type ProjectRow,
} from "../lib/metadata/project";
import { ConflictError } from "../lib/metadata/conflict";
import { projectDefaults } from "../lib/metadata/project-defaults";
import { PROJECT_JSON_COLUMNS, projectSchema, projectWizardSchema, type ProjectValues } from "../lib/schemas/project";
import { freshDatabase, type FreshDatabase } from "./helpers/db";

const connection = resolveConnection({
  DATABASE_URL: "postgres://shop_owner:TopSecret%21@db.internal:6543/shop_db?sslmode=require",
}).display;
const wizard = projectWizardSchema.parse(
  projectDefaults({ PROJECT_ID: "shop", PROJECT_NAME: "Shop", PROJECT_ROOT_PATH: "/srv/shop" }, "shop_db", "18.1"),
);

describe("project row (lib/metadata/project.ts)", () => {
  const dbs: FreshDatabase[] = [];
  let db: FreshDatabase;
  beforeEach(async () => {
    db = await freshDatabase({ init: true });
    dbs.push(db);
  });
  afterAll(async () => {
    await Promise.all(dbs.map((d) => d.drop()));
  });

  it("createProject writes the wizard's values and database_config without the password", async () => {
    const row = await createProject(db.client, { ...wizard, description: "Online shop", git_repository: "https://git.example.com/shop.git" }, connection);
    const { rows } = await db.client.query("SELECT * FROM _metadata.project");
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      id: row.id,
      project_id: "shop",
      project_name: "Shop",
      description: "Online shop",
      root_path: "/srv/shop",
      backend_path: "./backend",
      template: "BASIC",
      status: "PLANNING",
      version: "1.0.0",
      package_manager: "npm",
      git_repository: "https://git.example.com/shop.git",
      git_branch: "main",
      auto_generation: true,
      watch_mode: true,
      tech_stack: { backend: "Node.js + TypeScript + GraphQL", frontend: "Next.js + React 19", database: "PostgreSQL 18.1" },
      generation_config: { outputDir: "./src/generated", includeComments: true, prettier: true },
    });
    expect(rows[0].database_config).toEqual({ host: "db.internal", port: 6543, database: "shop_db", user: "shop_owner", ssl: true });
    const { rows: raw } = await db.client.query<{ text: string }>("SELECT database_config::text AS text FROM _metadata.project");
    expect(raw[0].text).not.toMatch(/password|TopSecret/i);
    expect(row.rowVersion).toBe((await getProject(db.client))!.rowVersion);
  });

  it("empty optional text becomes NULL or the seed's default", async () => {
    await createProject(db.client, { ...wizard, description: "", backend_path: "", version: "", git_repository: "", git_branch: "" }, connection);
    const { rows } = await db.client.query("SELECT description, backend_path, version, git_repository, git_branch FROM _metadata.project");
    expect(rows[0]).toEqual({ description: null, backend_path: "./backend", version: "1.0.0", git_repository: null, git_branch: "main" });
  });

  it("a second createProject throws ProjectExistsError and keeps the first row", async () => {
    await createProject(db.client, wizard, connection);
    await expect(createProject(db.client, { ...wizard, project_id: "other", project_name: "Other" }, connection)).rejects.toBeInstanceOf(
      ProjectExistsError,
    );
    const { rows } = await db.client.query("SELECT project_id, project_name FROM _metadata.project");
    expect(rows).toEqual([{ project_id: "shop", project_name: "Shop" }]);
  });

  /** Every editable column changed; JSON columns given objects (arrays: see the next test). */
  function edited(token: string): ProjectValues {
    const json = Object.fromEntries(Object.keys(PROJECT_JSON_COLUMNS).map((k, i) => [k, JSON.stringify({ key: k, n: i, nested: { ok: true } })]));
    return projectSchema.parse({
      project_id: "shop-v2",
      project_name: "Shop 2",
      description: "Second edition",
      root_path: "/srv/shop2",
      backend_path: "./api",
      frontend_path: "./web",
      database_path: "./db",
      template: "ECOMMERCE",
      status: "DEVELOPMENT",
      version: "2.1.0-beta.1",
      package_manager: "pnpm",
      node_version: "22.1.0",
      default_schema: "shop",
      git_repository: "git@github.com:acme/shop.git",
      git_branch: "develop",
      readme_template: "# Shop\n",
      owner_id: "42",
      created_by: "7",
      updated_by: "",
      auto_generation: false,
      watch_mode: false,
      last_generation_at: "2024-05-01T10:30",
      last_sync_at: "",
      ...json,
      rowVersion: token,
    });
  }

  it("updateProject with the current token saves every editable column", async () => {
    const created = await createProject(db.client, wizard, connection);
    const values = edited(created.rowVersion);
    const saved = await updateProject(values, db.client);
    const row = (await getProject(db.client))!;
    expect(saved.rowVersion).toBe(row.rowVersion);
    expect(row.rowVersion).not.toBe(created.rowVersion);
    expect(row).toMatchObject({
      project_id: "shop-v2",
      project_name: "Shop 2",
      description: "Second edition",
      root_path: "/srv/shop2",
      backend_path: "./api",
      frontend_path: "./web",
      database_path: "./db",
      template: "ECOMMERCE",
      status: "DEVELOPMENT",
      version: "2.1.0-beta.1",
      package_manager: "pnpm",
      node_version: "22.1.0",
      default_schema: "shop",
      git_repository: "git@github.com:acme/shop.git",
      git_branch: "develop",
      readme_template: "# Shop\n",
      owner_id: 42,
      created_by: 7,
      updated_by: null,
      auto_generation: false,
      watch_mode: false,
      last_sync_at: null,
    });
    expect(row.last_generation_at).toEqual(new Date("2024-05-01T10:30"));
    Object.keys(PROJECT_JSON_COLUMNS).forEach((k, i) => expect(row[k], k).toEqual({ key: k, n: i, nested: { ok: true } }));
    // And the form values read back are what was saved (the Project page's round trip).
    // (JSON text compares parsed: jsonb reorders keys, and the form pretty-prints.)
    const normalize = (v: ProjectValues) => ({
      ...v,
      ...Object.fromEntries(Object.keys(PROJECT_JSON_COLUMNS).map((k) => [k, JSON.parse(v[k as keyof ProjectValues] as string)])),
      rowVersion: "",
    });
    const back = projectToValues(row);
    expect(back.rowVersion).toBe(row.rowVersion);
    expect(normalize(back)).toEqual(normalize(values));
  });

  it("updateProject round-trips the seed's JSON examples, arrays included", async () => {
    const created = await createProject(db.client, wizard, connection);
    const values = { ...edited(created.rowVersion), ...PROJECT_JSON_COLUMNS };
    await updateProject(projectSchema.parse(values), db.client);
    const row = (await getProject(db.client))!;
    for (const [k, example] of Object.entries(PROJECT_JSON_COLUMNS)) expect(row[k], k).toEqual(JSON.parse(example));
  });

  it("a stale token throws ConflictError with the current row, and overwrites nothing", async () => {
    const created = await createProject(db.client, wizard, connection);
    const first = await updateProject({ ...edited(created.rowVersion), project_name: "Theirs" }, db.client);
    const error = await updateProject({ ...edited(created.rowVersion), project_name: "Mine", owner_id: "99" }, db.client).catch((e) => e);
    expect(error).toBeInstanceOf(ConflictError);
    const current = (error as ConflictError<ProjectRow>).current!;
    expect(current.project_name).toBe("Theirs");
    expect(current.owner_id).toBe(42);
    expect(current.rowVersion).toBe(first.rowVersion);
    const row = (await getProject(db.client))!;
    expect(row.project_name).toBe("Theirs");
    expect(row.rowVersion).toBe(first.rowVersion);
  });

  it("updateProject without a row throws ConflictError with current = null", async () => {
    const error = await updateProject(edited("2024-01-01 00:00:00+00"), db.client).catch((e) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError<ProjectRow>).current).toBeNull();
  });
});
