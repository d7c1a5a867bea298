import { expect, test } from "@playwright/test";
import type pg from "pg";
import { e2eClient } from "./db";
import { expectPageIn, koreanBrowser } from "./i18n";
import { smallModel } from "./model";

test.describe.configure({ mode: "serial" });

/** The body's background as sRGB bytes, read back from a canvas. */
function bodyRgb(): number[] {
  const ctx = document.createElement("canvas").getContext("2d")!;
  ctx.fillStyle = getComputedStyle(document.body).backgroundColor;
  ctx.fillRect(0, 0, 1, 1);
  return Array.from(ctx.getImageData(0, 0, 1, 1).data.slice(0, 3));
}

let db: pg.Client;
let usersId: string;
test.beforeAll(async () => {
  db = await e2eClient();
  ({ usersId } = await smallModel(db));
});
test.afterAll(async () => {
  await db.end();
});

/** Relative lightness 0..1 of a computed colour (oklch, lab or rgb: the browser's canvas turns it into sRGB). */
const luminance = (rgb: number[]) => (0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2]) / 255;

test("English by default for an English browser; the switch turns the UI and <html lang> Korean, and the choice is kept", async ({ page }) => {
  await page.goto("tables");
  await expectPageIn(page, "en");
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Tables" })).toBeVisible();
  await expect(page.getByRole("columnheader", { name: "Table name" })).toBeVisible();

  await page.getByRole("combobox", { name: "Language" }).selectOption("ko");
  await expectPageIn(page, "ko");
  const koNav = page.getByRole("navigation", { name: "주 메뉴" });
  await expect(koNav.getByRole("link", { name: "테이블" })).toBeVisible();
  await expect(koNav.getByRole("link", { name: "관계" })).toBeVisible();
  await expect(page.getByRole("columnheader", { name: "테이블 이름" })).toBeVisible();
  await expect(page.getByRole("button", { name: "새 테이블" }).first()).toBeVisible();

  await page.reload();
  await expectPageIn(page, "ko");
  await expect(page.getByRole("combobox", { name: "언어" })).toHaveValue("ko");

  // A form's own check speaks Korean too (the schema's message, made in the page's language).
  await page.getByRole("button", { name: "새 테이블" }).first().click();
  const dialog = page.getByRole("dialog", { name: "새 테이블" });
  await dialog.getByRole("button", { name: "테이블 만들기" }).click();
  await expect(dialog).toContainText("테이블 이름은(는) 필수 항목입니다.");
  await dialog.getByRole("button", { name: "취소" }).click();
  await expect(dialog).toBeHidden();

  await page.getByRole("combobox", { name: "언어" }).selectOption("en");
  await expectPageIn(page, "en");
  await expect(nav.getByRole("link", { name: "Tables" })).toBeVisible();
});

test.describe("a Korean browser", () => {
  test.use(koreanBrowser);
  test("gets Korean without choosing, including a server action's refusal", async ({ page }) => {
    await page.goto(`tables/${usersId}`);
    await expectPageIn(page, "ko");
    await expect(page.getByRole("navigation", { name: "주 메뉴" }).getByRole("link", { name: "프로젝트" })).toBeVisible();
    await expect(page.getByRole("columnheader", { name: "컬럼 이름" })).toBeVisible();
  });
});

test("dark mode: the toggle (kept in a cookie, no flash: the server renders the class) and the system preference", async ({ page }) => {
  await page.goto("tables");
  const bodyLuminance = () => page.evaluate(bodyRgb);
  expect(luminance(await bodyLuminance())).toBeGreaterThan(0.8);
  const toggle = page.getByRole("button", { name: /^Theme:/ });
  await expect(toggle).toHaveAccessibleName("Theme: System");
  await toggle.click(); // light
  await toggle.click(); // dark
  await expect(toggle).toHaveAccessibleName("Theme: Dark");
  await expect(page.locator("html")).toHaveClass(/\bdark\b/);
  expect(luminance(await bodyLuminance())).toBeLessThan(0.3);
  // The class comes from the server on the next load: dark from the first paint.
  const response = await page.goto("relations");
  expect(await response!.text()).toMatch(/<html[^>]*class="dark"/);
  expect(luminance(await bodyLuminance())).toBeLessThan(0.3);
  await page.goto(`tables/${usersId}`);
  await expect(page.getByRole("grid", { name: "Columns" })).toContainText("email");
  await page.screenshot({ path: test.info().outputPath("dark-columns.png"), fullPage: true });
  await toggle.click(); // system
  await expect(page.locator("html")).not.toHaveClass(/\bdark\b/);
});

test.describe("the system's dark preference", () => {
  test.use({ colorScheme: "dark" });
  test("is followed when no theme was chosen", async ({ page }) => {
    await page.goto("relations");
    expect(luminance(await page.evaluate(bodyRgb))).toBeLessThan(0.3);
  });
});

test.describe("at phone width (390 px)", () => {
  test.use({ viewport: { width: 390, height: 844 } });
  test("the nav folds behind Menu, the skip link leads to the content, and a data column shows beside the name", async ({ page }) => {
    await page.goto(`tables/${usersId}`);
    // From the top of the document (nothing focused), the first Tab reaches the skip link.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Skip to content" });
    await expect(skip).toBeFocused();
    await skip.press("Enter");
    await expect(page.locator("main#main")).toBeFocused();
    const nav = page.getByRole("navigation", { name: "Main" });
    await expect(nav).toBeHidden();
    await page.getByRole("button", { name: "Menu" }).click();
    await expect(nav.getByRole("link", { name: "Relations" })).toBeVisible();
    await page.getByRole("button", { name: "Menu" }).click();
    await expect(nav).toBeHidden();

    const grid = page.getByRole("grid", { name: "Columns" });
    const name = grid.getByRole("gridcell", { name: "email", exact: true }).first();
    await expect(name).toBeInViewport();
    // Scrolling the grid sideways moves the name column too (pinned only on wide screens) and shows the data.
    const type = grid.getByRole("gridcell", { name: "VARCHAR(255)" });
    await type.scrollIntoViewIfNeeded();
    await expect(type).toBeInViewport();
    const noHorizontalPageScroll = await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1);
    expect(noHorizontalPageScroll).toBe(true);


  });
});
