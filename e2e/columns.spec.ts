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
      "INSERT INTO _metadata.mappings_table (table_name, label, graphql_type) VALUES ('orders', '주문', 'Order') RETURNING id",
    )
  ).rows[0].id;
});
test.afterAll(async () => {
  await db.end();
});

const columnsOf = async () =>
  (await db.query("SELECT pg_column, pg_type, label, graphql_type, sort_order FROM _metadata.mappings_column ORDER BY sort_order")).rows;

test("paste rows from a spreadsheet adds them all at once with derived values; bad lines block the paste", async ({ page }) => {
  await page.goto(`tables/${tableId}`);
  await page.getByRole("button", { name: "Paste rows" }).click();
  const dialog = page.getByRole("dialog", { name: "Paste columns" });
  const rows = dialog.getByRole("textbox", { name: "Rows to add" });
  await rows.fill("name\ttype\tlabel\nid\tBIGSERIAL\nstatus\tVARCHAR(20)\t상태\ntotal\tNUMERIC(12,2)\nBad Name\tTEXT");
  await expect(dialog.getByRole("alert")).toContainText("Line 5 (Bad Name)");
  await expect(dialog.getByRole("button", { name: /Add \d+ columns/ })).toBeDisabled();
  await rows.fill("id\tBIGSERIAL\nstatus\tVARCHAR(20)\t상태\ntotal\tNUMERIC(12,2)");
  await dialog.getByRole("button", { name: "Add 3 columns" }).click();
  await expect(dialog).toBeHidden();
  expect(await columnsOf()).toEqual([
    { pg_column: "id", pg_type: "BIGSERIAL", label: "ID", graphql_type: "ID", sort_order: 1 },
    { pg_column: "status", pg_type: "VARCHAR(20)", label: "상태", graphql_type: "String", sort_order: 2 },
    { pg_column: "total", pg_type: "NUMERIC(12,2)", label: "Total", graphql_type: "Float", sort_order: 3 },
  ]);
});

test("reorder writes sort_order", async ({ page }) => {
  await page.goto(`tables/${tableId}`);
  await page.getByRole("button", { name: "Move total up" }).click();
  await expect.poll(async () => (await columnsOf()).map((c) => c.pg_column)).toEqual(["id", "total", "status"]);
  expect((await columnsOf()).map((c) => c.sort_order)).toEqual([1, 2, 3]);
});

test("keyboard: Enter edits, Escape cancels without saving, Enter commits", async ({ page }) => {
  const statusId = (await db.query("SELECT id FROM _metadata.mappings_column WHERE pg_column = 'status'")).rows[0].id;
  await page.goto(`tables/${tableId}`);
  const cell = page.getByTestId(`cell-${statusId}-label`);
  await cell.click();
  await page.keyboard.press("Enter");
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.type("Not saved");
  await page.keyboard.press("Escape");
  await expect(cell).toHaveText("상태");
  await page.keyboard.press("ArrowLeft");
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("Enter");
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.type("Order status");
  await page.keyboard.press("Enter");
  await expect(cell).toHaveText("Order status");
  expect((await db.query("SELECT label FROM _metadata.mappings_column WHERE id = $1", [statusId])).rows[0].label).toBe("Order status");
});

test("details panel: enum options, a live regex check, and malformed JSON refused with nothing saved", async ({ page }) => {
  await page.goto(`tables/${tableId}`);
  await page.getByRole("button", { name: "Open details of status" }).click();
  const panel = page.getByRole("dialog", { name: "Column status" });
  await panel.getByRole("button", { name: "Add option" }).click();
  await panel.getByRole("textbox", { name: "Option 1 value" }).fill("PAID");
  await panel.getByRole("textbox", { name: "Option 1 label" }).fill("결제 완료");
  await panel.getByRole("button", { name: "Add option" }).click();
  await panel.getByRole("textbox", { name: "Option 2 value" }).fill("SHIPPED");
  await panel.getByRole("textbox", { name: "Option 2 label" }).fill("배송 중");
  await panel.getByRole("textbox", { name: "Pattern" }).fill("([A-Z");
  await expect(panel.getByText(/Does not compile/)).toBeVisible();
  await panel.getByRole("textbox", { name: "Pattern" }).fill("^[A-Z]+$");
  await expect(panel.getByText("✓ compiles")).toBeVisible();
  await panel.getByRole("textbox", { name: "Search config (JSON)" }).fill('{"weight": "A"');
  await panel.getByRole("button", { name: "Save" }).click();
  await expect(panel.getByText(/Not valid JSON/)).toBeVisible();
  const unchanged = await db.query("SELECT enum_options, validation_rules FROM _metadata.mappings_column WHERE pg_column = 'status'");
  expect(unchanged.rows[0]).toEqual({ enum_options: null, validation_rules: null });

  await panel.getByRole("textbox", { name: "Search config (JSON)" }).fill('{"weight": "A", "boost": 2}');
  await panel.getByRole("button", { name: "Save" }).click();
  await expect(panel).toBeHidden();
  const saved = await db.query("SELECT enum_options, validation_rules, search_config FROM _metadata.mappings_column WHERE pg_column = 'status'");
  expect(saved.rows[0]).toEqual({
    enum_options: [
      { value: "PAID", label: "결제 완료" },
      { value: "SHIPPED", label: "배송 중" },
    ],
    validation_rules: { pattern: "^[A-Z]+$" },
    search_config: { weight: "A", boost: 2 },
  });
});

test("an unknown pg type typed in the grid is refused on the cell; nothing is saved", async ({ page }) => {
  const totalId = (await db.query("SELECT id FROM _metadata.mappings_column WHERE pg_column = 'total'")).rows[0].id;
  await page.goto(`tables/${tableId}`);
  await page.getByTestId(`cell-${totalId}-pg_type`).dblclick();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.type("MONEYBAGS");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("alert").filter({ hasText: 'PostgreSQL does not know the type "MONEYBAGS".' })).toBeVisible();
  expect((await db.query("SELECT pg_type FROM _metadata.mappings_column WHERE id = $1", [totalId])).rows[0].pg_type).toBe("NUMERIC(12,2)");
  await page.keyboard.press("Escape");
});
