import { expect, test } from "@playwright/test";
import type pg from "pg";
import { e2eClient, freshEditor } from "./db";

// Issue 11, point 7: nothing typed is thrown away without asking; a reopened New-table dialog starts clean.
test.describe.configure({ mode: "serial" });

let db: pg.Client;
let tableId: number;
test.beforeAll(async () => {
  db = await e2eClient();
  await freshEditor(db);
  tableId = (await db.query<{ id: number }>("INSERT INTO _metadata.mappings_table (table_name, label) VALUES ('orders', 'Orders') RETURNING id::int")).rows[0].id;
  await db.query(
    "INSERT INTO _metadata.mappings_column (table_id, schema_name, table_name, pg_column, pg_type, label) VALUES ($1, 'public', 'orders', 'status', 'TEXT', 'Status')",
    [tableId],
  );
});
test.afterAll(async () => {
  await db.end();
});

test("Escape on the column panel with edits asks first; Keep editing keeps them, Discard closes", async ({ page }) => {
  await page.goto(`tables/${tableId}`);
  await page.getByRole("button", { name: "Open details of status" }).click();
  const panel = page.getByRole("dialog", { name: "Column status" });
  await panel.getByRole("textbox", { name: "Label", exact: true }).fill("Order status");
  await page.keyboard.press("Escape");
  const ask = panel.getByRole("alertdialog", { name: "Unsaved changes" });
  await expect(ask).toBeVisible();
  await ask.getByRole("button", { name: "Keep editing" }).click();
  await expect(panel.getByRole("textbox", { name: "Label", exact: true })).toHaveValue("Order status");
  await panel.getByRole("button", { name: "Cancel" }).click();
  await ask.getByRole("button", { name: "Discard" }).click();
  await expect(panel).toBeHidden();
  expect((await db.query("SELECT label FROM _metadata.mappings_column WHERE pg_column = 'status'")).rows[0].label).toBe("Status");
  // Without edits, Escape just closes.
  await page.getByRole("button", { name: "Open details of status" }).click();
  await expect(panel).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(panel).toBeHidden();
});

test("a New table dialog closed with text in it asks, and opens clean the next time", async ({ page }) => {
  await page.goto("tables");
  await page.getByRole("button", { name: "New table" }).first().click();
  const dialog = page.getByRole("dialog", { name: "New table" });
  await dialog.getByRole("textbox", { name: "Table name" }).fill("half_typed");
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await dialog.getByRole("alertdialog", { name: "Unsaved changes" }).getByRole("button", { name: "Discard" }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole("button", { name: "New table" }).first().click();
  await expect(dialog.getByRole("textbox", { name: "Table name" })).toHaveValue("");
});

test("leaving the Project page with edits asks; Stay keeps them, Leave goes", async ({ page }) => {
  const ownerNow = async () => (await db.query("SELECT owner_id FROM _metadata.project WHERE id = 1")).rows[0].owner_id;
  const before = await ownerNow();
  await page.goto("project");
  await page.getByLabel("Owner id").fill("7");
  await page.getByRole("link", { name: "Tables" }).click();
  const ask = page.getByRole("dialog", { name: "Leave without saving?" });
  await expect(ask).toBeVisible();
  await ask.getByRole("button", { name: "Cancel" }).click();
  await expect(page).toHaveURL(/\/project$/);
  await expect(page.getByLabel("Owner id")).toHaveValue("7");
  await page.getByRole("link", { name: "Tables" }).click();
  await ask.getByRole("button", { name: "Leave" }).click();
  await expect(page).toHaveURL(/\/tables$/);
  expect(await ownerNow()).toBe(before);
});
