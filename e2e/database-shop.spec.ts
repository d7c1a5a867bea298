import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import type pg from "pg";
import { e2eClient, freshEditor } from "./db";
import { callAction, encodeArgs, serverActions, type ServerAction } from "./server-actions";

/**
 * Issue 8 as a new user meets it, on the spec's realistic fixture (test/fixtures/sync-shop.sql): import it in the
 * UI, change the database with psql (ADD COLUMN, DROP NOT NULL, a new foreign key), resolve the drift both ways,
 * save the plan as a migration file into database_path; and every Database action, sent hostile JSON over HTTP,
 * answers with a clear refusal and changes nothing.
 */
test.describe.configure({ mode: "serial", timeout: 120_000 });

let db: pg.Client;
let root: string;
const snapshot = async () =>
  JSON.stringify(
    (
      await db.query(`SELECT (SELECT count(*) FROM _metadata.mappings_table) AS t, (SELECT count(*) FROM _metadata.mappings_column) AS c,
        (SELECT count(*) FROM _metadata.mappings_relation) AS r, (SELECT count(*) FROM _metadata.metadata_sync_log) AS l,
        (SELECT count(*) FROM pg_attribute a JOIN pg_class k ON k.oid = a.attrelid JOIN pg_namespace n ON n.oid = k.relnamespace
          WHERE n.nspname = 'shop' AND a.attnum > 0 AND NOT a.attisdropped) AS live,
        (SELECT count(*) FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace WHERE n.nspname = 'shop') AS cons`)
    ).rows[0],
  );

test.beforeAll(async () => {
  db = await e2eClient();
  await freshEditor(db);
  root = mkdtempSync(path.join(os.tmpdir(), "e2e-shop-"));
  await db.query("UPDATE _metadata.project SET root_path = $1, database_path = 'db', default_schema = 'public' WHERE id = 1", [root]);
  await db.query("DROP SCHEMA IF EXISTS shop CASCADE");
  await db.query(readFileSync(path.join("test", "fixtures", "sync-shop.sql"), "utf8"));
});
test.afterAll(async () => {
  await db.query("DROP SCHEMA IF EXISTS shop CASCADE");
  await freshEditor(db);
  await db.query("UPDATE _metadata.project SET root_path = '/tmp/e2e', database_path = NULL WHERE id = 1");
  await db.end();
  rmSync(root, { recursive: true, force: true });
});

test("the shop fixture: preview lists what is imported and what is skipped with its reason; Import writes it", async ({ page }) => {
  await page.goto("database/import");
  await page.getByRole("checkbox", { name: /shop/ }).check();
  await page.getByRole("button", { name: "Preview import" }).click();
  const skipped = page.getByRole("list", { name: "Skipped" });
  await expect(skipped).toContainText("view shop.");
  await expect(skipped).toContainText("partitioned table");
  await expect(skipped).toContainText("customers_lower_email_idx");
  await expect(page.getByRole("list", { name: "Changes" })).toContainText("+ add table shop.customers");
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Imported" })).toBeVisible();
  const { rows } = await db.query("SELECT pg_type, enum_options IS NOT NULL AS e FROM _metadata.mappings_column WHERE table_name = 'orders' AND pg_column = 'status'");
  expect(rows).toEqual([{ pg_type: "shop.order_status", e: true }]);
  await page.goto("database/drift");
  await expect(page.getByRole("status").filter({ hasText: "No drift" })).toBeVisible();
});

