import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import type pg from "pg";
import { exportMetadata, serializeBackup, type BackupDocument } from "../lib/metadata/backup";
import { e2eClient, freshEditor } from "./db";

// One journey: download, restore, refusals, then the reset (which drops the schema; afterAll puts it back).
test.describe.configure({ mode: "serial" });

let db: pg.Client;
// The downloaded file goes when its browser context closes: its text is kept for the later tests.
let backupText = "";
let backup: BackupDocument;

test.beforeAll(async () => {
  db = await e2eClient();
  await freshEditor(db);
  await db.query(
    "INSERT INTO _metadata.mappings_table (table_name, label) VALUES ('customers', 'Customers'), ('orders', 'Orders')",
  );
  await db.query(
    `INSERT INTO _metadata.mappings_column (table_id, schema_name, table_name, pg_column, pg_type, graphql_field, graphql_type, label, form_type)
     SELECT id, 'public', table_name, 'email', 'TEXT', 'email', 'String', 'Email', 'email' FROM _metadata.mappings_table WHERE table_name = 'customers'`,
  );
});
test.afterAll(async () => {
  // The other specs expect an initialized schema with a project row.
  await freshEditor(db);
  await db.end();
});

const tablesNow = async () => JSON.stringify((await exportMetadata(db)).tables);
const projectId = async () =>
  (await db.query<{ project_id: string }>("SELECT project_id FROM _metadata.project WHERE id = 1")).rows[0].project_id;
const tableId = async (name: string) =>
  (await db.query<{ id: number }>("SELECT id FROM _metadata.mappings_table WHERE table_name = $1", [name])).rows[0].id;

async function choose(page: Page, file: string | { name: string; mimeType: string; buffer: Buffer }) {
  await page.getByLabel("Backup file").setInputFiles(file);
}

test("download a backup; after changes, the preview shows them and Restore brings the backup back", async ({
  page,
}) => {
  await page.goto("tools");
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download backup" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(
    new RegExp(`^metadata-backup-${await projectId()}-\\d{4}-\\d\\d-\\d\\d\\.json$`),
  );
  const backupPath = await download.path();
  backupText = readFileSync(backupPath, "utf8");
  backup = JSON.parse(backupText) as BackupDocument;
  expect(JSON.stringify(backup.tables)).toBe(await tablesNow());
  expect(backup.tables.mappings_table.map((t) => t.table_name)).toEqual(["customers", "orders"]);

  const customers = await tableId("customers");
  await db.query("UPDATE _metadata.mappings_table SET label = 'Clients' WHERE table_name = 'customers'");
  await db.query("DELETE FROM _metadata.mappings_table WHERE table_name = 'orders'");
  await db.query("INSERT INTO _metadata.mappings_table (table_name, label) VALUES ('invoices', 'Invoices')");
  const invoices = await tableId("invoices");

  await choose(page, backupPath);
  const preview = page.getByRole("table", { name: "Restore preview" });
  const row = preview
    .getByRole("row")
    .filter({ has: page.getByRole("rowheader", { name: "mappings_table", exact: true }) });
  // Added, changed, removed, unchanged.
  await expect(row.getByRole("cell").nth(0)).toHaveText("1");
  await expect(row.getByRole("cell").nth(1)).toHaveText("1");
  await expect(row.getByRole("cell").nth(2)).toHaveText("1");
  await expect(row.getByRole("cell").nth(3)).toHaveText("0");
  await expect(row).toContainText(`#${customers} public.customers (label, updated_at)`);
  await expect(row).toContainText(`#${invoices} public.invoices`);
  await expect(row).toContainText("public.orders");
  await expect(page.getByText("Restoring replaces all metadata")).toBeVisible();
  // Nothing has changed yet.
  expect(await tableId("invoices")).toBe(invoices);

  await page.getByRole("button", { name: "Restore", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: /Restored [\d,]+ rows from/ })).toBeVisible();
  expect(await tablesNow()).toBe(JSON.stringify(backup.tables));
});

