import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import type pg from "pg";
import { e2eClient } from "./db";
import { browserIn, catalogText, expectPageIn, type Locale } from "./i18n";
import { smallModel } from "./model";

/**
 * axe on every page and dialog, in both languages and both themes: no serious or critical violation.
 * Each page is loaded once per language × theme (a table's tabs are switched in place on one load); each
 * dialog is opened once per language × theme. The theme is the browser's preference (no cookie), so the
 * system path is what is checked; the toggle sets the same class (e2e/i18n.spec.ts). One test per page, so
 * a finding on one page does not hide the others' and each test's time stays bounded.
 */
test.describe.configure({ timeout: 120_000 });

let db: pg.Client;
let usersId: string;
test.beforeAll(async () => {
  db = await e2eClient();
  ({ usersId } = await smallModel(db));
});
test.afterAll(async () => {
  await db.end();
});

const say = catalogText;

async function expectNoSeriousViolations(page: Page, where: string) {
  // The settled page is what is judged: a colour transition still running (a button's transition-colors as a
  // dialog opens on a loaded machine) shows axe an in-between colour that no reader sees for more than 150 ms.
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((a) => a.effect?.getTiming().iterations !== Infinity)
        .map((a) => a.finished.catch(() => undefined)),
    ),
  );
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"])
    // Violations only: axe skips collecting the passes, which is most of its time on a grid.
    .options({ resultTypes: ["violations"] })
    .analyze();
  const serious = results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).slice(0, 5).join(" | ")}`);
  // Soft: a test lists every finding of its page (and its dialogs), not only the first.
  expect.soft(serious, `${where}: ${serious.join("\n")}`).toEqual([]);
}

async function load(page: Page, path: string, locale: Locale) {
  await page.goto(path);
  await expectPageIn(page, locale);
  await expect(page.locator("main")).toBeVisible();
  await page.waitForLoadState("networkidle");
}

async function openDialog(page: Page, where: string, open: () => Promise<void>) {
  await open();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toBeVisible();
  await page.waitForLoadState("networkidle");
  await expectNoSeriousViolations(page, where);
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
}

const PAGES = ["", "project", "tables", "relations", "diagram", "api-endpoints", "history", "database/drift", "database/import", "database/plan", "tools"];

for (const locale of ["en", "ko"] as const) {
  for (const colorScheme of ["light", "dark"] as const) {
    test.describe(`${locale}, ${colorScheme}`, () => {
      test.use({ ...browserIn(locale), colorScheme });
      const button = (page: Page, key: string) => page.getByRole("button", { name: say(locale, key), exact: true }).first();

      for (const path of PAGES) {
        test(`page /${path}`, async ({ page }) => {
          await load(page, path, locale);
          await expectNoSeriousViolations(page, `/${path} (${locale}, ${colorScheme})`);
        });
      }

      test("a table's tabs", async ({ page }) => {
        test.setTimeout(300_000);
        await load(page, `tables/${usersId}`, locale);
        const tabs = page.getByRole("tab");
        for (let i = 0; i < (await tabs.count()); i++) {
          await tabs.nth(i).click();
          await expect(tabs.nth(i)).toHaveAttribute("aria-selected", "true");
          await page.waitForLoadState("networkidle");
          await expectNoSeriousViolations(page, `table tab ${i} (${locale}, ${colorScheme})`);
        }
      });

      test("the tables' dialogs", async ({ page }) => {
        test.setTimeout(240_000);
        await load(page, "tables", locale);
        await openDialog(page, "new table", () => button(page, "tables.new").click());
        await openDialog(page, "delete table", () => page.getByRole("button", { name: say(locale, "tables.deleteNamed", { name: "posts" }) }).click());
        await load(page, `tables/${usersId}`, locale);
        await openDialog(page, "add column", () => button(page, "columns.add").click());
        await openDialog(page, "paste rows", () => button(page, "columns.paste").click());
        await openDialog(page, "column details", () => page.getByRole("grid").getByRole("button", { name: /email/ }).first().click());
        await openDialog(page, "delete this table", () => button(page, "common.delete").click());
      });

      test("the history's restore confirmation", async ({ page }) => {
        // A change of its own in each language × theme, so the newest UPDATE entry has a version to restore.
        await db.query("UPDATE _metadata.mappings_table SET description = $1 WHERE id = $2", [`axe ${locale} ${colorScheme}`, usersId]);
        await load(page, "history?table=mappings_table&operation=UPDATE", locale);
        const entry = page.getByRole("list", { name: say(locale, "history.entries") }).getByRole("listitem").first();
        await entry.getByRole("button").first().click();
        await openDialog(page, "history restore", () => entry.getByRole("button", { name: say(locale, "history.restorePrevious") }).click());
      });

      test("the relations', endpoints' and diagram's dialogs", async ({ page }) => {
        test.setTimeout(240_000);
        await load(page, "relations", locale);
        await openDialog(page, "new relation", () => button(page, "relations.new").click());
        await openDialog(page, "delete relation", () => page.getByRole("grid").getByRole("button", { name: /author|posts/ }).last().click());
        await load(page, "api-endpoints", locale);
        await openDialog(page, "new endpoint", () => button(page, "endpoints.new").click());
        await openDialog(page, "endpoint details", () => page.getByRole("grid").getByRole("button", { name: /github_user_api/ }).first().click());
        await openDialog(page, "delete endpoint", () => page.getByRole("grid").getByRole("button", { name: /github_user_api/ }).last().click());
        await load(page, "diagram", locale);
        await openDialog(page, "diagram new table", () => button(page, "diagram.newTable").click());
      });
    });
  }
}
