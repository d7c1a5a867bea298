import { expect, test, type Page } from "@playwright/test";
import type pg from "pg";
import { e2eClient, freshEditor } from "./db";
import { callAction, encodeArgs, RawJson, serverActions, type ServerAction } from "./server-actions";

/** Regression tests for issue 7's defects 1, 5, 8, 9 and 10, through the HTTP path and the UI the browser uses. */
test.describe.configure({ mode: "serial" });

let db: pg.Client;
let tableId: number;
let columnId: number;
let actions: ServerAction[];
test.beforeAll(async () => {
  db = await e2eClient();
  await freshEditor(db);
  tableId = (await db.query<{ id: number }>("INSERT INTO _metadata.mappings_table (table_name, label) VALUES ('orders', 'Orders') RETURNING id::int")).rows[0].id;
  columnId = (
    await db.query<{ id: number }>(
      "INSERT INTO _metadata.mappings_column (table_id, schema_name, table_name, pg_column, pg_type, label) VALUES ($1, 'public', 'orders', 'amount', 'NUMERIC(12,2)', 'Amount') RETURNING id::int",
      [tableId],
    )
  ).rows[0].id;
  actions = serverActions(tableId);
});
test.afterAll(async () => {
  await db.end();
});

const PG_TEXT = /date\/time field value out of range|is out of range for type|invalid input syntax|violates|unsupported Unicode|ERROR:|null character/i;
const rowOf = async (sql: string, params: unknown[] = []) => (await db.query(sql, params)).rows[0];
const versionOf = async (table: string, id: number) =>
  (await rowOf(`SELECT to_char(updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS v FROM _metadata.${table} WHERE id = $1`, [id])).v as string;

async function call(baseURL: string | undefined, name: string, ...args: unknown[]) {
  const action = actions.find((a) => a.name === name && !(name === "restoreAction" && a.file.includes("tools")));
  if (!action) throw new Error(`no action ${name} in the build`);
  const response = await callAction(baseURL!, action, encodeArgs(args));
  expect(response.status, name).toBe(200);
  expect(response.text).not.toMatch(PG_TEXT);
  return response.result as { ok: boolean; formError?: string; fieldErrors?: Record<string, string> };
}

test("defect 1: a 256 KB pg_type made to backtrack is refused by its length at once, on every path", async ({ baseURL }) => {
  // Before the fix each of these requests held the server for about a minute.
  const hostile = "a" + " a".repeat(128_000) + "!";
  const version = await versionOf("mappings_column", columnId);
  const row = { pg_column: "x", pg_type: hostile, label: "X", graphql_field: "", graphql_type: "", form_type: "", is_required: false, is_unique: false, is_primary_key: false };
  const edit = await call(baseURL, "updateColumnFieldAction", { id: columnId, rowVersion: version, field: "pg_type", value: hostile });
  expect(edit).toMatchObject({ ok: false, formError: "At most 100 characters." });
  expect(await call(baseURL, "addColumnAction", tableId, row)).toMatchObject({ ok: false, fieldErrors: { pg_type: "At most 100 characters." } });
  expect(await call(baseURL, "pasteColumnsAction", tableId, { rows: [row, row, row] })).toMatchObject({ ok: false, formError: "Row 1: At most 100 characters." });
  expect(await rowOf("SELECT pg_type FROM _metadata.mappings_column WHERE id = $1", [columnId])).toEqual({ pg_type: "NUMERIC(12,2)" });
});

test("defect 1: a validation pattern that backtracks catastrophically is refused by the form before it is saved", async ({ page }) => {
  await page.goto(`tables/${tableId}`);
  await page.getByRole("button", { name: "Open details of amount" }).click();
  const panel = page.getByRole("dialog");
  await panel.getByRole("textbox", { name: "Pattern" }).fill("^(a+)+$");
  await expect(panel.getByRole("status").filter({ hasText: "exponential time" })).toBeVisible();
  await panel.getByRole("button", { name: "Save" }).click();
  await expect(panel.getByText(/pattern: A repeated group/)).toBeVisible();
  expect(await rowOf("SELECT validation_rules FROM _metadata.mappings_column WHERE id = $1", [columnId])).toEqual({ validation_rules: null });
});

