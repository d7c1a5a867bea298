import { expect, test, type Page } from "@playwright/test";
import type pg from "pg";
import { e2eClient, freshEditor } from "./db";

// One journey: each test builds on the previous one's rows, so a failure skips the rest.
test.describe.configure({ mode: "serial" });

const AUTH = '{"type": "Bearer", "tokenField": "access_token", "refreshUrl": "/oauth/token"}';
const RATE = '{"maxRequests": 100, "windowMs": 60000}';
const RETRY = '{"maxRetries": 3, "backoff": "exponential", "initialDelay": 1000}';

let db: pg.Client;
let usersId: string;
test.beforeAll(async () => {
  db = await e2eClient();
  await freshEditor(db);
  await db.query("DELETE FROM _metadata.mappings_api_endpoint");
  usersId = (
    await db.query<{ id: string }>("INSERT INTO _metadata.mappings_table (table_name, label, graphql_type) VALUES ('github_users', 'GitHub 사용자', 'GithubUser') RETURNING id")
  ).rows[0].id;
  await db.query(
    "INSERT INTO _metadata.mappings_column (table_id, schema_name, table_name, pg_column, pg_type, label, sort_order) VALUES ($1, 'public', 'github_users', 'login', 'TEXT', 'Login', 1)",
    [usersId],
  );
});
test.afterAll(async () => {
  await db.end();
});

const endpoints = async () =>
  (
    await db.query(
      `SELECT endpoint_name, base_url, method::text AS method, headers, auth_config, rate_limit_config, timeout_ms, retry_config,
              cache_config, request_mapping, response_mapping, description, is_active
         FROM _metadata.mappings_api_endpoint ORDER BY endpoint_name`,
    )
  ).rows;
const endpointId = async (name: string) =>
  (await db.query<{ id: string }>("SELECT id FROM _metadata.mappings_api_endpoint WHERE endpoint_name = $1", [name])).rows[0]?.id;

async function openNewDialog(page: Page) {
  await page.getByRole("button", { name: "New endpoint" }).first().click();
  return page.getByRole("dialog", { name: "New endpoint" });
}

async function editCell(page: Page, testId: string, text: string) {
  await page.getByTestId(testId).click();
  await page.keyboard.press("Enter");
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.type(text);
  await page.keyboard.press("Enter");
}

test("create an endpoint through the New endpoint dialog; the row holds exactly what was entered", async ({ page }) => {
  await page.goto("./");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "API endpoints" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "API endpoints" })).toBeVisible();
  const dialog = await openNewDialog(page);
  await dialog.getByRole("textbox", { name: "Endpoint name" }).fill("github_user_api");
  await dialog.getByRole("textbox", { name: "Base URL" }).fill("https://api.github.com");
  await expect(dialog.getByRole("combobox", { name: "Method" })).toHaveValue("GET");
  await expect(dialog.getByRole("textbox", { name: "Timeout (ms)" })).toHaveValue("30000");
  await expect(dialog.getByRole("checkbox", { name: "Active" })).toBeChecked();
  // The seed's examples are the hints of their fields.
  await expect(dialog.getByText(`e.g. ${AUTH}`)).toBeVisible();
  await expect(dialog.getByText(`e.g. ${RATE}`)).toBeVisible();
  await expect(dialog.getByText(`e.g. ${RETRY}`)).toBeVisible();
  await dialog.getByRole("textbox", { name: "Headers (JSON)" }).fill('{"Accept": "application/vnd.github+json"}');
  await dialog.getByRole("textbox", { name: "Auth config (JSON)" }).fill(AUTH);
  await dialog.getByRole("textbox", { name: "Rate limit config (JSON)" }).fill(RATE);
  await dialog.getByRole("textbox", { name: "Retry config (JSON)" }).fill(RETRY);
  await dialog.getByRole("textbox", { name: "Response mapping (JSON)" }).fill('[{"from": "login", "to": "username"}]');
  await dialog.getByRole("textbox", { name: "Description" }).fill("GitHub 사용자 조회");
  await dialog.getByRole("button", { name: "Create endpoint" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("grid", { name: "API endpoints" })).toContainText("github_user_api");

  expect(await endpoints()).toEqual([
    {
      endpoint_name: "github_user_api",
      base_url: "https://api.github.com",
      method: "GET",
      headers: { Accept: "application/vnd.github+json" },
      auth_config: JSON.parse(AUTH),
      rate_limit_config: JSON.parse(RATE),
      timeout_ms: 30000,
      retry_config: JSON.parse(RETRY),
      cache_config: null,
      request_mapping: null,
      response_mapping: [{ from: "login", to: "username" }],
      description: "GitHub 사용자 조회",
      is_active: true,
    },
  ]);
});

