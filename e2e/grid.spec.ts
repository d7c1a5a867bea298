import { expect, test, type Page } from "@playwright/test";
import type pg from "pg";
import { e2eClient, freshEditor } from "./db";
import { koreanBrowser } from "./i18n";

/** Issue 11's spreadsheet habits on the shared grid: ranges, clipboard, fill down, undo / redo, IME, reorder. */
test.describe.configure({ mode: "serial" });
test.use({ permissions: ["clipboard-read", "clipboard-write"] });

let db: pg.Client;
let tableId: string;
const ids: Record<string, string> = {};
test.beforeAll(async () => {
  db = await e2eClient();
  await freshEditor(db);
  tableId = (
    await db.query<{ id: string }>("INSERT INTO _metadata.mappings_table (table_name, label) VALUES ('members', 'Members') RETURNING id")
  ).rows[0].id;
  for (const [i, name] of ["id", "email", "nickname", "age"].entries()) {
    ids[name] = (
      await db.query<{ id: string }>(
        `INSERT INTO _metadata.mappings_column (table_id, schema_name, table_name, pg_column, pg_type, label, sort_order)
         VALUES ($1, 'public', 'members', $2, 'TEXT', $3, $4) RETURNING id`,
        [tableId, name, `L-${name}`, i + 1],
      )
    ).rows[0].id;
  }
});
test.afterAll(async () => {
  await db.end();
});

const labels = async () =>
  (await db.query<{ pg_column: string; label: string; pg_type: string }>("SELECT pg_column, label, pg_type FROM _metadata.mappings_column ORDER BY sort_order, id")).rows;
const cell = (page: Page, name: string, field: string) => page.getByTestId(`cell-${ids[name]}-${field}`);

test("a range copied as TSV, pasted into other cells in one save, and undone / redone as one step", async ({ page }) => {
  await page.goto(`tables/${tableId}`);
  // pg_column and pg_type of id and email: shift+arrows select the 2×2 range.
  await cell(page, "id", "pg_column").click();
  await page.keyboard.press("Shift+ArrowRight");
  await page.keyboard.press("Shift+ArrowDown");
  await expect(cell(page, "email", "pg_type")).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("ControlOrMeta+c");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe("id\tTEXT\nemail\tTEXT");

  // Paste a 2×3 block (with Sheets quoting) over GraphQL type, resolver and input of nickname and age. Age's
  // input is already TRUE: 5 cells change.
  await page.evaluate(() => navigator.clipboard.writeText('String\t"says ""hi""\tthere"\tFALSE\nInt!\tyears\tTRUE'));
  await cell(page, "nickname", "graphql_type").click();
  await page.keyboard.press("ControlOrMeta+v");
  await expect(page.getByRole("status").filter({ hasText: "Paste: 5 cells saved." })).toBeVisible();
  await expect(cell(page, "age", "graphql_type")).toHaveText("Int!");
  const pasted = async () =>
    (
      await db.query(
        "SELECT pg_column, COALESCE(graphql_type, '') AS graphql_type, COALESCE(graphql_resolver, '') AS graphql_resolver, is_graphql_input FROM _metadata.mappings_column WHERE pg_column IN ('nickname','age') ORDER BY sort_order",
      )
    ).rows;
  expect(await pasted()).toEqual([
    { pg_column: "nickname", graphql_type: "String", graphql_resolver: 'says "hi"\tthere', is_graphql_input: false },
    { pg_column: "age", graphql_type: "Int!", graphql_resolver: "years", is_graphql_input: true },
  ]);

  // One Ctrl+Z takes the whole paste back; Ctrl+Shift+Z puts it back again.
  await page.keyboard.press("ControlOrMeta+z");
  await expect(cell(page, "age", "graphql_type")).toHaveText("");
  expect(await pasted()).toEqual([
    { pg_column: "nickname", graphql_type: "", graphql_resolver: "", is_graphql_input: true },
    { pg_column: "age", graphql_type: "", graphql_resolver: "", is_graphql_input: true },
  ]);
  await page.keyboard.press("ControlOrMeta+Shift+z");
  await expect(cell(page, "nickname", "graphql_type")).toHaveText("String");
  expect((await pasted())[0]).toEqual({ pg_column: "nickname", graphql_type: "String", graphql_resolver: 'says "hi"\tthere', is_graphql_input: false });
});

