import { expect, test, type Page } from "@playwright/test";
import type pg from "pg";
import { e2eClient, freshEditor } from "./db";

// One story: each test builds on the previous one's log entries.
test.describe.configure({ mode: "serial" });

let db: pg.Client;
let tableId: number;
let amountId: number;

interface LogRow {
  id: number;
  table_name: string;
  operation: string;
  record_id: number;
  old_data: Record<string, unknown> | null;
  new_data: Record<string, unknown> | null;
}
const logRows = async () =>
  (
    await db.query<LogRow>(
      "SELECT id::int, table_name, operation, record_id::int, old_data, new_data FROM _metadata.metadata_sync_log ORDER BY id",
    )
  ).rows;

test.beforeAll(async () => {
  db = await e2eClient();
  await freshEditor(db);
  tableId = (
    await db.query<{ id: number }>(
      "INSERT INTO _metadata.mappings_table (table_name, label, graphql_type) VALUES ('invoices', '청구서', 'Invoice') RETURNING id::int",
    )
  ).rows[0].id;
  amountId = (
    await db.query<{ id: number }>(
      `INSERT INTO _metadata.mappings_column (table_id, schema_name, table_name, pg_column, pg_type, label, sort_order)
       VALUES ($1, 'public', 'invoices', 'amount', 'NUMERIC(12,2)', 'Amount', 1) RETURNING id::int`,
      [tableId],
    )
  ).rows[0].id;
  // Start the log empty (TRUNCATE fires no row triggers), then one INSERT made with SQL, as psql would.
  await db.query("TRUNCATE _metadata.metadata_sync_log RESTART IDENTITY");
  await db.query(
    `INSERT INTO _metadata.mappings_column (table_id, schema_name, table_name, pg_column, pg_type, label, sort_order)
     VALUES ($1, 'public', 'invoices', 'note', 'TEXT', 'Note', 2)`,
    [tableId],
  );
});
test.afterAll(async () => {
  await db?.end();
});

const entries = (page: Page) => page.getByRole("list", { name: "History entries" }).getByRole("listitem");

test("a label changed in the grid and a field changed with SQL are both logged", async ({ page }) => {
  await page.goto(`tables/${tableId}`);
  const cell = page.getByTestId(`cell-${amountId}-label`);
  await cell.dblclick();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.type("Invoice amount");
  await page.keyboard.press("Enter");
  await expect(cell).toHaveText("Invoice amount");
  await expect
    .poll(async () => (await db.query("SELECT label FROM _metadata.mappings_column WHERE id = $1", [amountId])).rows[0].label)
    .toBe("Invoice amount");

  await db.query("UPDATE _metadata.mappings_column SET help_text = 'Gross amount, VAT included' WHERE id = $1", [amountId]);

  const log = await logRows();
  expect(log.map((e) => [e.table_name, e.operation, e.record_id])).toEqual([
    ["mappings_column", "INSERT", expect.any(Number)],
    ["mappings_column", "UPDATE", amountId],
    ["mappings_column", "UPDATE", amountId],
  ]);
  expect(log[1].old_data).toMatchObject({ label: "Amount", help_text: null });
  expect(log[1].new_data).toMatchObject({ label: "Invoice amount", help_text: null });
  expect(log[2].old_data).toMatchObject({ label: "Invoice amount", help_text: null });
  expect(log[2].new_data).toMatchObject({ label: "Invoice amount", help_text: "Gross amount, VAT included" });
});

test("the History page lists both, newest first, with the operation; an entry expands to a field-by-field diff", async ({ page }) => {
  await page.goto("history");
  await expect(page.getByRole("heading", { name: "History", level: 1 })).toBeVisible();
  const items = entries(page);
  await expect(items).toHaveCount(3);
  // Newest first: the SQL change, the grid change, the SQL insert.
  await expect(items.nth(0)).toHaveAttribute("aria-label", "UPDATE mappings_column invoices.amount");
  await expect(items.nth(0).getByRole("button")).toContainText("help_text");
  await expect(items.nth(1)).toHaveAttribute("aria-label", "UPDATE mappings_column invoices.amount");
  await expect(items.nth(1).getByRole("button")).toContainText("1 field: label");
  await expect(items.nth(2)).toHaveAttribute("aria-label", "INSERT mappings_column invoices.note");
  await expect(items.nth(2).getByRole("button")).toContainText("INSERT");

  // Expand the grid change: exactly one row, label, Amount → Invoice amount (updated_at is not shown).
  const gridChange = items.nth(1);
  const summary = gridChange.getByRole("button").first();
  await expect(summary).toHaveAttribute("aria-expanded", "false");
  await summary.click();
  await expect(summary).toHaveAttribute("aria-expanded", "true");
  const changes = gridChange.getByRole("table", { name: "Changes" });
  await expect(changes.getByRole("row")).toHaveCount(2); // header + label
  const label = changes.getByRole("row", { name: /label/ });
  await expect(label.getByRole("rowheader")).toHaveText("label");
  await expect(label.getByRole("cell").nth(0)).toHaveText("Amount");
  await expect(label.getByRole("cell").nth(1)).toHaveText("Invoice amount");
  await expect(changes).not.toContainText("updated_at");

  // The SQL change: help_text, empty before.
  const sqlChange = items.nth(0);
  await sqlChange.getByRole("button").first().click();
  const helpText = sqlChange.getByRole("table", { name: "Changes" }).getByRole("row", { name: /help_text/ });
  await expect(helpText.getByRole("cell").nth(0)).toHaveText("—");
  await expect(helpText.getByRole("cell").nth(1)).toHaveText("Gross amount, VAT included");
});