test("bad URL and malformed JSON get a field error each, and nothing is saved", async ({ page }) => {
  const before = await endpoints();
  await page.goto("api-endpoints");
  const dialog = await openNewDialog(page);
  await dialog.getByRole("textbox", { name: "Endpoint name" }).fill("weather_api");
  await dialog.getByRole("textbox", { name: "Base URL" }).fill("api.weather.example");
  await dialog.getByRole("button", { name: "Create endpoint" }).click();
  await expect(dialog.getByText("Not a URL: write it in full, e.g. https://api.github.com")).toBeVisible();
  await expect(dialog.getByRole("textbox", { name: "Base URL" })).toHaveAttribute("aria-invalid", "true");

  await dialog.getByRole("textbox", { name: "Base URL" }).fill("https://api.weather.example");
  await dialog.getByRole("textbox", { name: "Rate limit config (JSON)" }).fill('{"maxRequests": 100, ');
  await dialog.getByRole("button", { name: "Create endpoint" }).click();
  await expect(dialog.getByText(/^Not valid JSON: /)).toBeVisible();

  await dialog.getByRole("textbox", { name: "Rate limit config (JSON)" }).fill('{"maxRequests": 0, "windowMs": 60000}');
  await dialog.getByRole("button", { name: "Create endpoint" }).click();
  await expect(dialog.getByText("maxRequests: a positive whole number.")).toBeVisible();

  // A taken name is refused by the server, on the name's field.
  await dialog.getByRole("textbox", { name: "Rate limit config (JSON)" }).fill("");
  await dialog.getByRole("textbox", { name: "Endpoint name" }).fill("github_user_api");
  await dialog.getByRole("button", { name: "Create endpoint" }).click();
  await expect(dialog.getByText("An endpoint named github_user_api already exists.").first()).toBeVisible();
  // What was typed is not thrown away without asking.
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await dialog.getByRole("alertdialog", { name: "Unsaved changes" }).getByRole("button", { name: "Discard" }).click();
  await expect(dialog).toBeHidden();
  expect(await endpoints()).toEqual(before);

  // The same checks guard a cell: the typed value stays, with the reason on the cell.
  const id = await endpointId("github_user_api");
  await editCell(page, `cell-${id}-base_url`, "not a url");
  await expect(page.getByTestId(`cell-${id}-base_url`).getByRole("alert")).toHaveText("Not a URL: write it in full, e.g. https://api.github.com");
  await page.keyboard.press("Escape");
  await expect(page.getByTestId(`cell-${id}-base_url`)).toHaveText("https://api.github.com");
  expect(await endpoints()).toEqual(before);
});

test("edit cells in the grid: timeout, method, active and description are saved", async ({ page }) => {
  const id = await endpointId("github_user_api");
  await page.goto("api-endpoints");
  await editCell(page, `cell-${id}-timeout_ms`, "5000");
  await expect(page.getByTestId(`cell-${id}-timeout_ms`)).toHaveText("5000");

  await page.getByTestId(`cell-${id}-method`).dblclick();
  const method = page.getByRole("combobox", { name: `Method for ${id}` });
  await method.selectOption("POST");
  await method.press("Enter");
  await expect(page.getByTestId(`cell-${id}-method`)).toHaveText("POST");

  await page.getByTestId(`cell-${id}-is_active`).click();
  await page.keyboard.press("Space");
  await expect(page.getByTestId(`cell-${id}-is_active`).getByRole("img")).toHaveAccessibleName("No");

  await editCell(page, `cell-${id}-description`, "GitHub users");
  await expect(page.getByTestId(`cell-${id}-description`)).toHaveText("GitHub users");

  await expect
    .poll(async () => (await db.query("SELECT timeout_ms, method::text AS method, is_active, description FROM _metadata.mappings_api_endpoint WHERE id = $1", [id])).rows[0])
    .toEqual({ timeout_ms: 5000, method: "POST", is_active: false, description: "GitHub users" });

  await page.getByRole("searchbox", { name: "Filter endpoints" }).fill("weather");
  await expect(page.getByText("No rows match “weather”.")).toBeVisible();
  await page.getByRole("searchbox", { name: "Filter endpoints" }).fill("github");
  await expect(page.getByTestId(`cell-${id}-endpoint_name`)).toBeVisible();
});