test("defect 8: an inline edit takes exactly the field's type; ids are ids", async ({ baseURL }) => {
  const version = await versionOf("mappings_table", tableId);
  const edit = (field: string, value: unknown) => call(baseURL, "updateTableFieldAction", { id: tableId, rowVersion: version, field, value });
  expect(await edit("label", { a: 1 })).toMatchObject({ ok: false, formError: "Text expected." });
  expect(await edit("table_name", ["orders_renamed"])).toMatchObject({ ok: false, formError: "Text expected." });
  expect(await edit("is_api_enabled", "yes")).toMatchObject({ ok: false, formError: "true or false expected." });
  for (const id of ["0x10", true, [tableId], String(tableId) + ".0"]) {
    expect(await call(baseURL, "deleteTableAction", { id, rowVersion: version }), JSON.stringify(id)).toMatchObject({ ok: false });
  }
  expect(await rowOf("SELECT table_name, label, is_api_enabled FROM _metadata.mappings_table WHERE id = $1", [tableId])).toEqual({
    table_name: "orders",
    label: "Orders",
    is_api_enabled: true,
  });
});

test("defect 9: NUL, lone surrogates, impossible dates, an empty change and bad version tokens are field errors, not echoed", async ({ baseURL }) => {
  const version = await versionOf("mappings_table", tableId);
  const edit = (field: string, value: unknown, v = version) => call(baseURL, "updateTableFieldAction", { id: tableId, rowVersion: v, field, value });
  expect((await edit("label", "a\u0000b")).formError).toMatch(/NUL character/);
  expect((await edit("label", "a\ud800b")).formError).toMatch(/lone UTF-16 surrogate/);
  expect((await edit("api_permissions", { read: "x\u0000" })).formError).toMatch(/NUL character/);
  const project = await rowOf(`SELECT project_id, project_name, root_path, to_char(updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS v FROM _metadata.project`);
  const saved = await call(baseURL, "saveProjectAction", {
    project_id: project.project_id,
    project_name: project.project_name,
    root_path: project.root_path,
    last_sync_at: "+275760-09-13",
    rowVersion: project.v,
  });
  expect(saved.fieldErrors?.last_sync_at).toMatch(/A date and time/);
  expect(await call(baseURL, "updateTableAction", { id: tableId, rowVersion: version, values: {} })).toMatchObject({
    ok: false,
    formError: "Nothing to change: no field was sent.",
  });
  const token = "9".repeat(1_000_000);
  const action = actions.find((a) => a.name === "updateTableFieldAction")!;
  const long = await callAction(baseURL!, action, encodeArgs([{ id: tableId, rowVersion: token, field: "label", value: "x" }]));
  expect(long.text.length).toBeLessThan(2_000);
  expect(long.result).toMatchObject({ ok: false, formError: "The row's version token is malformed; reload the page." });
  // Well-formed but not a date PostgreSQL knows: our sentence, not the server's.
  expect((await edit("label", "x", "2024-02-31T10:00:00Z")).formError).toMatch(/someone else|version/i);
  expect(await rowOf("SELECT label FROM _metadata.mappings_table WHERE id = $1", [tableId])).toEqual({ label: "Orders" });
});

test("defect 5: JSON deeper than 32 levels is refused, and History renders deep JSON stored by other means", async ({ baseURL, page }) => {
  const version = await versionOf("mappings_column", columnId);
  const deep = (n: number) => "[".repeat(n) + "]".repeat(n);
  // Deeper than any field takes, not so deep that reading the request is refused (below).
  const refused = await call(baseURL, "updateColumnFieldAction", { id: columnId, rowVersion: version, field: "data_transformation", value: new RawJson(deep(400)) });
  expect(refused).toMatchObject({ ok: false, formError: "Nested more than 32 levels deep." });
  // psql (or an older editor) can still store it: the history must render it.
  await db.query(`UPDATE _metadata.mappings_column SET data_transformation = $2::jsonb WHERE id = $1`, [columnId, deep(3000)]);
  const response = await page.goto("history");
  expect(response?.status()).toBe(200);
  const entry = page.getByRole("listitem", { name: "UPDATE mappings_column orders.amount" }).first();
  await entry.getByRole("button").first().click();
  await expect(entry.getByRole("table", { name: "Changes" })).toContainText("[[[[");
  await page.goto(`tables/${tableId}`);
  await page.getByRole("tab", { name: /History/ }).click();
  await expect(page.getByRole("list", { name: "History entries" })).toContainText("orders.amount");
});

