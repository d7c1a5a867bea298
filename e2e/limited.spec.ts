import { expect, test } from "@playwright/test";
import type pg from "pg";
import { e2eClient } from "./db";

let admin: pg.Client;

test.beforeAll(async () => {
  admin = await e2eClient();
  await admin.query("DROP DATABASE IF EXISTS e2e_limited");
  await admin.query("DROP ROLE IF EXISTS e2e_limited");
  await admin.query("CREATE ROLE e2e_limited LOGIN PASSWORD 'limited-pw'");
  await admin.query("CREATE DATABASE e2e_limited");
});
test.afterAll(async () => {
  await admin.end();
});

test("a user without CREATE is told what to grant, cannot go on, and can after the grant", async ({ page }) => {
  await page.goto("./");
  await expect(page).toHaveURL(/\/setup$/);
  await expect(page.getByText(/no: the user lacks CREATE on database e2e_limited/)).toBeVisible();
  await expect(page.getByText("GRANT CREATE ON DATABASE e2e_limited TO e2e_limited;")).toBeVisible();
  await expect(page.getByRole("button", { name: "Continue" })).toBeDisabled();

  await admin.query("GRANT CREATE ON DATABASE e2e_limited TO e2e_limited");
  await page.getByRole("button", { name: "Check again" }).click();
  await expect(page.getByText("May create schemas").locator("xpath=following-sibling::dd[1]")).toHaveText(/yes/);
  await page.getByRole("button", { name: "Continue" }).click();
  await page.getByRole("button", { name: "Run initialization" }).click();
  await expect(page.getByRole("region", { name: "Initialization result" })).toContainText(/All \d+ objects verified/);
});