test("a paste with one bad cell saves nothing and marks that cell; undo refuses a cell someone else changed", async ({ page }) => {
  await page.goto(`tables/${tableId}`);
  const before = await labels();
  await page.evaluate(() => navigator.clipboard.writeText("fine_name\tTEXT\nBad Name!\tVARCHR(3)"));
  await cell(page, "nickname", "pg_column").click();
  await page.keyboard.press("ControlOrMeta+v");
  await expect(page.getByRole("alert").filter({ hasText: "Paste: nothing was saved" })).toBeVisible();
  await expect(cell(page, "age", "pg_column")).toHaveAttribute("aria-invalid", "true");
  expect(await labels()).toEqual(before);
  // The type is only known to be bad by the server: the batch is refused there, the cell marked.
  await page.evaluate(() => navigator.clipboard.writeText("VARCHR(3)"));
  await cell(page, "age", "pg_type").click();
  await page.keyboard.press("ControlOrMeta+v");
  await expect(page.getByRole("alert").filter({ hasText: "Paste:" })).toContainText('PostgreSQL does not know the type "VARCHR(3)"');
  await expect(cell(page, "age", "pg_type")).toHaveAttribute("aria-invalid", "true");
  expect(await labels()).toEqual(before);

  // My edit, then someone else's on the same cell: undo must not overwrite theirs.
  await cell(page, "id", "label").click();
  await page.keyboard.type("Mine");
  await page.keyboard.press("Enter");
  await expect(cell(page, "id", "label")).toHaveText("Mine");
  await db.query("UPDATE _metadata.mappings_column SET label = 'Theirs' WHERE id = $1", [ids.id]);
  await cell(page, "id", "label").click();
  await page.keyboard.press("ControlOrMeta+z");
  await expect(page.getByRole("alert").filter({ hasText: "Undo" })).toContainText("Someone else changed this row");
  expect((await db.query("SELECT label FROM _metadata.mappings_column WHERE id = $1", [ids.id])).rows[0].label).toBe("Theirs");
});

test("fill down (Ctrl+D) copies the top cell through a shift+click range; one undo step", async ({ page }) => {
  await page.goto(`tables/${tableId}`);
  await cell(page, "email", "pg_type").click();
  await page.keyboard.press("Enter");
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.type("VARCHAR(255)");
  await page.keyboard.press("Enter");
  await expect(cell(page, "email", "pg_type")).toHaveText("VARCHAR(255)");
  await cell(page, "email", "pg_type").click();
  await cell(page, "age", "pg_type").click({ modifiers: ["Shift"] });
  await expect(cell(page, "nickname", "pg_type")).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("ControlOrMeta+d");
  await expect(cell(page, "age", "pg_type")).toHaveText("VARCHAR(255)");
  expect((await labels()).map((c) => c.pg_type)).toEqual(["TEXT", "VARCHAR(255)", "VARCHAR(255)", "VARCHAR(255)"]);
  await page.keyboard.press("ControlOrMeta+z");
  await expect(cell(page, "age", "pg_type")).toHaveText("TEXT");
  expect((await labels()).map((c) => c.pg_type)).toEqual(["TEXT", "VARCHAR(255)", "TEXT", "TEXT"]);
});

test("Hangul typed with an IME on a selected cell starts editing with the composed text", async ({ page }) => {
  await page.goto(`tables/${tableId}`);
  await cell(page, "email", "label").click();
  await expect(cell(page, "email", "label")).toBeFocused();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Input.imeSetComposition", { text: "ㅇ", selectionStart: 1, selectionEnd: 1 });
  await cdp.send("Input.imeSetComposition", { text: "이", selectionStart: 1, selectionEnd: 1 });
  await cdp.send("Input.insertText", { text: "이" });
  const editor = page.getByRole("textbox", { name: `Label for ${ids.email}` });
  await expect(editor).toBeFocused();
  await expect(editor).toHaveValue("이");
  await cdp.send("Input.imeSetComposition", { text: "메", selectionStart: 1, selectionEnd: 1 });
  await cdp.send("Input.insertText", { text: "메" });
  await page.keyboard.insertText("일");
  await expect(editor).toHaveValue("이메일");
  await page.keyboard.press("Enter");
  await expect(cell(page, "email", "label")).toHaveText("이메일");
  expect((await db.query("SELECT label FROM _metadata.mappings_column WHERE id = $1", [ids.email])).rows[0].label).toBe("이메일");
});

