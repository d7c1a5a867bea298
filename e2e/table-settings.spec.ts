import { expect, test } from "@playwright/test";
import type pg from "pg";
import { e2eClient, freshEditor } from "./db";

test.describe.configure({ mode: "serial" });

let db: pg.Client;
let tableId: string;
test.beforeAll(async () => {
  db = await e2eClient();
  await freshEditor(db);
  tableId = (
    await db.query<{ id: string }>(
      "INSERT INTO _metadata.mappings_table (table_name, label) VALUES ('accounts', '계정') RETURNING id",
    )
  ).rows[0].id;
  await db.query(
    `INSERT INTO _metadata.mappings_column (table_id, schema_name, table_name, pg_column, pg_type, label, sort_order)
     VALUES ($1, 'public', 'accounts', 'email', 'VARCHAR(255)', 'Email', 1), ($1, 'public', 'accounts', 'status', 'VARCHAR(20)', 'Status', 2)`,
    [tableId],
  );
});
test.afterAll(async () => {
  await db.end();
});

test("table settings: API permissions, named checks and indexes through their editors; a bad index is refused", async ({ page }) => {
  await page.goto(`tables/${tableId}`);
  await page.getByRole("tab", { name: "Settings" }).click();
  const form = page.getByRole("form", { name: "Table settings" });
  await form.getByRole("combobox", { name: "Permission: read" }).fill("public");
  await form.getByRole("combobox", { name: "Permission: write" }).fill("authenticated");
  await form.getByRole("combobox", { name: "Permission: delete" }).fill("admin");
  await form.getByRole("button", { name: "Add check" }).click();
  await form.getByRole("textbox", { name: "Check 1 name" }).fill("check_status");
  await form.getByRole("textbox", { name: "Check 1 condition" }).fill("status IN ('ACTIVE', 'INACTIVE')");
  await form.getByRole("button", { name: "Add index" }).click();
  await form.getByRole("combobox", { name: "Index 1 columns" }).fill("e-mail");
  await form.getByRole("button", { name: "Save" }).click();
  await expect(form.getByText(/Index columns are column names: letters, digits and underscores/)).toBeVisible();
  expect((await db.query("SELECT indexes FROM _metadata.mappings_table WHERE id = $1", [tableId])).rows[0].indexes).toBeNull();

  await form.getByRole("combobox", { name: "Index 1 columns" }).fill("email");
  await form.getByRole("combobox", { name: "Index 1 type" }).selectOption("UNIQUE");
  await form.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Table accounts saved.")).toBeVisible();
  const { rows } = await db.query("SELECT api_permissions, table_constraints, indexes FROM _metadata.mappings_table WHERE id = $1", [tableId]);
  expect(rows[0]).toEqual({
    api_permissions: { read: "public", write: "authenticated", delete: "admin" },
    table_constraints: { checks: [{ name: "check_status", condition: "status IN ('ACTIVE', 'INACTIVE')" }] },
    indexes: [{ columns: ["email"], type: "UNIQUE" }],
  });
});
