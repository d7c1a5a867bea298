import { expect, test } from "@playwright/test";
import type pg from "pg";
import { e2eClient } from "./db";
import { smallModel } from "./model";

test.describe.configure({ mode: "serial" });

let db: pg.Client;
let usersId: string;
let emailId: string;
let nameId: string;

test.beforeAll(async () => {
  db = await e2eClient();
  ({ usersId, emailId, nameId } = await smallModel(db));
});
test.afterAll(async () => {
  await db.end();
});

test("Code and Form preview follow a label changed in the grid", async ({ page }) => {
  await page.goto(`tables/${usersId}`);
  await page.getByRole("tab", { name: "Code" }).click();
  const sdl = page.getByLabel("Generated GraphQL SDL");
  await expect(sdl).toContainText("type User {");
  await expect(sdl).toContainText("email: String!");
  await expect(sdl).toContainText("posts: [Post!]!");
  await expect(sdl).toContainText("author: User");
  await page.getByRole("tab", { name: "zod" }).click();
  await expect(page.getByLabel("Generated zod")).toContainText("이메일은(는) 올바른 이메일 주소여야 합니다.");

  await page.getByRole("tab", { name: "Form preview" }).click();
  const form = page.getByRole("form", { name: "사용자 form preview" });
  await expect(form.getByRole("textbox")).toHaveCount(2);
  await expect(form.locator("label")).toHaveText(["이메일*", "이름"]);
  await form.getByLabel("이메일").fill("not-an-email");
  await form.getByRole("button", { name: "Validate" }).click();
  await expect(form.getByRole("alert")).toHaveText("이메일은(는) 올바른 이메일 주소여야 합니다.");
  await form.getByLabel("이메일").fill("");
  await form.getByRole("button", { name: "Validate" }).click();
  await expect(form.getByRole("alert")).toHaveText("이메일은(는) 필수 항목입니다.");
  await form.getByLabel("이메일").fill("kim@example.com");
  await form.getByRole("button", { name: "Validate" }).click();
  await expect(form.getByText("Valid: these values pass the generated validation.")).toBeVisible();

  await page.getByRole("tab", { name: /^Columns/ }).click();
  const cell = page.getByTestId(`cell-${emailId}-label`);
  await cell.dblclick();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.type("전자우편");
  await page.keyboard.press("Enter");
  await expect(cell).toHaveText("전자우편");
  await expect.poll(async () => (await db.query("SELECT label FROM _metadata.mappings_column WHERE id = $1", [emailId])).rows[0].label).toBe("전자우편");

  await page.getByRole("tab", { name: "Code" }).click();
  await expect(page.getByLabel("Generated GraphQL SDL")).toContainText(/"""\s*전자우편\s*"""\s*email: String!/);
  await page.getByRole("tab", { name: "Form component" }).click();
  await expect(page.getByLabel("Generated Form component")).toContainText('{"전자우편"}');
  await page.getByRole("tab", { name: "Form preview" }).click();
  const changed = page.getByRole("form", { name: "사용자 form preview" });
  await expect(changed.locator("label").first()).toHaveText("전자우편*");
  await changed.getByLabel("전자우편").fill("nope");
  await changed.getByRole("button", { name: "Validate" }).click();
  await expect(changed.getByRole("alert")).toHaveText("전자우편은(는) 올바른 이메일 주소여야 합니다.");
});

