import { expect, test, type Page } from "@playwright/test";
import type pg from "pg";
import { e2eClient, freshEditor } from "./db";

// One journey: each test builds on the previous one's rows, so a failure skips the rest.
test.describe.configure({ mode: "serial" });

let db: pg.Client;
test.beforeAll(async () => {
  db = await e2eClient();
  await freshEditor(db);
});
test.afterAll(async () => {
  await db.end();
});

async function newTable(page: Page, name: string, label: string) {
  await page.goto("tables");
  await page.getByRole("button", { name: "New table" }).first().click();
  const dialog = page.getByRole("dialog", { name: "New table" });
  await dialog.getByRole("textbox", { name: "Table name" }).fill(name);
  await dialog.getByRole("textbox", { name: "Label", exact: true }).fill(label);
  await dialog.getByRole("button", { name: "Create table" }).click();
  await expect(page).toHaveURL(/\/tables\/\d+$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(label);
}

async function addColumn(page: Page, name: string, type: string, extra?: (dialog: ReturnType<Page["getByRole"]>) => Promise<void>) {
  await page.getByRole("button", { name: "Add column" }).first().click();
  const dialog = page.getByRole("dialog", { name: "Add column" });
  await dialog.getByRole("textbox", { name: "Column name" }).fill(name);
  await dialog.getByRole("combobox", { name: "PostgreSQL type" }).fill(type);
  if (extra) await extra(dialog);
  await dialog.getByRole("button", { name: "Add", exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("grid", { name: "Columns" })).toContainText(name);
}

const tableId = async (name: string) =>
  (await db.query<{ id: string }>("SELECT id FROM _metadata.mappings_table WHERE table_name = $1", [name])).rows[0]?.id;

test("create users and posts with columns and a relation; the rows hold exactly that", async ({ page }) => {
  await newTable(page, "users", "사용자");
  await addColumn(page, "id", "BIGSERIAL");
  await addColumn(page, "email", "VARCHAR(255)", async (dialog) => {
    await expect(dialog.getByRole("combobox", { name: "Form type" })).toHaveValue("email");
    await dialog.getByRole("checkbox", { name: "Required" }).check();
    await dialog.getByRole("checkbox", { name: "Unique" }).check();
  });
  await addColumn(page, "name", "VARCHAR(100)");

  await newTable(page, "posts", "게시글");
  await addColumn(page, "user_id", "BIGINT");
  await page.getByRole("tab", { name: /Relations/ }).click();
  await page.getByRole("button", { name: "New relation" }).click();
  const dialog = page.getByRole("dialog", { name: "New relation" });
  await dialog.getByRole("combobox", { name: "From column" }).selectOption("user_id");
  await dialog.getByRole("combobox", { name: "To table" }).selectOption({ label: "users" });
  await expect(dialog.getByRole("combobox", { name: "To column" })).toHaveValue("id");
  await dialog.getByRole("combobox", { name: "Relation type" }).selectOption("ManyToOne");
  // posts already has user_id: the wizard uses it rather than offering a new column.
  await expect(dialog.getByRole("checkbox", { name: "Create the foreign-key column" })).not.toBeChecked();
  await dialog.getByRole("checkbox", { name: "Create the reverse relation" }).uncheck();
  await dialog.getByRole("textbox", { name: "GraphQL field" }).fill("author");
  await dialog.getByRole("button", { name: "Create relation" }).click();
  await expect(page.getByRole("grid", { name: "Outgoing relations" })).toContainText("users.id");

  const users = await db.query("SELECT * FROM _metadata.mappings_table WHERE table_name = 'users'");
  expect(users.rows[0]).toMatchObject({ schema_name: "public", label: "사용자", graphql_type: "User", primary_key: "id" });
  const columns = await db.query(
    "SELECT table_name, pg_column, pg_type, graphql_field, graphql_type, form_type, is_required, is_unique, sort_order FROM _metadata.mappings_column ORDER BY table_name, sort_order",
  );
  expect(columns.rows).toEqual([
    { table_name: "posts", pg_column: "user_id", pg_type: "BIGINT", graphql_field: "userId", graphql_type: "ID", form_type: "number", is_required: false, is_unique: false, sort_order: 1 },
    { table_name: "users", pg_column: "id", pg_type: "BIGSERIAL", graphql_field: "id", graphql_type: "ID", form_type: "hidden", is_required: true, is_unique: false, sort_order: 1 },
    { table_name: "users", pg_column: "email", pg_type: "VARCHAR(255)", graphql_field: "email", graphql_type: "String", form_type: "email", is_required: true, is_unique: true, sort_order: 2 },
    { table_name: "users", pg_column: "name", pg_type: "VARCHAR(100)", graphql_field: "name", graphql_type: "String", form_type: "text", is_required: false, is_unique: false, sort_order: 3 },
  ]);
  const relation = await db.query("SELECT * FROM _metadata.mappings_relation");
  expect(relation.rows).toHaveLength(1);
  expect(relation.rows[0]).toMatchObject({
    from_table_id: await tableId("posts"),
    to_table_id: await tableId("users"),
    from_schema: "public",
    from_table: "posts",
    from_column: "user_id",
    to_schema: "public",
    to_table: "users",
    to_column: "id",
    relation_type: "ManyToOne",
    graphql_field: "author",
  });
});

test("renaming users to members in the grid leaves no orphan; deleting posts says what goes with it", async ({ page }) => {
  const usersId = await tableId("users");
  await page.goto("tables");
  const cell = page.getByTestId(`cell-${usersId}-table_name`);
  await cell.click();
  await page.keyboard.press("Enter");
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.type("members");
  await page.keyboard.press("Enter");
  await expect(cell).toHaveText("members");
  const orphans = await db.query(
    `SELECT (SELECT count(*) FROM _metadata.mappings_column WHERE table_name = 'users')::int AS columns,
            (SELECT count(*) FROM _metadata.mappings_relation WHERE from_table = 'users' OR to_table = 'users')::int AS relations,
            (SELECT count(*) FROM _metadata.mappings_column WHERE table_name = 'members')::int AS renamed,
            (SELECT to_table FROM _metadata.mappings_relation LIMIT 1) AS to_table`,
  );
  expect(orphans.rows[0]).toEqual({ columns: 0, relations: 0, renamed: 3, to_table: "members" });

  await page.getByRole("button", { name: "Delete posts" }).click();
  const confirm = page.getByRole("dialog", { name: "Delete table posts?" });
  await expect(confirm).toContainText("1 column");
  await expect(confirm).toContainText("1 relation");
  await confirm.getByRole("button", { name: "Delete" }).click();
  await expect(page.getByRole("grid", { name: "Tables" })).not.toContainText("posts");
  const left = await db.query(
    `SELECT (SELECT count(*) FROM _metadata.mappings_column WHERE table_name = 'posts')::int AS columns,
            (SELECT count(*) FROM _metadata.mappings_relation)::int AS relations`,
  );
  expect(left.rows[0]).toEqual({ columns: 0, relations: 0 });
});

test("bad input gets a field error each, and nothing is saved", async ({ page }) => {
  const before = (await db.query("SELECT count(*)::int AS n FROM _metadata.mappings_table")).rows[0].n;
  await page.goto("tables");
  await page.getByRole("button", { name: "New table" }).first().click();
  const dialog = page.getByRole("dialog", { name: "New table" });
  await dialog.getByRole("textbox", { name: "Table name" }).fill("Bad Name");
  await dialog.getByRole("textbox", { name: "Label", exact: true }).fill("x");
  await dialog.getByRole("button", { name: "Create table" }).click();
  await expect(dialog.getByText(/Use letters, digits and underscores/)).toBeVisible();
  await dialog.getByRole("textbox", { name: "Table name" }).fill("members");
  await dialog.getByRole("button", { name: "Create table" }).click();
  await expect(dialog.getByText("A table public.members already exists.").first()).toBeVisible();
  await dialog.getByRole("button", { name: "Cancel" }).click();
  expect((await db.query("SELECT count(*)::int AS n FROM _metadata.mappings_table")).rows[0].n).toBe(before);

  await page.goto(`tables/${await tableId("members")}`);
  await page.getByRole("button", { name: "Add column" }).first().click();
  const add = page.getByRole("dialog", { name: "Add column" });
  await add.getByRole("textbox", { name: "Column name" }).fill("age");
  await add.getByRole("combobox", { name: "PostgreSQL type" }).fill("VARCHR(255)");
  await add.getByRole("button", { name: "Add", exact: true }).click();
  await expect(add.getByText('PostgreSQL does not know the type "VARCHR(255)".').first()).toBeVisible();
  await add.getByRole("textbox", { name: "Column name" }).fill("email");
  await add.getByRole("combobox", { name: "PostgreSQL type" }).fill("TEXT");
  await add.getByRole("button", { name: "Add", exact: true }).click();
  await expect(add.getByText(/already has a column "email"/).first()).toBeVisible();
  await add.getByRole("button", { name: "Cancel" }).click();
  expect((await db.query("SELECT count(*)::int AS n FROM _metadata.mappings_column WHERE pg_column IN ('age')")).rows[0].n).toBe(0);
});

test("two browsers edit the same column: the second sees a conflict with both values; nothing is lost", async ({ browser }) => {
  const membersId = await tableId("members");
  const emailId = (await db.query("SELECT id FROM _metadata.mappings_column WHERE pg_column = 'email'")).rows[0].id;
  const [a, b] = [await browser.newPage(), await browser.newPage()];
  const base = test.info().project.use.baseURL!;
  await a.goto(`${base}tables/${membersId}`);
  await b.goto(`${base}tables/${membersId}`);

  const edit = async (page: Page, text: string) => {
    await page.getByTestId(`cell-${emailId}-label`).dblclick();
    await page.keyboard.press("ControlOrMeta+a");
    await page.keyboard.type(text);
    await page.keyboard.press("Enter");
  };
  await edit(a, "E-mail (A)");
  await expect(a.getByTestId(`cell-${emailId}-label`)).toHaveText("E-mail (A)");
  await edit(b, "E-mail (B)");
  const conflict = b.getByRole("dialog", { name: "Changed by someone else" });
  await expect(conflict).toContainText("E-mail (A)");
  await expect(conflict).toContainText("E-mail (B)");
  expect((await db.query("SELECT label FROM _metadata.mappings_column WHERE id = $1", [emailId])).rows[0].label).toBe("E-mail (A)");
  await conflict.getByRole("button", { name: "Overwrite with mine" }).click();
  await expect(b.getByTestId(`cell-${emailId}-label`)).toHaveText("E-mail (B)");
  expect((await db.query("SELECT label FROM _metadata.mappings_column WHERE id = $1", [emailId])).rows[0].label).toBe("E-mail (B)");
  await a.close();
  await b.close();
});
