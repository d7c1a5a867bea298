import { expect, test } from "@playwright/test";

test("an unreachable database: a clear message with the target, a retry, and no way into the editor", async ({ page }) => {
  await page.goto("./project");
  await expect(page).toHaveURL(/\/setup$/);
  const alert = page.getByRole("alert").filter({ hasText: "Cannot connect to the database" });
  await expect(alert).toContainText("unreachable");
  await expect(alert).toContainText("nobody@127.0.0.1:9/nowhere");
  await expect(alert).not.toContainText("secret");
  await expect(page.getByRole("button", { name: "Continue" })).toHaveCount(0);
  await page.getByRole("button", { name: "Retry connection" }).click();
  await expect(alert).toContainText("unreachable");
  expect(await page.content()).not.toContain("secret");
});
