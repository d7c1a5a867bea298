import { expect, test, type Locator } from "@playwright/test";
import type pg from "pg";
import { e2eClient } from "./db";
import { smallModel } from "./model";

test.describe.configure({ mode: "serial" });
test.use({ locale: "ko-KR" });

let db: pg.Client;
let usersId: string;
test.beforeAll(async () => {
  db = await e2eClient();
  ({ usersId } = await smallModel(db));
});
test.afterAll(async () => {
  await db.end();
});

/**
 * English UI words that were once left in these places. Checked in what a person reads and what a screen
 * reader says (text, aria-label, placeholder, title); the spec's JSON examples (hints) are code, not words.
 */
const ENGLISH =
  /\b(Endpoint|endpoints?|Headers?|Auth|Rate limit|Retry|Cache|Request|Response|mapping|Method|Timeout|Description|Active|Create|Cancel|Save|Saving|Delete|Remove|Add|Filter|Choose|none|Valid|Empty|Option|Pattern|Min|Max|length|compiles|Must|relations? shown|tables|selected|columns)\b/;

/** Every text a person (or a screen reader) gets from `scope`, except code examples (<code>, font-mono hints). */
async function wordsIn(scope: Locator): Promise<string[]> {
  return scope.evaluate((root) => {
    const out: string[] = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (n.parentElement?.closest("code, [data-example], option[value]:not([value=''])")) continue;
      if (n.textContent?.trim()) out.push(n.textContent.trim());
    }
    for (const el of root.querySelectorAll("[aria-label], [placeholder], [title]")) {
      for (const a of ["aria-label", "placeholder", "title"]) {
        const v = el.getAttribute(a);
        if (v) out.push(v);
      }
    }
    return out;
  });
}

async function expectNoEnglish(scope: Locator) {
  const english = (await wordsIn(scope)).filter((text) => ENGLISH.test(text));
  expect(english).toEqual([]);
}

test("the endpoint dialogs speak Korean (labels, structured JSON editors, buttons, delete confirmation)", async ({ page }) => {
  await page.goto("api-endpoints");
  await expect(page.locator("html")).toHaveAttribute("lang", "ko");
  await page.getByRole("button", { name: "새 엔드포인트" }).click();
  const dialog = page.getByRole("dialog", { name: "새 엔드포인트" });
  await expect(dialog.getByRole("textbox", { name: "엔드포인트 이름" })).toBeVisible();
  await dialog.getByRole("button", { name: "헤더 추가" }).click();
  await expect(dialog.getByRole("textbox", { name: "헤더: 이름 1" })).toBeVisible();
  await expectNoEnglish(dialog);
  // A check of the shared schema, in the page's language.
  await dialog.getByRole("button", { name: "엔드포인트 만들기" }).click();
  await expect(dialog).toContainText("엔드포인트 이름은(는) 필수 항목입니다.");
  await dialog.getByRole("button", { name: "취소" }).click();
  // What was typed is not thrown away without asking.
  await dialog.getByRole("button", { name: "버리기" }).click();
  await expect(dialog).toBeHidden();

  await page.getByRole("button", { name: "github_user_api 삭제" }).click();
  const confirm = page.getByRole("dialog", { name: "엔드포인트 github_user_api을(를) 삭제할까요?" });
  await expect(confirm).toContainText("API 필드에 이 이름을 적은 컬럼은");
  await expectNoEnglish(confirm);
  await confirm.getByRole("button", { name: "취소" }).click();
});

test("a duplicate endpoint name is refused in Korean by the server", async ({ page }) => {
  await page.goto("api-endpoints");
  await page.getByRole("button", { name: "새 엔드포인트" }).click();
  const dialog = page.getByRole("dialog", { name: "새 엔드포인트" });
  await dialog.getByRole("textbox", { name: "엔드포인트 이름" }).fill("github_user_api");
  await dialog.getByRole("textbox", { name: "기본 URL" }).fill("https://api.example.com");
  await dialog.getByRole("button", { name: "엔드포인트 만들기" }).click();
  await expect(dialog.getByRole("alert").first()).toHaveText("이름이 github_user_api인 엔드포인트가 이미 있습니다.");
});

test("the grid's filter box and its count are Korean", async ({ page }) => {
  await page.goto("tables");
  const filter = page.getByRole("searchbox", { name: "테이블 필터" });
  await expect(filter).toHaveAttribute("placeholder", "테이블 필터…");
  await expect(page.getByText("테이블 2개", { exact: true })).toBeVisible();
  await filter.fill("user");
  await expect(page.getByText("테이블 2개 중 1개", { exact: true })).toBeVisible();
  await expectNoEnglish(page.locator("main").locator("div").filter({ has: filter }).first());
});

test("the column panel's enum-option and validation-rule editors are Korean", async ({ page }) => {
  await page.goto(`tables/${usersId}`);
  await page.getByRole("button", { name: "email 상세 열기" }).click();
  const panel = page.getByRole("dialog", { name: /email/ });
  await panel.getByRole("button", { name: "옵션 추가" }).click();
  await expect(panel.getByRole("textbox", { name: "옵션 1 값" })).toBeVisible();
  await panel.getByRole("textbox", { name: "패턴" }).fill("^[a-z]+$");
  await expect(panel.getByText("✓ 컴파일됨")).toBeVisible();
  await expectNoEnglish(panel.getByRole("group", { name: "검증 규칙" }));
  await expectNoEnglish(panel.getByRole("group", { name: "열거형 옵션" }));
});