async function editCell(page: Page, testId: string, text: string) {
  const cell = page.getByTestId(testId);
  await cell.click();
  await page.keyboard.press("Enter");
  const editor = cell.getByRole("textbox");
  await editor.fill(text);
  await page.keyboard.press("Enter");
  return { cell, editor };
}

test("defect 10: too long in a grid cell is an error that keeps the text, never a cut", async ({ page }) => {
  await page.goto("tables");
  const label = "가".repeat(10_000);
  const { editor } = await editCell(page, `cell-${tableId}-label`, label);
  await expect(page.getByText("At most 200 characters.")).toBeVisible();
  await expect(editor).toHaveValue(label);
  await page.keyboard.press("Escape");
  await page.keyboard.press("Escape");
  const name = "n".repeat(100);
  const second = await editCell(page, `cell-${tableId}-table_name`, name);
  await expect(page.getByText("At most 63 bytes.")).toBeVisible();
  await expect(second.editor).toHaveValue(name);
  expect(await rowOf("SELECT table_name, label FROM _metadata.mappings_table WHERE id = $1", [tableId])).toEqual({
    table_name: "orders",
    label: "Orders",
  });
});

test("a request body larger than its action takes is refused by its size before it is read, and changes nothing", async ({ baseURL }) => {
  const action = actions.find((a) => a.name === "updateTableFieldAction")!;
  const before = await rowOf("SELECT label FROM _metadata.mappings_table WHERE id = $1", [tableId]);
  const body = encodeArgs([{ id: tableId, rowVersion: await versionOf("mappings_table", tableId), field: "label", value: "x".repeat(3 * 1024 * 1024) }]);
  const response = await callAction(baseURL!, action, body);
  expect(response.status).toBe(413);
  expect(response.text).toContain("larger than this action takes");
  expect(await rowOf("SELECT label FROM _metadata.mappings_table WHERE id = $1", [tableId])).toEqual(before);
});

test("arguments nested too deep to be read (3,300 levels overflowed the server's stack: HTTP 500) are refused by the proxy in words, on every action", async ({
  baseURL,
}) => {
  const snapshot = async () =>
    (await rowOf(`SELECT (SELECT md5(string_agg(t::text, '|' ORDER BY id)) FROM _metadata.mappings_table t) || (SELECT md5(string_agg(c::text, '|' ORDER BY id)) FROM _metadata.mappings_column c) AS s`)).s as string;
  const before = await snapshot();
  const deepArray = (n: number) => "[" + "[".repeat(n) + "]".repeat(n) + "]";
  const deepObject = (n: number) => "[" + '{"a":'.repeat(n) + "1" + "}".repeat(n) + "]";
  for (const action of actions) {
    for (const body of [deepArray(3000), deepArray(20_000), deepObject(5000)]) {
      const response = await callAction(baseURL!, action, body);
      expect(response.status, `${action.file} ${action.name}`).toBe(400);
      expect(response.text).toContain("nested more than 500 levels deep");
    }
    // As a form's field (how an upload's arguments come): the same.
    const form = new FormData();
    form.append("0", deepArray(5000));
    const response = await callAction(baseURL!, action, form);
    expect(response.status, `${action.name} form`).toBe(400);
  }
  expect(await snapshot()).toBe(before);
  // A deep string is text, not nesting: the action itself answers (here: too long for a label).
  const label = await call(baseURL, "updateTableFieldAction", { id: tableId, rowVersion: await versionOf("mappings_table", tableId), field: "label", value: "[".repeat(5000) });
  expect(label).toMatchObject({ ok: false, formError: "At most 200 characters." });
});