test("after Enter saves a cell, the cell below has focus and takes typing and IME input at once", async ({ page }) => {
  await page.goto(`tables/${tableId}`);
  await cell(page, "id", "label").click();
  await page.keyboard.press("Enter");
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.insertText("Key");
  await page.keyboard.press("Enter");
  await expect(cell(page, "id", "label")).toHaveText("Key");
  // Focus went from the editor straight to the cell below (one focus move), which is selected and typable.
  await expect(cell(page, "email", "label")).toBeFocused();
  await expect(cell(page, "email", "label")).toHaveAttribute("aria-selected", "true");
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Input.imeSetComposition", { text: "ㅁ", selectionStart: 1, selectionEnd: 1 });
  await cdp.send("Input.imeSetComposition", { text: "메", selectionStart: 1, selectionEnd: 1 });
  await cdp.send("Input.insertText", { text: "메" });
  const editor = page.getByRole("textbox", { name: `Label for ${ids.email}` });
  await expect(editor).toBeFocused();
  await expect(editor).toHaveValue("메");
  await page.keyboard.press("Escape");
  await expect(cell(page, "email", "label")).toBeFocused();
  expect((await db.query("SELECT label FROM _metadata.mappings_column WHERE id = $1", [ids.id])).rows[0].label).toBe("Key");
  // Tab saves and moves right; Escape on the next edit leaves the saved value.
  await page.keyboard.press("Enter");
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.insertText("Mail");
  await page.keyboard.press("Tab");
  await expect(cell(page, "email", "label")).toHaveText("Mail");
  await expect(page.locator(`[data-testid^="cell-${ids.email}-"]:focus`)).toHaveAttribute("aria-selected", "true");
  expect((await db.query("SELECT label FROM _metadata.mappings_column WHERE id = $1", [ids.email])).rows[0].label).toBe("Mail");
});

test("Alt+↓ / Alt+↑ move the row and write sort_order; the selection follows the row", async ({ page }) => {
  await page.goto(`tables/${tableId}`);
  await cell(page, "id", "label").click();
  await page.keyboard.press("Alt+ArrowDown");
  await expect.poll(async () => (await labels()).map((c) => c.pg_column)).toEqual(["email", "id", "nickname", "age"]);
  await expect(cell(page, "id", "label")).toBeFocused();
  await page.keyboard.press("Alt+ArrowDown");
  await expect.poll(async () => (await labels()).map((c) => c.pg_column)).toEqual(["email", "nickname", "id", "age"]);
  await page.keyboard.press("Alt+ArrowUp");
  await expect.poll(async () => (await labels()).map((c) => c.pg_column)).toEqual(["email", "id", "nickname", "age"]);
  expect((await db.query("SELECT sort_order FROM _metadata.mappings_column ORDER BY sort_order")).rows.map((r) => r.sort_order)).toEqual([1, 2, 3, 4]);
});