test("psql's ADD COLUMN, DROP NOT NULL and a new foreign key show as drift; each resolves either way", async ({ page }) => {
  await db.query(`ALTER TABLE shop.customers ADD COLUMN nickname varchar(40);
    ALTER TABLE shop.customers ALTER COLUMN full_name DROP NOT NULL;
    ALTER TABLE shop.products ADD COLUMN maker_id bigint;
    ALTER TABLE shop.products ADD CONSTRAINT products_maker_fkey FOREIGN KEY (maker_id) REFERENCES shop.customers (id)`);
  await page.goto("database/drift");
  const drift = page.getByRole("table", { name: "Drift" });
  await expect(drift).toContainText("shop.customers.nickname");
  await expect(drift).toContainText("shop.customers.full_name");
  await expect(drift).toContainText("maker_id → shop.customers(id) [products_maker_fkey]");

  // The metadata takes the database's new column and the foreign key (its column first).
  const columns = async () => (await db.query("SELECT count(*)::int AS n FROM _metadata.mappings_column WHERE pg_column IN ('maker_id', 'nickname')")).rows[0].n;
  const relations = async () =>
    (await db.query("SELECT relation_type::text, constraint_name FROM _metadata.mappings_relation WHERE from_table = 'products'")).rows;
  await page.getByRole("button", { name: "Take the database's version of column shop.products.maker_id" }).click();
  await expect.poll(columns).toBe(1);
  await page.getByRole("button", { name: "Take the database's version of foreign-key shop.products.maker_id" }).click();
  await expect.poll(relations).toEqual([{ relation_type: "ManyToOne", constraint_name: "products_maker_fkey" }]);
  await page.getByRole("button", { name: "Take the database's version of column shop.customers.nickname" }).click();
  await expect.poll(columns).toBe(2);
  // The database takes the metadata's NOT NULL back, through the plan.
  await page.getByRole("checkbox", { name: "Add nullability shop.customers.full_name to the change plan" }).check();
  await page.getByRole("button", { name: "Review plan for 1 selected" }).click();
  await expect(page.getByRole("region", { name: "Up script" })).toContainText('ALTER COLUMN "full_name" SET NOT NULL;');
  await page.getByRole("checkbox", { name: /Run the destructive statements too/ }).check();
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByRole("status").filter({ hasText: /Applied 1 statement[.;]/ })).toBeVisible();
  await page.goto("database/drift");
  await expect(page.getByRole("status").filter({ hasText: "No drift" })).toBeVisible();

  // The other way round: a new column in psql, dropped by the plan; a foreign key the metadata lacks, dropped too.
  await db.query("ALTER TABLE shop.customers ADD COLUMN scratch int; DELETE FROM _metadata.mappings_relation WHERE from_table = 'products'");
  await page.goto("database/plan");
  const up = page.getByRole("region", { name: "Up script" });
  await expect(up).toContainText('DROP COLUMN "scratch"');
  await expect(up).toContainText('DROP CONSTRAINT "products_maker_fkey"');
  await page.getByRole("checkbox", { name: /Run the destructive statements too/ }).check();
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByRole("status").filter({ hasText: "The database now matches the metadata" })).toBeVisible();
  expect((await db.query("SELECT count(*)::int AS n FROM pg_constraint WHERE conname = 'products_maker_fkey'")).rows).toEqual([{ n: 0 }]);
});

