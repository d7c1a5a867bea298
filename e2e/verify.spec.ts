import { expect, test } from "@playwright/test";
import type pg from "pg";
import { e2eClient, freshEditor } from "./db";

test.describe.configure({ mode: "serial" });

let db: pg.Client;
test.beforeAll(async () => {
  db = await e2eClient();
  await freshEditor(db);
});
test.afterAll(async () => {
  await freshEditor(db); // puts the dropped index back if the repair above did not
  await db.end();
});

test("verification passes on a good schema and keeps nothing", async ({ page }) => {
  const before = (await db.query("SELECT count(*)::int AS n FROM _metadata.mappings_table")).rows[0].n;
  await page.goto("tools");
  await page.getByRole("button", { name: "Run verification" }).click();
  const results = page.getByRole("list", { name: "Verification results" });
  await expect(results.getByRole("listitem")).toHaveCount(7);
  await expect(results).not.toContainText("✗ fail");
  await expect(results).toContainText("✓ pass: Cascade delete of a table's columns");
  expect((await db.query("SELECT count(*)::int AS n FROM _metadata.mappings_table")).rows[0].n).toBe(before);
});

test("a dropped index: the editor sends the user to setup, which names it and repairs it", async ({ page }) => {
  await db.query("DROP INDEX _metadata.idx_mappings_column_table_order");
  await page.goto("tools");
  await expect(page).toHaveURL(/\/setup$/);
  await expect(page.getByText("incomplete: 1 missing, 0 different")).toBeVisible();
  await page.getByRole("button", { name: "Continue" }).click();
  await page.getByText("Objects missing or different (1)").click();
  await expect(page.getByText("index mappings_column.idx_mappings_column_table_order: missing")).toBeVisible();
  await page.getByRole("button", { name: "Run initialization" }).click();
  await expect(page.getByRole("region", { name: "Initialization result" })).toContainText(/All \d+ objects verified/);
  const { rowCount } = await db.query("SELECT 1 FROM pg_indexes WHERE indexname = 'idx_mappings_column_table_order'");
  expect(rowCount).toBe(1);
  // The project row exists already: continuing leads back into the editor.
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page).toHaveURL(/\/metadata-editor\/?$/);
  await expect(page.getByRole("list", { name: "Metadata counts" })).toBeVisible();
  await page.goto("tools");
  await expect(page).toHaveURL(/\/tools$/);
});
