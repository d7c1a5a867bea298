import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import type pg from "pg";
import { e2eClient, freshEditor } from "./db";

/**
 * Issue 8's third-party names in the UI: a Chinook-style database (test/fixtures/sync-chinook.sql: schema "Chinook",
 * "Album"."AlbumId", "PK_Album", "FK_AlbumArtistId") imports whole, shows no drift, takes a camelCase column from
 * Add column, and the plan writes it with every name quoted.
 */
test.describe.configure({ mode: "serial", timeout: 120_000 });

let db: pg.Client;

test.beforeAll(async () => {
  db = await e2eClient();
  await freshEditor(db);
  await db.query('DROP SCHEMA IF EXISTS "Chinook" CASCADE');
  await db.query(readFileSync(path.join("test", "fixtures", "sync-chinook.sql"), "utf8"));
});
test.afterAll(async () => {
  await db.query('DROP SCHEMA IF EXISTS "Chinook" CASCADE');
  await freshEditor(db);
  await db.end();
});

test("Chinook's mixed-case tables import whole (nothing skipped for its name) and show no drift", async ({ page }) => {
  await page.goto("database/import");
  await page.getByRole("checkbox", { name: /Chinook/ }).check();
  await page.getByRole("button", { name: "Preview import" }).click();
  const changes = page.getByRole("list", { name: "Changes" });
  await expect(changes).toContainText("+ add table Chinook.Album");
  await expect(changes).toContainText("+ add table Chinook.InvoiceLine");
  await expect(page.getByText(/not one the metadata accepts/)).toHaveCount(0);
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Imported" })).toBeVisible();
  const { rows } = await db.query(
    `SELECT table_name, pg_column, graphql_field, label FROM _metadata.mappings_column WHERE schema_name = 'Chinook' AND table_name = 'Album' ORDER BY sort_order`,
  );
  expect(rows).toEqual([
    { table_name: "Album", pg_column: "AlbumId", graphql_field: "albumId", label: "Album id" },
    { table_name: "Album", pg_column: "Title", graphql_field: "title", label: "Title" },
    { table_name: "Album", pg_column: "ArtistId", graphql_field: "artistId", label: "Artist id" },
  ]);
  expect((await db.query("SELECT count(*)::int AS n FROM _metadata.mappings_table WHERE schema_name = 'Chinook'")).rows).toEqual([{ n: 11 }]);
  await page.goto("database/drift");
  await expect(page.getByRole("status").filter({ hasText: "No drift" })).toBeVisible();
});

test("a camelCase column added in the editor is kept as typed and planned quoted", async ({ page }) => {
  const { rows } = await db.query<{ id: string }>("SELECT id FROM _metadata.mappings_table WHERE schema_name = 'Chinook' AND table_name = 'Album'");
  await page.goto(`tables/${rows[0].id}`);
  await page.getByRole("button", { name: "Add column" }).first().click();
  const dialog = page.getByRole("dialog", { name: "Add column" });
  await expect(dialog.getByText(/case-sensitive/)).toBeVisible();
  await dialog.getByRole("textbox", { name: "Column name" }).fill("releasedAt");
  await dialog.getByRole("combobox", { name: "PostgreSQL type" }).fill("DATE");
  await dialog.getByRole("button", { name: "Add", exact: true }).click();
  await expect(dialog).toBeHidden();
  const added = await db.query("SELECT graphql_field, label, form_type FROM _metadata.mappings_column WHERE table_name = 'Album' AND pg_column = 'releasedAt'");
  expect(added.rows).toEqual([{ graphql_field: "releasedAt", label: "Released at", form_type: "date" }]);

  await page.goto("database/drift");
  await page.getByRole("checkbox", { name: "Add column Chinook.Album.releasedAt to the change plan" }).check();
  await page.getByRole("button", { name: "Review plan for 1 selected" }).click();
  await expect(page.getByRole("region", { name: "Up script" })).toContainText('ALTER TABLE "Chinook"."Album" ADD COLUMN "releasedAt" date;');
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByRole("status").filter({ hasText: /Applied 1 statement[.;]/ })).toBeVisible();
  const live = await db.query(`SELECT attname FROM pg_attribute WHERE attrelid = '"Chinook"."Album"'::regclass AND attname = 'releasedAt'`);
  expect(live.rows).toEqual([{ attname: "releasedAt" }]);
  await page.goto("database/drift");
  await expect(page.getByRole("status").filter({ hasText: "No drift" })).toBeVisible();
});