test("Alt+↓ in a grid loaded before someone else's reorder saves nothing, says so and shows their order", async ({ page }) => {
  // Was: the stale grid's order overwrote theirs without a word.
  const rowOf = async (name: string) =>
    Number(await cell(page, name, "label").locator("xpath=ancestor::*[@aria-rowindex][1]").getAttribute("aria-rowindex"));
  const gridOrder = async () => {
    const at = await Promise.all(Object.keys(ids).map(async (name) => [name, await rowOf(name)] as const));
    return at.sort((a, b) => a[1] - b[1]).map(([name]) => name);
  };
  await page.goto(`tables/${tableId}`);
  const loaded = (await labels()).map((c) => c.pg_column);
  await expect.poll(gridOrder).toEqual(loaded);
  await db.query("UPDATE _metadata.mappings_column SET sort_order = 5 - sort_order WHERE table_id = $1", [tableId]);
  const theirs = [...loaded].reverse();
  await cell(page, loaded[0], "label").click();
  await page.keyboard.press("Alt+ArrowDown");
  await expect(page.locator("[data-sonner-toast]").filter({ hasText: "columns changed meanwhile" })).toContainText("the new order was not saved");
  await expect.poll(gridOrder).toEqual(theirs);
  expect((await labels()).map((c) => c.pg_column)).toEqual(theirs);
  // Quick presses: each reorder is sent with the versions the one before it left, so none is refused as stale.
  await cell(page, theirs[0], "label").click();
  for (let i = 0; i < 3; i++) await page.keyboard.press("Alt+ArrowDown");
  const moved = [...theirs.slice(1), theirs[0]];
  await expect.poll(async () => (await labels()).map((c) => c.pg_column)).toEqual(moved);
  await expect.poll(gridOrder).toEqual(moved);
  // Only the refusal above may have said "not saved" (it may have faded already).
  expect(await page.locator("[data-sonner-toast]").filter({ hasText: "not saved" }).count()).toBeLessThanOrEqual(1);
  await db.query("UPDATE _metadata.mappings_column SET sort_order = CASE pg_column WHEN 'email' THEN 1 WHEN 'id' THEN 2 WHEN 'nickname' THEN 3 ELSE 4 END WHERE table_id = $1", [tableId]);
});

test("an open editor and its draft stay with their row while the filter changes which rows are drawn", async ({ page }) => {
  // Rows are keyed by slot (row-slots.ts): a row that stays keeps its component, so the draft must not move to
  // the row that now sits where the edited one was, nor be lost when the edited row moves.
  await page.goto(`tables/${tableId}`);
  await cell(page, "age", "pg_type").dblclick();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.type("MONEYBAGS");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("alert").filter({ hasText: 'PostgreSQL does not know the type "MONEYBAGS".' })).toBeVisible();
  const filter = page.getByRole("searchbox", { name: "Filter columns" });
  // "l-" keeps the rows whose labels earlier tests left as "L-…" (age's among them) at new places.
  for (const [query, rows] of [["age", 1], ["", 4], ["l-", null], ["ag", 1], ["", 4]] as const) {
    await filter.fill(query);
    if (rows === null) await expect(page.getByText(/^\d of 4 columns$/)).toBeVisible();
    else await expect(page.getByRole("row")).toHaveCount(rows + 1);
    await expect(page.locator("[data-editor]")).toHaveCount(1);
    await expect(cell(page, "age", "pg_type").locator("[data-editor]")).toHaveValue("MONEYBAGS");
  }
  await cell(page, "age", "pg_type").locator("[data-editor]").click();
  await page.keyboard.press("Escape");
  await expect(page.locator("[data-editor]")).toHaveCount(0);
  expect((await db.query("SELECT pg_type FROM _metadata.mappings_column WHERE id = $1", [ids.age])).rows[0].pg_type).toBe("TEXT");
});

