import { expect, test } from "@playwright/test";
import type pg from "pg";
import { e2eClient, freshEditor } from "./db";

// Deletes and restores ask in one dialog and offer Undo in their toast (issue 11, point 6).
test.describe.configure({ mode: "serial" });

let db: pg.Client;
test.beforeAll(async () => {
  db = await e2eClient();
  await freshEditor(db);
  await db.query("INSERT INTO _metadata.mappings_table (table_name, label) VALUES ('invoices', 'Invoices')");
  await db.query(
    `INSERT INTO _metadata.mappings_column (table_id, schema_name, table_name, pg_column, pg_type, label)
     SELECT id, 'public', 'invoices', c, 'TEXT', initcap(c) FROM _metadata.mappings_table, unnest(ARRAY['number', 'customer', 'total']) c`,
  );
});
test.afterAll(async () => {
  await db.end();
});

const count = async (sql: string) => (await db.query<{ n: number }>(sql)).rows[0].n;
const columns = () => count("SELECT count(*)::int AS n FROM _metadata.mappings_column WHERE table_name = 'invoices'");
const tables = () => count("SELECT count(*)::int AS n FROM _metadata.mappings_table WHERE table_name = 'invoices'");

test("a deleted table comes back with its columns by the toast's Undo", async ({ page }) => {
  await page.goto("tables");
  await page.getByRole("button", { name: "Delete invoices" }).click();
  const confirm = page.getByRole("dialog", { name: "Delete table invoices?" });
  await expect(confirm).toContainText("3 columns");
  await confirm.getByRole("button", { name: "Delete" }).click();
  await expect(confirm).toBeHidden();
  expect(await tables()).toBe(0);
  const toast = page.getByText("Table invoices deleted with 3 columns and 0 relations.");
  await expect(toast).toBeVisible();
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(page.getByText("Brought back (4 rows).")).toBeVisible();
  expect(await tables()).toBe(1);
  expect(await columns()).toBe(3);
  await expect(page.getByRole("grid", { name: "Tables" })).toContainText("invoices");
});

test("a column delete asks in the same dialog (no browser confirm) and can be undone", async ({ page }) => {
  page.on("dialog", () => {
    throw new Error("a native confirm() was shown");
  });
  const id = (await db.query<{ id: number }>("SELECT id::int FROM _metadata.mappings_table WHERE table_name = 'invoices'")).rows[0].id;
  await page.goto(`tables/${id}`);
  await page.getByRole("button", { name: "Delete customer" }).click();
  const confirm = page.getByRole("dialog", { name: "Delete column customer?" });
  await confirm.getByRole("button", { name: "Cancel" }).click();
  await expect(confirm).toBeHidden();
  expect(await columns()).toBe(3);
  await page.getByRole("button", { name: "Delete customer" }).click();
  await confirm.getByRole("button", { name: "Delete" }).click();
  await expect(page.getByText("Column customer deleted.")).toBeVisible();
  expect(await columns()).toBe(2);
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(page.getByRole("grid", { name: "Columns" })).toContainText("customer");
  expect(await columns()).toBe(3);
});

test("a history restore asks first and its Undo puts back the version it replaced", async ({ page }) => {
  await db.query("UPDATE _metadata.mappings_table SET label = 'Bills' WHERE table_name = 'invoices'");
  await page.goto("history?table=mappings_table&operation=UPDATE");
  const entry = page.getByRole("list", { name: "History entries" }).getByRole("listitem").first();
  await entry.getByRole("button").first().click();
  await entry.getByRole("button", { name: "Restore the previous version" }).click();
  await page.getByRole("dialog", { name: /^Restore mappings_table #\d+\?$/ }).getByRole("button", { name: "Restore" }).click();
  await expect.poll(async () => (await db.query("SELECT label FROM _metadata.mappings_table WHERE table_name = 'invoices'")).rows[0].label).toBe("Invoices");
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(page.getByText("The restore was undone.")).toBeVisible();
  expect((await db.query("SELECT label FROM _metadata.mappings_table WHERE table_name = 'invoices'")).rows[0].label).toBe("Bills");
});
