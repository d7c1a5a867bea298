import { expect, test } from "@playwright/test";
import type pg from "pg";
import { dropMetadata, e2eClient } from "./db";

let db: pg.Client;

test.beforeAll(async () => {
  db = await e2eClient();
});
test.afterAll(async () => {
  await db.end();
});

test("a new user is sent to the wizard, completes it, and the project row holds what was entered", async ({ page }) => {
  await dropMetadata(db);

  await page.goto("./");
  await expect(page).toHaveURL(/\/metadata-editor\/setup$/);
  await expect(page.getByRole("heading", { name: "1. Connection" })).toBeVisible();
  await expect(page.getByText("Connected", { exact: true })).toBeVisible();
  await expect(page.getByText(/PostgreSQL \d+/).first()).toBeVisible();
  await expect(page.getByText("not created yet")).toBeVisible();
  await page.getByRole("button", { name: "Continue" }).click();

  await expect(page.getByRole("heading", { name: "2. Initialize" })).toBeVisible();
  await expect(page.getByRole("region", { name: "SQL to run" })).toContainText("CREATE TABLE IF NOT EXISTS _metadata.mappings_column");
  const noSchemaYet = page.getByText("The database has no _metadata schema yet.");
  await expect(noSchemaYet).toBeVisible();
  await page.getByRole("button", { name: "Run initialization" }).click();
  const result = page.getByRole("region", { name: "Initialization result" });
  await expect(result).toContainText("_metadata schema created");
  // The text above the SQL follows the run (issue 11 point 5): no "no schema yet" once it exists.
  await expect(noSchemaYet).toHaveCount(0);
  await expect(page.getByText("The _metadata schema is complete", { exact: true })).toBeVisible();
  await expect(result).toContainText("triggers created");
  await expect(result).toContainText(/All \d+ objects verified/);
  const { rows: tables } = await db.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = '_metadata'",
  );
  expect(tables[0].n).toBe(7); // the spec's six and diagram_layout
  await page.getByRole("button", { name: "Continue" }).click();

  await expect(page.getByRole("heading", { name: "3. Project" })).toBeVisible();
  // Prefilled from PROJECT_ID / PROJECT_NAME / PROJECT_ROOT_PATH.
  await expect(page.getByRole("textbox", { name: "Project id", exact: true })).toHaveValue("e2e-shop");
  await expect(page.getByRole("textbox", { name: "Project name", exact: true })).toHaveValue("E2E Shop");
  await expect(page.getByRole("textbox", { name: "Root path", exact: true })).toHaveValue("/workspace/e2e-shop");

  // Invalid input: a clear message on the field, and no way forward.
  await page.getByRole("textbox", { name: "Project id", exact: true }).fill("My Shop!");
  await page.getByLabel("Tech stack (JSON)").fill("{not json");
  await page.getByRole("button", { name: "Review" }).click();
  await expect(page.getByText(/A slug: lower-case letters/)).toBeVisible();
  await expect(page.getByText(/Not valid JSON/)).toBeVisible();
  await expect(page.getByRole("heading", { name: "3. Project" })).toBeVisible();

  await page.getByRole("textbox", { name: "Project id", exact: true }).fill("my-shop");
  await page.getByRole("textbox", { name: "Project name", exact: true }).fill("마이 쇼핑몰");
  await page.getByRole("textbox", { name: "Description", exact: true }).fill("Shop for the e2e test");
  await page.getByRole("combobox", { name: "Template", exact: true }).selectOption("ECOMMERCE");
  await page.getByRole("combobox", { name: "Status", exact: true }).selectOption("DEVELOPMENT");
  await page.getByRole("textbox", { name: "Version", exact: true }).fill("0.2.0");
  await page.getByLabel("Tech stack (JSON)").fill('{"backend": "Node.js", "database": "PostgreSQL"}');
  await page.getByLabel("Package manager").fill("pnpm");
  await page.getByLabel("Git repository").fill("https://github.com/acme/shop.git");
  await page.getByLabel("Git branch").fill("develop");
  await page.getByLabel("Output directory").fill("./generated");
  await page.getByLabel("Format with Prettier").uncheck();
  await page.getByLabel("Watch mode").uncheck();
  await page.getByRole("button", { name: "Review" }).click();

  await expect(page.getByRole("heading", { name: "4. Review" })).toBeVisible();
  await expect(page.getByText("마이 쇼핑몰")).toBeVisible();
  await page.getByRole("button", { name: "Finish setup" }).click();

  await expect(page).toHaveURL(/\/metadata-editor\/?$/);
  await expect(page.getByRole("heading", { name: "마이 쇼핑몰" })).toBeVisible();
  await expect(page.getByRole("contentinfo")).toContainText("Connected to");

  // id as text: lib/db/pool.ts parses int8 as a number for the whole process once any spec in this worker imports it.
  const { rows } = await db.query("SELECT *, id::text AS id FROM _metadata.project");
  expect(rows).toHaveLength(1);
  const row = rows[0];
  expect(row).toMatchObject({
    id: "1",
    project_id: "my-shop",
    project_name: "마이 쇼핑몰",
    description: "Shop for the e2e test",
    root_path: "/workspace/e2e-shop",
    template: "ECOMMERCE",
    status: "DEVELOPMENT",
    version: "0.2.0",
    package_manager: "pnpm",
    git_repository: "https://github.com/acme/shop.git",
    git_branch: "develop",
    auto_generation: true,
    watch_mode: false,
  });
  expect(row.tech_stack).toEqual({ backend: "Node.js", database: "PostgreSQL" });
  expect(row.generation_config).toEqual({ outputDir: "./generated", includeComments: true, prettier: false });
  expect(Object.keys(row.database_config).sort()).toEqual(["database", "host", "port", "ssl", "user"]);
  expect(JSON.stringify(row)).not.toMatch(/password/i);
});