test("a plan saved as a migration file lands in database_path; a failing statement changes nothing", async ({ page }) => {
  await db.query("ALTER TABLE shop.customers DROP COLUMN nickname");
  await page.goto("database/plan");
  await expect(page.getByRole("region", { name: "Up script" })).toContainText('ADD COLUMN "nickname" character varying(40)');
  await page.getByRole("button", { name: "Save migration file" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved" })).toBeVisible();
  const folder = path.join(root, "db", "migrations");
  const files = readdirSync(folder).sort();
  expect(files).toHaveLength(2);
  expect(files[0]).toMatch(/^\d{14}_metadata_sync\.down\.sql$/);
  expect(readFileSync(path.join(folder, files[1]), "utf8")).toContain('ADD COLUMN "nickname" character varying(40)');

  // A NOT NULL column added while the table has rows fails: named, and neither side changes.
  await db.query("INSERT INTO shop.customers (email, full_name) VALUES ('a@b.c', 'Kim')");
  await db.query("UPDATE _metadata.mappings_column SET pg_constraints = '{\"notNull\": true}' WHERE table_name = 'customers' AND pg_column = 'nickname'");
  const before = await snapshot();
  await page.reload();
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Statement 1 failed and nothing was changed" })).toContainText('ADD COLUMN "nickname"');
  expect(await snapshot()).toBe(before);
});

test("the Database actions refuse hostile JSON with a clear message and change nothing", async ({ baseURL }) => {
  const actions = serverActions(1).filter((a) => a.file.includes("database"));
  const byName = (name: string) => actions.find((a) => a.name === name) as ServerAction;
  expect(actions.map((a) => a.name).sort()).toEqual(
    [
      "applyPlanAction",
      "driftPageAction",
      "planScriptsAction",
      "previewImportAction",
      "previewPlanAction",
      "resolveDriftAction",
      "runImportAction",
      "saveMigrationAction",
    ].sort(),
  );
  const cases: [string, unknown, RegExp][] = [
    ["previewImportAction", { schemas: "shop" }, /correcting/],
    ["previewImportAction", { schemas: [] }, /correcting/],
    ["previewImportAction", { schemas: ["_metadata"] }, /no importable schema named _metadata/],
    ["runImportAction", { schemas: ["pg_catalog"] }, /no importable schema named pg_catalog/],
    ["runImportAction", { schemas: ["shop"], extra: 1 }, /correcting/],
    ["runImportAction", { schemas: ["shop; DROP SCHEMA shop"] }, /correcting/],
    ["runImportAction", { schemas: [{ toString: "shop" }] }, /correcting/],
    ["resolveDriftAction", { itemId: "column:shop.customers:nope:" }, /./],
    ["resolveDriftAction", { itemId: 5 }, /correcting/],
    ["resolveDriftAction", { itemId: "x".repeat(3000) }, /correcting/],
    ["applyPlanAction", { itemIds: [], digest: "0123456789abcdef", allowDestructive: true }, /changed since this plan was shown/],
    ["applyPlanAction", { itemIds: [], digest: "0123456789abcdef", allowDestructive: "true" }, /correcting/],
    ["applyPlanAction", { itemIds: "all", digest: "0123456789abcdef", allowDestructive: false }, /correcting/],
    ["applyPlanAction", { itemIds: [], digest: "'; DROP TABLE x; --", allowDestructive: false }, /correcting/],
    ["applyPlanAction", { itemIds: [], digest: "0123456789abcdef", allowDestructive: false, sql: "DROP SCHEMA shop CASCADE" }, /correcting/],
    ["saveMigrationAction", { itemIds: [], digest: "0123456789abcdef" }, /changed since this plan was shown/],
    ["planScriptsAction", { itemIds: [], digest: "0123456789abcdef" }, /changed since this plan was shown/],
    ["planScriptsAction", null, /correcting/],
    ["driftPageAction", { offset: -1, digest: "0123456789abcdef" }, /correcting/],
    ["driftPageAction", { offset: "100", digest: "0123456789abcdef" }, /correcting/],
    ["driftPageAction", { offset: 100, digest: "'; DROP TABLE x; --" }, /correcting/],
    ["previewPlanAction", { itemIds: "all" }, /correcting/],
    ["previewPlanAction", { itemIds: [{ toString: "table:shop.customers::" }] }, /correcting/],
    ["previewPlanAction", { itemIds: ["x".repeat(3000)] }, /correcting/],
  ];
  for (const [name, input, message] of cases) {
    const before = await snapshot();
    const response = await callAction(baseURL!, byName(name), encodeArgs([input]));
    const what = `${name} ${JSON.stringify(input).slice(0, 80)}`;
    expect(response.status, what).toBe(200);
    const result = response.result as { ok: boolean; formError?: string };
    expect(result.ok, what).toBe(false);
    expect(result.formError, what).toMatch(message);
    expect(response.text, what).not.toMatch(/ERROR: |at [A-Za-z.]+ \(|syntax error at or near/);
    expect(await snapshot(), what).toBe(before);
  }
});