test("corrupt, foreign and inconsistent files are refused with the reason, and nothing changes", async ({ page }) => {
  const before = await tablesNow();
  const text = backupText;
  await page.goto("tools");

  await choose(page, {
    name: "truncated.json",
    mimeType: "application/json",
    buffer: Buffer.from(text.slice(0, text.length / 2)),
  });
  const refusal = page.getByRole("alert").filter({ hasText: "This file cannot be restored" });
  await expect(refusal).toContainText("The file is not valid JSON");
  await expect(refusal).toContainText("Nothing was changed.");

  await choose(page, {
    name: "package.json",
    mimeType: "application/json",
    buffer: Buffer.from('{"name": "shop", "version": "1.0.0"}'),
  });
  await expect(refusal).toContainText("This is not a Metadata Editor backup");

  const column = { ...backup.tables.mappings_column[0], pg_column: "extra" };
  delete (column as Record<string, unknown>).label;
  const missing = { ...backup, tables: { ...backup.tables, mappings_column: [column] } };
  await choose(page, {
    name: "missing.json",
    mimeType: "application/json",
    buffer: Buffer.from(JSON.stringify(missing)),
  });
  await expect(refusal).toContainText(`mappings_column row 1 (id ${column.id}) is missing columns: label`);

  // Well-formed, but rows an edit would refuse: each is listed with its reason, and no preview is offered.
  const [customers] = backup.tables.mappings_table;
  const orphan = { ...backup.tables.mappings_column[0], id: 9001, table_id: 9999, pg_column: "orphan" };
  const hostile = {
    ...backup,
    tables: {
      ...backup.tables,
      mappings_table: backup.tables.mappings_table.map((t) =>
        t.id === customers.id ? t : { ...t, table_name: "orders; DROP TABLE customers" },
      ),
      mappings_column: [
        { ...backup.tables.mappings_column[0], pg_type: "int); DROP TABLE customers; --" },
        orphan,
      ],
    },
  };
  await choose(page, {
    name: "hostile.json",
    mimeType: "application/json",
    buffer: Buffer.from(serializeBackup(hostile)),
  });
  await expect(refusal).toContainText("The backup has 3 rows that the editor would refuse as an edit");
  const reasons = refusal.getByRole("listitem");
  await expect(reasons).toHaveText([
    /^mappings_table #\d+ public\.orders; DROP TABLE customers: table_name: Use letters, digits and underscores/,
    /^mappings_column #\d+ customers\.email: pg_type: A PostgreSQL type such as/,
    "mappings_column #9001 customers.orphan: table_id: the backup has no mappings_table row with id 9999",
  ]);
  await expect(page.getByRole("table", { name: "Restore preview" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Restore", exact: true })).toHaveCount(0);

  expect(await tablesNow()).toBe(before);
});

test("a backup over 10 MB reaches the restore whole: the proxy in front of the actions does not cut it", async ({ page }) => {
  await page.goto("tools");
  // 12 MB of trailing whitespace: still the same JSON document, but past the proxy's default 10 MB buffer.
  await choose(page, { name: "large.json", mimeType: "application/json", buffer: Buffer.from(backupText + " ".repeat(12 * 1024 * 1024)) });
  await expect(page.getByRole("table", { name: "Restore preview" })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole("alert").filter({ hasText: "This file cannot be restored" })).toHaveCount(0);
});

test("reset: the button waits for the exact project id, then the schema is dropped and the wizard starts", async ({
  page,
}) => {
  const id = await projectId();
  await page.goto("tools");
  const confirm = page.getByRole("textbox", { name: "Type the project id to confirm" });
  const reset = page.getByRole("button", { name: "Reset metadata" });
  await expect(reset).toBeDisabled();
  await confirm.fill(`${id}-wrong`);
  await expect(reset).toBeDisabled();
  await confirm.fill(id.toUpperCase() === id ? `${id}x` : id.toUpperCase());
  await expect(reset).toBeDisabled();
  const schema = async () => (await db.query("SELECT 1 FROM pg_namespace WHERE nspname = '_metadata'")).rowCount;
  expect(await schema()).toBe(1);

  await confirm.fill(id);
  await expect(reset).toBeEnabled();
  await reset.click();
  await expect(page).toHaveURL(/\/metadata-editor\/setup$/);
  await expect(page.getByRole("heading", { name: "Set up this project's metadata" })).toBeVisible();
  expect(await schema()).toBe(0);
  const extensions = await db.query("SELECT extname FROM pg_extension WHERE extname IN ('btree_gin', 'pg_trgm')");
  expect(extensions.rowCount).toBe(2);
});