test("Paste rows: a Korean header, quoted cells, every bad line at once; the tab count follows without a reload", async ({ page }) => {
  await page.goto(`tables/${tableId}`);
  await expect(page.getByRole("tab", { name: "Columns (4)" })).toBeVisible();
  await page.getByRole("button", { name: "Paste rows" }).click();
  const dialog = page.getByRole("dialog", { name: "Paste columns" });
  const text = dialog.getByRole("textbox", { name: "Rows to add" });
  await text.fill('컬럼명\t타입\t라벨\t필수\t기본값\t도움말\nstatus\tVARCHAR(20)\t상태\tY\tACTIVE\t"주문 ""상태""\n두 줄"\nBad Name\tTEXT\t\t\t\t\nnotype\t\t\t\t\t\nstatus\tTEXT\t\t\t\t');
  const problems = dialog.getByRole("alert");
  await expect(problems).toContainText("Fix these 3 lines first");
  await expect(problems).toContainText("Line 4 (Bad Name)");
  await expect(problems).toContainText("Line 5 (notype): PostgreSQL type is required");
  await expect(problems).toContainText('Line 6 (status): "status" is also on line 2');
  await expect(dialog.getByRole("button", { name: /Add \d+ column/ })).toBeDisabled();
  await text.fill('컬럼명\t타입\t라벨\t필수\t기본값\t도움말\nstatus\tVARCHAR(20)\t상태\tY\tACTIVE\t"주문 ""상태""\n두 줄"\nnote\tTEXT\t메모\t\t\t');
  await dialog.getByRole("button", { name: "Add 2 columns" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("tab", { name: "Columns (6)" })).toBeVisible();
  const added = (
    await db.query("SELECT pg_column, label, is_required, pg_constraints->>'default' AS default, COALESCE(help_text, '') AS help_text FROM _metadata.mappings_column WHERE pg_column IN ('status','note') ORDER BY sort_order")
  ).rows;
  expect(added).toEqual([
    { pg_column: "status", label: "상태", is_required: true, default: "'ACTIVE'", help_text: '주문 "상태"\n두 줄' },
    { pg_column: "note", label: "메모", is_required: false, default: null, help_text: "" },
  ]);
});

test("the field finder shows and jumps to a hidden group's field; widths, hidden and pinned columns persist", async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(`tables/${tableId}`);
  // Full width: the grid is wider than the old 1,280 px page cap allowed.
  expect((await page.getByRole("grid", { name: "Columns" }).boundingBox())!.width).toBeGreaterThan(1300);

  await page.getByRole("searchbox", { name: "Find a field" }).fill("valid");
  await page.getByRole("button", { name: /^Validation rules/ }).click();
  await expect(page.getByRole("checkbox", { name: "Validation" })).toBeChecked();
  await expect(cell(page, "email", "validation_rules")).toBeFocused();
  await expect(cell(page, "email", "validation_rules")).toBeInViewport();

  await page.getByRole("button", { name: "Layout of columns" }).click();
  const menu = page.getByRole("group", { name: "Layout of columns" });
  await menu.getByRole("checkbox", { name: "Show GraphQL resolver" }).uncheck();
  await menu.getByRole("checkbox", { name: "Pin Label" }).check();
  const width = menu.getByRole("spinbutton", { name: "Width of PostgreSQL type" });
  await width.fill("300");
  await width.press("Enter");
  await expect(page.getByRole("columnheader", { name: /GraphQL resolver/ })).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole("columnheader", { name: /GraphQL resolver/ })).toHaveCount(0);
  expect(Math.round((await page.getByRole("columnheader", { name: /PostgreSQL type/ }).boundingBox())!.width)).toBe(300);
  // Label is pinned: right after the first column, sticky at its left edge.
  const label = page.getByRole("columnheader", { name: /^Label/ });
  await expect(label).toHaveAttribute("data-sticky", "left");
  await expect(label).toHaveAttribute("data-c", "1");
  // The same layout in the other language (it was kept under the grid's translated name: Korean started afresh).
  await page.getByRole("combobox", { name: "Language" }).selectOption("ko");
  await expect(page.getByRole("columnheader", { name: /^PostgreSQL 타입/ })).toBeVisible();
  await expect(page.getByRole("columnheader", { name: /GraphQL 리졸버/ })).toHaveCount(0);
  expect(Math.round((await page.getByRole("columnheader", { name: /^PostgreSQL 타입/ }).boundingBox())!.width)).toBe(300);
  await expect(page.getByRole("columnheader", { name: /^라벨/ })).toHaveAttribute("data-sticky", "left");
  await page.getByRole("combobox", { name: "언어" }).selectOption("en");
  await page.getByRole("button", { name: "Layout of columns" }).click();
  await page.getByRole("group", { name: "Layout of columns" }).getByRole("button", { name: "Reset layout" }).click();
  await expect(page.getByRole("columnheader", { name: /GraphQL resolver/ })).toHaveCount(1);
});

