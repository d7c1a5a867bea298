import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import type pg from "pg";
import { PEER } from "../playwright.config";
import { e2eClient, freshEditor } from "./db";

// Issue 7, defects 2 and 6: DNS rebinding (foreign Host names, the access token) and the security headers.
let db: pg.Client;
let tableId: number;

test.beforeAll(async () => {
  db = await e2eClient();
  await freshEditor(db);
  tableId = (
    await db.query<{ id: number }>("INSERT INTO _metadata.mappings_table (table_name, label) VALUES ('orders', 'Orders') RETURNING id")
  ).rows[0].id;
});
test.afterAll(async () => {
  await freshEditor(db);
  await db.end();
});

const schemaExists = async () =>
  (await db.query("SELECT 1 FROM pg_namespace WHERE nspname = '_metadata'")).rowCount === 1;

/** The id Next gave the Tools page's reset action in this build: the request a rebinding page would send. */
function resetActionId(): string {
  const manifest = JSON.parse(readFileSync(path.join(".next", "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { exportedName?: string; filename?: string }>;
  };
  const found = Object.entries(manifest.node).find(([, a]) => a.exportedName === "resetAction");
  if (!found) throw new Error("resetAction is not in the build's server-reference manifest");
  return found[0];
}

test("a foreign Host name is refused before any route or action: no backup, no reset", async ({ request, baseURL }) => {
  const evil = `rebind.evil.example:${new URL(baseURL!).port}`;
  // "" is the editor's root without its trailing slash (with one, Next first redirects to it).
  for (const page of ["tools/backup", "tables", "tools", ""]) {
    const response = await request.get(`${baseURL}${page}`.replace(/\/$/, ""), { headers: { Host: evil }, maxRedirects: 0 });
    expect(response.status(), page).toBe(421);
    expect(await response.text()).not.toContain("orders");
  }
  const projectId = (await db.query<{ project_id: string }>("SELECT project_id FROM _metadata.project")).rows[0].project_id;
  const reset = await request.post(`${baseURL}tools`, {
    headers: { Host: evil, Origin: `http://${evil}`, "Next-Action": resetActionId(), "Content-Type": "text/plain;charset=UTF-8" },
    data: JSON.stringify([{ projectId }]),
    maxRedirects: 0,
  });
  expect(reset.status()).toBe(421);
  expect(await schemaExists()).toBe(true);

  // Under its own name the same backup request is served: the refusal is the Host's doing.
  const own = await request.get(`${baseURL}tools/backup`);
  expect(own.status()).toBe(200);
  expect(await own.text()).toContain('"orders"');
});

test("every page carries the security headers and runs under its CSP without a violation", async ({ page }) => {
  test.setTimeout(180_000);
  const violations: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" && /Content Security Policy|CSP violation|Refused to/i.test(m.text())) violations.push(m.text());
  });
  await page.addInitScript(() =>
    document.addEventListener("securitypolicyviolation", (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`)),
  );
  for (const route of ["", "tables", `tables/${tableId}`, "relations", "history", "api-endpoints", "project", "tools", "no-such-page"]) {
    const response = await page.goto(route);
    const headers = response!.headers();
    expect(headers["content-security-policy"], route).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(headers["x-frame-options"]).toBe("DENY");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("same-origin");
  }
  // The scripts run (hydrated): a client-side dialog opens.
  await page.goto("tables");
  await page.getByRole("button", { name: "New table" }).first().click();
  await expect(page.getByRole("dialog", { name: "New table" })).toBeVisible();
  expect(violations).toEqual([]);
});

test("another site cannot frame the Tools page (Reset is on it)", async ({ page, baseURL }) => {
  await page.setContent(`<iframe title="framed" src="${baseURL}tools"></iframe>`);
  await expect.poll(() => page.frames()[1]?.url()).toMatch(/^chrome-error:/);
  await expect(page.frameLocator("iframe").getByRole("button", { name: "Reset metadata" })).toHaveCount(0);
});

test("an instance with an access token: refused without it, admitted once by ?token=, then by its cookie", async ({ browser, playwright }) => {
  const request = await playwright.request.newContext();
  const bare = await request.get(`${PEER.url}tools/backup`, { maxRedirects: 0 });
  expect(bare.status()).toBe(401);
  const refusal = await bare.text();
  expect(refusal).toContain("access token");
  expect(refusal).not.toContain("orders");
  expect((await request.get(`${PEER.url}tables?token=wrong`, { maxRedirects: 0 })).status()).toBe(401);

  const bearer = { Authorization: `Bearer ${PEER.token}` };
  const backup = await request.get(`${PEER.url}tools/backup`, { headers: bearer });
  expect(backup.status()).toBe(200);
  expect(await backup.text()).toContain('"orders"');
  // ALLOWED_HOSTS adds its name; any other name is still refused, token or not.
  expect((await request.get(`${PEER.url}tools/backup`, { headers: { ...bearer, Host: PEER.allowedHost } })).status()).toBe(200);
  expect((await request.get(`${PEER.url}tools/backup`, { headers: { ...bearer, Host: "other.test" } })).status()).toBe(421);
  await request.dispose();

  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${PEER.url}tables?token=${PEER.token}`);
  await expect(page).toHaveURL(`${PEER.url}tables`);
  await expect(page.getByRole("grid", { name: "Tables" })).toContainText("Orders");
  const cookie = (await context.cookies()).find((c) => c.name === "metadata_editor_access");
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/metadata-editor" });
  await page.goto(`${PEER.url}project`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await context.close();
});