test("the details form: every field, a change by someone else is shown before anything is overwritten", async ({ page }) => {
  const id = await endpointId("github_user_api");
  await page.goto("api-endpoints");
  await page.getByRole("button", { name: "Open github_user_api" }).click();
  const details = page.getByRole("dialog", { name: "Endpoint github_user_api" });
  // JSONB keeps its own key order: compare values, not text.
  const auth = details.getByRole("textbox", { name: "Auth config (JSON)" });
  await expect(auth).toHaveValue(/"tokenField": "access_token"/);
  expect(JSON.parse(await auth.inputValue())).toEqual(JSON.parse(AUTH));

  await details.getByRole("textbox", { name: "Cache config (JSON)" }).fill("[1, 2");
  await details.getByRole("button", { name: "Save" }).click();
  await expect(details.getByText(/^Not valid JSON: /)).toBeVisible();
  expect((await db.query("SELECT cache_config FROM _metadata.mappings_api_endpoint WHERE id = $1", [id])).rows[0].cache_config).toBeNull();

  // Someone else changes the endpoint meanwhile (as psql would).
  await db.query("UPDATE _metadata.mappings_api_endpoint SET timeout_ms = 7000 WHERE id = $1", [id]);
  await details.getByRole("textbox", { name: "Cache config (JSON)" }).fill('{"ttlMs": 60000}');
  await details.getByRole("textbox", { name: "Timeout (ms)" }).fill("9000");
  await details.getByRole("button", { name: "Save" }).click();
  const conflict = page.getByRole("dialog", { name: "Changed by someone else" });
  await expect(conflict).toContainText("7000");
  await expect(conflict).toContainText("9000");
  expect((await db.query("SELECT timeout_ms FROM _metadata.mappings_api_endpoint WHERE id = $1", [id])).rows[0].timeout_ms).toBe(7000);
  await conflict.getByRole("button", { name: "Overwrite with mine" }).click();
  await expect(details).toBeHidden();
  await expect(page.getByTestId(`cell-${id}-timeout_ms`)).toHaveText("9000");
  expect((await db.query("SELECT timeout_ms, cache_config FROM _metadata.mappings_api_endpoint WHERE id = $1", [id])).rows[0]).toEqual({
    timeout_ms: 9000,
    cache_config: { ttlMs: 60000 },
  });
});

test("a column's panel offers the defined endpoints for its api_* fields", async ({ page }) => {
  await page.goto(`tables/${usersId}`);
  await page.getByRole("button", { name: "Open details of login" }).click();
  const panel = page.getByRole("dialog", { name: "Column login" });
  const sourcePath = panel.getByRole("combobox", { name: "API source path" });
  await expect(sourcePath).toHaveAttribute("list", "endpoint-names");
  await expect(page.locator('datalist#endpoint-names option[value="github_user_api"]')).toHaveCount(1);
  await sourcePath.fill("github_user_api");
  await panel.getByRole("combobox", { name: "Add endpoint" }).selectOption("github_user_api");
  await expect(panel.getByRole("textbox", { name: "API endpoints (JSON)" })).toHaveValue('["github_user_api"]');
  await panel.getByRole("button", { name: "Save" }).click();
  await expect(panel).toBeHidden();
  expect((await db.query("SELECT api_source_path, api_endpoints FROM _metadata.mappings_column WHERE pg_column = 'login'")).rows[0]).toEqual({
    api_source_path: "github_user_api",
    api_endpoints: ["github_user_api"],
  });
});

test("Delete asks first, then removes the endpoint", async ({ page }) => {
  await page.goto("api-endpoints");
  await page.getByRole("button", { name: "Delete github_user_api" }).click();
  const confirm = page.getByRole("dialog", { name: "Delete endpoint github_user_api?" });
  await confirm.getByRole("button", { name: "Cancel" }).click();
  expect(await endpoints()).toHaveLength(1);
  await page.getByRole("button", { name: "Delete github_user_api" }).click();
  await confirm.getByRole("button", { name: "Delete" }).click();
  await expect(confirm).toBeHidden();
  await expect(page.getByText(/^No endpoints yet/)).toBeVisible();
  expect(await endpoints()).toEqual([]);
});