test("a column layout kept by an earlier version under the grid's English name is still read, and then in Korean too", async ({ page }) => {
  await page.goto(`tables/${tableId}`);
  await page.evaluate(() => {
    for (const key of Object.keys(localStorage)) if (key.startsWith("metadata-editor:grid-layout:")) localStorage.removeItem(key);
    localStorage.setItem("metadata-editor:grid-layout:Columns", JSON.stringify({ widths: {}, hidden: ["graphql_resolver"], pinned: null }));
  });
  await page.reload();
  await expect(page.getByRole("columnheader", { name: /^PostgreSQL type/ })).toBeVisible();
  await expect(page.getByRole("columnheader", { name: /GraphQL resolver/ })).toHaveCount(0);
  await page.getByRole("combobox", { name: "Language" }).selectOption("ko");
  await expect(page.getByRole("columnheader", { name: /^PostgreSQL 타입/ })).toBeVisible();
  await expect(page.getByRole("columnheader", { name: /GraphQL 리졸버/ })).toHaveCount(0);
  await page.getByRole("combobox", { name: "언어" }).selectOption("en");
  await page.getByRole("button", { name: "Layout of columns" }).click();
  await page.getByRole("group", { name: "Layout of columns" }).getByRole("button", { name: "Reset layout" }).click();
  await expect(page.getByRole("columnheader", { name: /GraphQL resolver/ })).toHaveCount(1);
});

test("structured editors: endpoint headers and retry, a column default typed ACTIVE, enum options from the grid", async ({ page }) => {
  // A retry starts without the endpoint its first try may have created.
  await db.query("DELETE FROM _metadata.mappings_api_endpoint WHERE endpoint_name = 'structured_api'");
  await page.goto("api-endpoints");
  await page.getByRole("button", { name: "New endpoint" }).first().click();
  const dialog = page.getByRole("dialog", { name: "New endpoint" });
  await dialog.getByRole("textbox", { name: "Endpoint name" }).fill("structured_api");
  await dialog.getByRole("textbox", { name: "Base URL" }).fill("https://api.example.com");
  await dialog.getByRole("button", { name: "Add header" }).click();
  await dialog.getByRole("textbox", { name: "Headers: name 1" }).fill("Accept");
  await dialog.getByRole("textbox", { name: "Headers: value 1" }).fill("application/json");
  await dialog.getByRole("textbox", { name: "Retry config: Max retries" }).fill("3");
  await dialog.getByRole("textbox", { name: "Retry config: Backoff" }).fill("exponential");
  await expect(dialog.getByRole("textbox", { name: "Retry config (JSON)" })).toHaveValue('{"maxRetries":3,"backoff":"exponential"}');
  await dialog.getByRole("button", { name: "Create endpoint" }).click();
  await expect(dialog).toBeHidden();
  const endpoint = (await db.query("SELECT headers, retry_config FROM _metadata.mappings_api_endpoint WHERE endpoint_name = 'structured_api'")).rows[0];
  expect(endpoint).toEqual({ headers: { Accept: "application/json" }, retry_config: { maxRetries: 3, backoff: "exponential" } });

  await page.goto(`tables/${tableId}`);
  await page.getByRole("button", { name: "Open details of nickname" }).click();
  const panel = page.getByRole("dialog", { name: "Column nickname" });
  // One editor for the constraints: no raw JSON box beside it.
  await expect(panel.getByRole("textbox", { name: "PG constraints (JSON)" })).toHaveCount(0);
  await panel.getByRole("checkbox", { name: "NOT NULL" }).check();
  await panel.getByRole("textbox", { name: "Default (constraint)" }).fill("ACTIVE");
  await expect(panel.getByText("Typed text is stored as a text constant")).toBeVisible();
  await panel.getByRole("button", { name: "Save" }).click();
  await expect(panel).toBeHidden();
  expect((await db.query("SELECT pg_constraints FROM _metadata.mappings_column WHERE id = $1", [ids.nickname])).rows[0].pg_constraints).toEqual({
    notNull: true,
    default: "'ACTIVE'",
  });

  // The grid's enum options cell opens the panel's structured editor.
  await page.getByRole("checkbox", { name: "Validation" }).check();
  await cell(page, "nickname", "enum_options").dblclick();
  const popover = page.getByRole("dialog", { name: /^Edit Enum options/ });
  await popover.getByRole("button", { name: "Add option" }).click();
  await popover.getByRole("textbox", { name: "Option 1 value" }).fill("NEW");
  await popover.getByRole("textbox", { name: "Option 1 label" }).fill("신규");
  await popover.getByRole("button", { name: "Save" }).click();
  await expect(popover).toBeHidden();
  expect((await db.query("SELECT enum_options FROM _metadata.mappings_column WHERE id = $1", [ids.nickname])).rows[0].enum_options).toEqual([
    { value: "NEW", label: "신규" },
  ]);
});