test("the filters narrow by table and operation", async ({ page }) => {
  await page.goto("history");
  const form = page.getByRole("form", { name: "Filter history" });
  await form.getByRole("combobox", { name: "Table", exact: true }).selectOption("mappings_column");
  await form.getByRole("combobox", { name: "Operation", exact: true }).selectOption("UPDATE");
  await form.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/[?&]table=mappings_column/);
  await expect(page).toHaveURL(/[?&]operation=UPDATE/);
  await expect(entries(page)).toHaveCount(2);
  for (const item of await entries(page).all()) await expect(item).toHaveAttribute("aria-label", /^UPDATE mappings_column /);
  // The chosen filters stay selected.
  await expect(form.getByRole("combobox", { name: "Operation", exact: true })).toHaveValue("UPDATE");

  await form.getByRole("combobox", { name: "Operation", exact: true }).selectOption("INSERT");
  await form.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/[?&]operation=INSERT/);
  await expect(entries(page)).toHaveCount(1);
  await expect(entries(page).first()).toHaveAttribute("aria-label", "INSERT mappings_column invoices.note");

  await form.getByRole("combobox", { name: "Table", exact: true }).selectOption("mappings_table");
  await form.getByRole("combobox", { name: "Operation", exact: true }).selectOption("");
  await form.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/[?&]table=mappings_table/);
  await expect(page.getByText("No changes recorded for this selection.")).toBeVisible();
  await expect(page.getByRole("list", { name: "History entries" })).toHaveCount(0);
});

test("restoring the previous version puts the old value back, and the restore is logged", async ({ page }) => {
  await page.goto("history?table=mappings_column&operation=UPDATE");
  const gridChange = entries(page).nth(1);
  await expect(gridChange.getByRole("button").first()).toContainText("label");
  await gridChange.getByRole("button").first().click();
  await gridChange.getByRole("button", { name: "Restore the previous version" }).click();
  const confirm = page.getByRole("dialog", { name: `Restore mappings_column #${amountId}?` });
  await expect(confirm).toContainText("the version before this change");
  await confirm.getByRole("button", { name: "Restore" }).click();
  await expect(confirm).toBeHidden();

  // The row as it was before the grid change: label Amount (and help_text, set later, empty again).
  await expect
    .poll(async () => (await db.query("SELECT label, help_text FROM _metadata.mappings_column WHERE id = $1", [amountId])).rows[0])
    .toEqual({ label: "Amount", help_text: null });
  const log = await logRows();
  expect(log).toHaveLength(4);
  const restore = log[3];
  expect(restore).toMatchObject({ table_name: "mappings_column", operation: "UPDATE", record_id: amountId });
  expect(restore.old_data).toMatchObject({ label: "Invoice amount", help_text: "Gross amount, VAT included" });
  const { updated_at: _a, ...restored } = restore.new_data!;
  const { updated_at: _b, ...previous } = log[1].old_data!;
  expect(restored).toEqual(previous);

  // The page refreshes: the restore is the newest entry.
  await expect(entries(page)).toHaveCount(3);
  await expect(entries(page).first().getByRole("button").first()).toContainText("label");
  await entries(page).first().getByRole("button").first().click();
  const changes = entries(page).first().getByRole("table", { name: "Changes" });
  await expect(changes.getByRole("row", { name: /label/ }).getByRole("cell").nth(1)).toHaveText("Amount");
});

test("the table page's History tab lists the table's entries", async ({ page }) => {
  await page.goto(`tables/${tableId}`);
  await page.getByRole("tab", { name: "History" }).click();
  await expect(page.getByRole("tab", { name: "History" })).toHaveAttribute("aria-selected", "true");
  const panel = page.getByRole("tabpanel", { name: "History" });
  const items = panel.getByRole("list", { name: "History entries" }).getByRole("listitem");
  // The SQL insert of note, the grid change, the SQL change and the restore: all about this table's columns.
  await expect(items).toHaveCount(4);
  await expect(items.first()).toHaveAttribute("aria-label", "UPDATE mappings_column invoices.amount");
  await expect(items.last()).toHaveAttribute("aria-label", "INSERT mappings_column invoices.note");
});
