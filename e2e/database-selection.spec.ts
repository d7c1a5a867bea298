import { expect, test } from "@playwright/test";
import type pg from "pg";
import { runImport } from "../lib/sync/import";
import { e2eClient, freshEditor } from "./db";

/**
 * A thousand drift items chosen for one plan: the Drift page lists them a page at a time ("Show more", computed on
 * the server), and "Review plan" carries the selection to the Plan page without putting it in the URL (a thousand
 * ids there made the server answer HTTP 431).
 */
test.describe.configure({ mode: "serial", timeout: 240_000 });

const COLUMNS = 1000;
let db: pg.Client;

test.beforeAll(async () => {
  db = await e2eClient();
  await freshEditor(db);
  await db.query("DROP SCHEMA IF EXISTS e2e_sel CASCADE; CREATE SCHEMA e2e_sel");
  const columns = Array.from({ length: COLUMNS }, (_, i) => `c${String(i).padStart(4, "0")} text`);
  await db.query(`CREATE TABLE e2e_sel.wide (id bigserial PRIMARY KEY, ${columns.join(", ")})`);
  await runImport(db, ["e2e_sel"]);
  // The metadata keeps the 1,000 columns the database loses: 1,000 drift items, one per column. (The table is made
  // again rather than altered: dropped columns still count toward PostgreSQL's 1,600 a table.)
  await db.query("DROP TABLE e2e_sel.wide; CREATE TABLE e2e_sel.wide (id bigserial PRIMARY KEY)");
  // Only this schema is compared (the other specs' tables in public stay out of the count).
  await db.query("UPDATE _metadata.project SET default_schema = 'e2e_sel' WHERE id = 1");
});
test.afterAll(async () => {
  await db.query("DROP SCHEMA IF EXISTS e2e_sel CASCADE");
  await db.query("UPDATE _metadata.project SET default_schema = 'public' WHERE id = 1");
  await freshEditor(db);
  await db.end();
});

test("1,000 differences: listed a page at a time, all chosen, their plan reviewed and applied", async ({ page }) => {
  await page.goto("database/drift");
  const drift = page.getByRole("table", { name: "Drift" });
  await expect(page.getByText("1,000 differences")).toBeVisible();
  await expect(drift.locator("tbody tr")).toHaveCount(100);
  await expect(page.getByText(/^Showing 100 of 1,?000\.$/)).toBeVisible();
  for (let shown = 200; shown <= COLUMNS; shown += 100) {
    await page.getByRole("button", { name: "Show 100 more" }).click();
    await expect(drift.locator("tbody tr")).toHaveCount(shown);
  }
  await expect(page.getByRole("button", { name: /Show \d+ more/ })).toHaveCount(0);
  await expect(drift).toContainText("e2e_sel.wide.c0999");

  await page.getByRole("checkbox", { name: /^Add all 1,?000 shown differences to the change plan$/ }).check();
  const requests: string[] = [];
  page.on("request", (r) => requests.push(r.url()));
  await page.getByRole("button", { name: /^Review plan for 1,?000 selected$/ }).click();
  await expect(page).toHaveURL(/database\/plan\?selection=[0-9a-f-]{36}$/);
  const up = page.getByRole("region", { name: "Up script" });
  await expect(up).toContainText('ALTER TABLE "e2e_sel"."wide" ADD COLUMN "c0000" text;');
  await expect(page.getByText(/The plan for 1,?000 chosen differences .*: 1,?000 statements/)).toBeVisible();
  // No request carried the selection in its URL.
  expect(requests.every((u) => u.length < 2000)).toBe(true);

  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByRole("status").filter({ hasText: /Applied 1,?000 statements/ })).toBeVisible();
  const { rows } = await db.query(
    "SELECT count(*)::int AS n FROM pg_attribute WHERE attrelid = 'e2e_sel.wide'::regclass AND attnum > 0 AND NOT attisdropped",
  );
  expect(rows).toEqual([{ n: COLUMNS + 1 }]);
  await expect(page.getByRole("status").filter({ hasText: "Nothing to do" })).toBeVisible();

  await page.goto("database/drift");
  await expect(page.getByRole("status").filter({ hasText: "No drift" })).toBeVisible();
});

test("a selection link opened in another tab says where to choose again", async ({ page }) => {
  await page.goto(`database/plan?selection=${"0".repeat(8)}-0000-4000-8000-${"0".repeat(12)}`);
  await expect(page.getByText("This selection is not in this tab")).toBeVisible();
  await expect(page.getByRole("link", { name: "Drift page" })).toBeVisible();
  // An earlier version's link with the items in the address is refused, not taken as the plan for everything.
  await page.goto("database/plan?item=column%3Ae2e_sel.wide%3Ac0000%3A");
  await expect(page.getByText("This link names its items in the address")).toBeVisible();
  await expect(page.getByRole("region", { name: "Up script" })).toHaveCount(0);
  await page.goto("database/plan?selection=not-a-key");
  await expect(page.getByText("This plan link is malformed", { exact: true })).toBeVisible();
  await expect(page.getByText("Open the plan from the Drift page's Review plan button.")).toBeVisible();
});