test("the column panel: a search box narrows it to the fields it finds; section links jump and focus", async ({ page }) => {
  await page.goto(`tables/${tableId}`);
  await page.getByRole("button", { name: "Open details of email" }).click();
  const panel = page.getByRole("dialog", { name: "Column email" });
  const pgType = panel.getByRole("combobox", { name: "PostgreSQL type", exact: true });
  await expect(pgType).toBeVisible();
  await panel.getByRole("searchbox", { name: "Find a field of this column" }).fill("valid");
  await expect(panel.getByRole("textbox", { name: "Validation rules (JSON)" })).toBeVisible();
  await expect(pgType).toBeHidden();
  // Enter in the search box does not save the panel.
  await panel.getByRole("searchbox", { name: "Find a field of this column" }).press("Enter");
  await expect(panel).toBeVisible();
  await panel.getByRole("searchbox", { name: "Find a field of this column" }).fill("");
  await expect(pgType).toBeVisible();
  const sections = panel.getByRole("navigation", { name: "Sections" });
  await sections.getByRole("button", { name: "Help" }).click();
  // The section's first field (Placeholder) takes the focus, in view.
  await expect(panel.getByRole("textbox", { name: "Placeholder" })).toBeFocused();
  await expect(panel.getByRole("textbox", { name: "Placeholder" })).toBeInViewport();
  await sections.getByRole("button", { name: "Database" }).click();
  await expect(panel.getByRole("textbox", { name: "Column name", exact: true })).toBeInViewport();
});

test.describe("in Korean", () => {
  test.use(koreanBrowser);
  test("the field finder, the layout menu, Paste rows and a paste's status speak Korean", async ({ page }) => {
    await page.goto(`tables/${tableId}`);
    await page.getByRole("searchbox", { name: "필드 찾기" }).fill("검증");
    await expect(page.getByRole("list", { name: "찾은 필드" }).getByRole("button", { name: /^검증 규칙/ })).toBeVisible();
    await page.getByRole("searchbox", { name: "필드 찾기" }).fill("");
    await page.getByRole("button", { name: "컬럼 열 배치" }).click();
    await expect(page.getByRole("group", { name: "컬럼 열 배치" }).getByRole("button", { name: "배치 초기화" })).toBeVisible();
    await page.getByRole("button", { name: "컬럼 열 배치" }).click();

    await page.getByRole("button", { name: "행 붙여넣기" }).click();
    const dialog = page.getByRole("dialog", { name: "컬럼 붙여넣기" });
    await dialog.getByRole("textbox", { name: "추가할 행" }).fill("a_b\tTEXT\na_b\tTEXT");
    await expect(dialog.getByRole("alert")).toContainText("2번째 줄 (a_b): “a_b”은(는) 1번째 줄에도 있습니다");
    await dialog.getByRole("button", { name: "취소" }).click();

    // A one-cell paste of the value the cell already holds: nothing to change, said in Korean.
    const current = (await db.query("SELECT label FROM _metadata.mappings_column WHERE id = $1", [ids.age])).rows[0].label as string;
    await page.evaluate((text) => navigator.clipboard.writeText(text), current);
    await cell(page, "age", "label").click();
    await page.keyboard.press("ControlOrMeta+v");
    await expect(page.getByRole("status").filter({ hasText: "붙여넣기: 바뀌는 것이 없습니다." })).toBeVisible();
  });
});
