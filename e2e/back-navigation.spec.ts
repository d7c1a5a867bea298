import { expect, test } from "@playwright/test";
import type pg from "pg";
import { e2eClient, freshEditor } from "./db";

let db: pg.Client;
let tableId: string;
test.beforeAll(async () => {
  db = await e2eClient();
  await freshEditor(db);
  tableId = (
    await db.query<{ id: string }>("INSERT INTO _metadata.mappings_table (table_name, label) VALUES ('invoices', 'Invoices') RETURNING id")
  ).rows[0].id;
});
test.afterAll(async () => {
  await db.end();
});

test("after an edit, going to a table and back shows the edited value, not the page as first loaded", async ({ page }) => {
  await page.goto("tables");
  const label = page.getByTestId(`cell-${tableId}-label`);
  await label.dblclick();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.type("청구서");
  await page.keyboard.press("Enter");
  await expect(label).toHaveText("청구서");

  await page.getByRole("button", { name: "Open invoices" }).click();
  await expect(page).toHaveURL(new RegExp(`/tables/${tableId}$`));
  await page.goBack();
  await expect(page).toHaveURL(/\/tables$/);
  await expect(page.getByTestId(`cell-${tableId}-label`)).toHaveText("청구서");

  // And a second edit from here is not taken for someone else's change.
  await page.getByTestId(`cell-${tableId}-label`).dblclick();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.type("Invoices (KR)");
  await page.keyboard.press("Enter");
  await expect(page.getByTestId(`cell-${tableId}-label`)).toHaveText("Invoices (KR)");
  await expect(page.getByRole("dialog", { name: "Changed by someone else" })).toHaveCount(0);
  expect((await db.query("SELECT label FROM _metadata.mappings_table WHERE id = $1", [tableId])).rows[0].label).toBe("Invoices (KR)");
});