test("the Project page edits the row; bad JSON is refused with a field error and nothing is saved", async ({ page }) => {
  // A retry starts from what the first test left, not from this test's own earlier save.
  await db.query("UPDATE _metadata.project SET tags = NULL, owner_id = NULL WHERE id = 1");
  await page.goto("project");
  await expect(page.getByRole("heading", { name: "Project", exact: true })).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Project id", exact: true })).toHaveValue("my-shop");

  await page.getByLabel("Tags (JSON)").fill("[oops");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText(/Not valid JSON/)).toBeVisible();
  const before = await db.query("SELECT tags FROM _metadata.project WHERE id = 1");
  expect(before.rows[0].tags).toBeNull();

  await page.getByLabel("Tags (JSON)").fill('["b2b", "internal"]');
  await page.getByRole("combobox", { name: "Status", exact: true }).selectOption("TESTING");
  await page.getByLabel("Owner id").fill("42");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Project saved.")).toBeVisible();

  const { rows } = await db.query("SELECT tags, status, owner_id FROM _metadata.project WHERE id = 1");
  expect(rows[0]).toEqual({ tags: ["b2b", "internal"], status: "TESTING", owner_id: 42 });
});

test("an edit made elsewhere meanwhile is shown as a conflict, not overwritten", async ({ page }) => {
  await page.goto("project");
  const description = page.getByRole("textbox", { name: "Description", exact: true });
  // Filled again until it holds exactly "my edit": a fill that lands while the form hydrates can be appended to.
  await expect(async () => {
    await description.fill("my edit");
    await expect(description).toHaveValue("my edit", { timeout: 1_000 });
  }).toPass();
  await db.query("UPDATE _metadata.project SET description = 'their edit' WHERE id = 1");
  await page.getByRole("button", { name: "Save" }).click();
  // The same conflict dialog as every other editor: theirs beside mine, per field.
  const conflict = page.getByRole("dialog", { name: "Changed by someone else" });
  await expect(conflict.getByRole("row", { name: /^Description/ })).toContainText("their edit");
  await expect(conflict.getByRole("row", { name: /^Description/ })).toContainText("my edit");
  expect((await db.query("SELECT description FROM _metadata.project")).rows[0].description).toBe("their edit");

  await conflict.getByRole("button", { name: "Overwrite with mine" }).click();
  await expect(page.getByText("Project saved.")).toBeVisible();
  expect((await db.query("SELECT description FROM _metadata.project")).rows[0].description).toBe("my edit");
});

test("a second project row is impossible", async () => {
  await expect(
    db.query("INSERT INTO _metadata.project (id, project_id, project_name, root_path) VALUES (2, 'x', 'x', '/x')"),
  ).rejects.toThrow(/single_project/);
});
