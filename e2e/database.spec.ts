import { expect, test } from "@playwright/test";
import type pg from "pg";
import { e2eClient, freshEditor } from "./db";

// One journey through the Database section: import preview → import, drift → resolve, plan → apply.
test.describe.configure({ mode: "serial" });

let db: pg.Client;
const dropBusinessTables = () => db.query("DROP TABLE IF EXISTS public.e2e_books, public.e2e_authors");

test.beforeAll(async () => {
  db = await e2eClient();
  await freshEditor(db);
  await dropBusinessTables();
  await db.query(`
    CREATE TABLE public.e2e_authors (id serial PRIMARY KEY, name varchar(80) NOT NULL);
    COMMENT ON TABLE public.e2e_authors IS '저자';
    CREATE TABLE public.e2e_books (id serial PRIMARY KEY, author_id integer REFERENCES public.e2e_authors (id) ON DELETE CASCADE, title text);
    CREATE VIEW public.e2e_book_titles AS SELECT title FROM public.e2e_books;
    INSERT INTO public.e2e_authors (name) VALUES ('Kim'), ('Lee');`);
});
test.afterAll(async () => {
  await db.query("DROP VIEW IF EXISTS public.e2e_book_titles");
  await dropBusinessTables();
  await freshEditor(db);
  await db.end();
});

test("import: the preview lists what is added and what is skipped; Import writes it", async ({ page }) => {
  await page.goto("database/import");
  await expect(page.getByRole("checkbox", { name: /public/ })).toBeChecked();
  await page.getByRole("button", { name: "Preview import" }).click();
  const changes = page.getByRole("list", { name: "Changes" });
  await expect(changes).toContainText("+ add table public.e2e_authors");
  await expect(changes).toContainText("+ add column public.e2e_books.author_id");
  await expect(page.getByRole("list", { name: "Skipped" })).toContainText("view public.e2e_book_titles: a view");
  expect((await db.query("SELECT count(*)::int AS n FROM _metadata.mappings_table")).rows[0].n).toBe(0);

  await page.getByRole("button", { name: "Import", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Imported" })).toContainText("2 tables, 5 columns and 1 relation added");
  const { rows } = await db.query("SELECT table_name, description FROM _metadata.mappings_table ORDER BY 1");
  expect(rows).toEqual([{ table_name: "e2e_authors", description: "저자" }, { table_name: "e2e_books", description: null }]);
});

test("drift: a psql change shows as items; one is resolved by taking the database's version", async ({ page }) => {
  await db.query("ALTER TABLE public.e2e_books ADD COLUMN isbn char(13); ALTER TABLE public.e2e_authors ALTER COLUMN name DROP NOT NULL");
  await page.goto("database/drift");
  const drift = page.getByRole("table", { name: "Drift" });
  await expect(drift.getByRole("row")).toHaveCount(3);
  await expect(drift).toContainText("public.e2e_books.isbn");
  await page.getByRole("button", { name: "Take the database's version of column public.e2e_books.isbn" }).click();
  await expect(page.getByRole("status").filter({ hasText: "now takes the database's version" })).toBeVisible();
  await expect(drift.getByRole("row")).toHaveCount(2);
  const { rows } = await db.query("SELECT pg_type FROM _metadata.mappings_column WHERE table_name = 'e2e_books' AND pg_column = 'isbn'");
  expect(rows).toEqual([{ pg_type: "character(13)" }]);
});

test("plan: the chosen item's SQL, destructive marked with its rows, applied after the opt-in", async ({ page }) => {
  await db.query("UPDATE public.e2e_authors SET name = NULL WHERE name = 'Lee'");
  await page.goto("database/drift");
  await page.getByRole("checkbox", { name: "Add nullability public.e2e_authors.name to the change plan" }).check();
  await page.getByRole("button", { name: "Review plan for 1 selected" }).click();
  await expect(page.getByRole("region", { name: "Up script" })).toContainText('ALTER TABLE "public"."e2e_authors" ALTER COLUMN "name" SET NOT NULL;');
  await expect(page.getByRole("region", { name: "Down script" })).toContainText("DROP NOT NULL");
  await expect(page.getByText("1 destructive statement, 1 row touched")).toBeVisible();
  const apply = page.getByRole("button", { name: "Apply" });
  await expect(apply).toBeDisabled();
  await page.getByRole("checkbox", { name: /Run the destructive statements too/ }).check();
  await apply.click();
  // The NULL row makes SET NOT NULL fail: the message names the statement, and nothing changed.
  const failure = page.getByRole("alert").filter({ hasText: "Statement 1 failed" });
  await expect(failure).toContainText("Statement 1 failed and nothing was changed: the column holds NULL values");
  await expect(failure).toContainText('ALTER COLUMN "name" SET NOT NULL');
  expect((await db.query("SELECT attnotnull FROM pg_attribute WHERE attrelid = 'public.e2e_authors'::regclass AND attname = 'name'")).rows).toEqual([{ attnotnull: false }]);

  await db.query("UPDATE public.e2e_authors SET name = 'Lee' WHERE name IS NULL");
  await page.reload();
  await expect(page.getByText("1 destructive statement, 0 rows touched")).toBeVisible();
  await page.getByRole("checkbox", { name: /Run the destructive statements too/ }).check();
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByRole("status").filter({ hasText: /Applied 1 statement[.;]/ })).toBeVisible();
  expect((await db.query("SELECT attnotnull FROM pg_attribute WHERE attrelid = 'public.e2e_authors'::regclass AND attname = 'name'")).rows).toEqual([{ attnotnull: true }]);
  expect((await db.query("SELECT last_sync_at IS NOT NULL AS synced FROM _metadata.project")).rows).toEqual([{ synced: true }]);

  await page.goto("database/drift");
  await expect(page.getByRole("status").filter({ hasText: "No drift" })).toBeVisible();
});