test("a form of 300 fields is drawn as it scrolls: typed values survive scrolling, Validate shows the first invalid field", async ({ page }) => {
  const wideId = (
    await db.query<{ id: string }>("INSERT INTO _metadata.mappings_table (table_name, graphql_type, label, primary_key) VALUES ('wide', 'Wide', '넓은 표', 'field_1') RETURNING id")
  ).rows[0].id;
  await db.query(
    `INSERT INTO _metadata.mappings_column (table_id, schema_name, table_name, pg_column, pg_type, label, form_type, is_required, sort_order)
     SELECT t.id, t.schema_name, t.table_name, format('field_%s', i), 'VARCHAR(20)', format('Field %s', i), 'text', i = 250, i
       FROM _metadata.mappings_table t CROSS JOIN generate_series(1, 300) i WHERE t.id = $1`,
    [wideId],
  );
  await page.goto(`tables/${wideId}`);
  await page.getByRole("tab", { name: "Form preview" }).click();
  const form = page.getByRole("form", { name: "넓은 표 form preview" });
  // A label reads "Field 1*" when the field is required.
  const field = (n: number) => form.getByLabel(new RegExp(`^Field ${n}\\*?$`));
  await expect(form).toContainText("300 fields: they are drawn as you scroll.");
  await expect(field(1)).toBeVisible();
  const drawn = await form.getByRole("textbox").count();
  expect(drawn).toBeGreaterThan(3);
  expect(drawn).toBeLessThan(60);
  await field(1).fill("kept");

  // Field 250 is required and empty: Validate brings it into view with its message, focused.
  await form.getByRole("button", { name: "Validate" }).click();
  const required = field(250);
  await expect(required).toBeFocused();
  await expect(form.getByRole("alert")).toContainText("Field 250");
  await expect(field(1)).toHaveCount(0);
  await required.fill("here");

  await form.getByTestId("virtual-fields").evaluate((el) => el.scrollTo(0, 0));
  await expect(field(1)).toHaveValue("kept");
  await form.getByRole("button", { name: "Validate" }).click();
  const valid = form.getByText("Valid: these values pass the generated validation.");
  await expect(valid).toBeVisible();
  await expect(page.getByLabel("Valid values")).toContainText('"field1": "kept"');
  await expect(page.getByLabel("Valid values")).toContainText('"field250": "here"');
});

test("a problem is listed with a link to its cell; the project downloads as a zip", async ({ page, request }) => {
  await db.query("UPDATE _metadata.mappings_column SET graphql_type = 'Strng' WHERE id = $1", [nameId]);
  await page.goto(`tables/${usersId}?tab=Code`);
  const problems = page.getByRole("status").filter({ hasText: "left out of the generated code" });
  await expect(problems).toContainText('Unknown graphql_type "Strng"');
  await expect(page.getByLabel("Generated GraphQL SDL")).not.toContainText(/\bname: String @auth/);
  await problems.getByRole("link", { name: "users: name.graphql_type" }).click();
  await expect(page).toHaveURL(new RegExp(`tables/${usersId}\\?tab=Columns&column=${nameId}&field=graphql_type`));
  await expect(page.getByRole("tab", { name: /^Columns/ })).toHaveAttribute("aria-selected", "true");
  await expect(page.getByTestId(`cell-${nameId}-graphql_type`)).toHaveText("Strng");
  await expect(page.getByTestId(`cell-${nameId}-graphql_type`)).toBeFocused();

  // A field of a group the grid hides by default: the link shows the group and focuses the cell.
  await db.query(`UPDATE _metadata.mappings_column SET validation_rules = '{"pattern": "("}' WHERE id = $1`, [emailId]);
  await page.goto(`tables/${usersId}?tab=Code`);
  await problems.getByRole("link", { name: "users: email.validation_rules" }).click();
  await expect(page.getByRole("checkbox", { name: "Validation" })).toBeChecked();
  await expect(page.getByTestId(`cell-${emailId}-validation_rules`)).toBeFocused();
  await db.query("UPDATE _metadata.mappings_column SET validation_rules = NULL WHERE id = $1", [emailId]);

  // A table's field: its Settings input.
  await db.query("UPDATE _metadata.mappings_table SET primary_key = 'nope' WHERE id = $1", [usersId]);
  await page.goto(`tables/${usersId}?tab=Code`);
  await problems.getByRole("link", { name: "users: primary_key" }).click();
  await expect(page.getByRole("tab", { name: "Settings" })).toHaveAttribute("aria-selected", "true");
  await expect(page.getByLabel("Primary key")).toBeFocused();
  await db.query("UPDATE _metadata.mappings_table SET primary_key = 'id' WHERE id = $1", [usersId]);

  const zip = await request.get("tools/generated");
  expect(zip.status()).toBe(200);
  expect(zip.headers()["content-type"]).toBe("application/zip");
  const body = await zip.body();
  expect(body.subarray(0, 2).toString()).toBe("PK");
  for (const name of ["schema.graphql", "types.ts", "zod.ts", "forms/UserForm.tsx", "forms/PostForm.tsx"]) expect(body.includes(Buffer.from(name))).toBe(true);
});
