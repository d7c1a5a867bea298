import { expect, test } from "@playwright/test";
import type pg from "pg";
import { exportMetadata, serializeBackup } from "../lib/metadata/backup";
import { e2eClient } from "./db";
import { catalogText, expectNoEnglish, expectPageIn, koreanBrowser, wordsIn } from "./i18n";
import { smallModel } from "./model";

test.describe.configure({ mode: "serial" });
test.use(koreanBrowser);

let db: pg.Client;
let usersId: string;
let nameId: string;
let emailId: string;
test.beforeAll(async () => {
  db = await e2eClient();
  ({ usersId, nameId, emailId } = await smallModel(db));
});
test.afterAll(async () => {
  await db.end();
});

test("the endpoint dialogs speak Korean (labels, structured JSON editors, buttons, delete confirmation)", async ({ page }) => {
  await page.goto("api-endpoints");
  await expectPageIn(page, "ko");
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

/** The words lib/sync once said in English on the Import, Drift and Plan pages (skip reasons, kinds, notes, dangers). */
const FINDINGS = /\b(view|metadata|database|drops|cannot|express|kept|table|column|nullability|identity|rows|none|absent)\b/;

const expectNoFindingsInEnglish = (scope: Parameters<typeof expectNoEnglish>[0]) => expectNoEnglish(scope, FINDINGS);

test.describe("the Database pages' own findings", () => {
  test.beforeAll(async () => {
    await db.query(`
      DROP SCHEMA IF EXISTS e2e_ko CASCADE; DROP TABLE IF EXISTS public.e2e_ko_extra;
      CREATE SCHEMA e2e_ko;
      CREATE TABLE e2e_ko.writers (id serial PRIMARY KEY, name text);
      CREATE TABLE e2e_ko.notes (id serial PRIMARY KEY, writer_id integer REFERENCES e2e_ko.writers (id) ON DELETE SET NULL);
      CREATE VIEW e2e_ko.note_ids AS SELECT id FROM e2e_ko.notes;
      CREATE TABLE public.e2e_ko_extra (id integer);`);
  });
  test.afterAll(async () => {
    await db.query("DROP SCHEMA IF EXISTS e2e_ko CASCADE; DROP TABLE IF EXISTS public.e2e_ko_extra");
  });

  test("Import: skip reasons, kinds and notes are Korean", async ({ page }) => {
    await page.goto("database/import");
    await page.getByRole("checkbox", { name: /e2e_ko/ }).check();
    await page.getByRole("button", { name: "가져오기 미리보기" }).click();
    const skipped = page.getByRole("list", { name: "건너뜀" });
    await expect(skipped).toContainText("뷰 e2e_ko.note_ids: 뷰: 메타데이터는 테이블만 기술합니다");
    await expect(page.getByRole("list", { name: "참고" })).toContainText("ON DELETE SET NULL은(는) 데이터베이스에 그대로 남습니다");
    await expect(page.getByRole("list", { name: "변경 내용" })).toContainText("+ 추가 테이블 e2e_ko.writers");
    await expectNoFindingsInEnglish(page.getByRole("region", { name: "가져오기 미리보기" }));
  });

  test("Drift: kinds, values and the buttons' names are Korean", async ({ page }) => {
    await page.goto("database/drift");
    const drift = page.getByRole("table", { name: "차이" });
    await expect(drift.getByRole("cell", { name: "테이블", exact: true }).first()).toBeVisible();
    await expect(drift).toContainText("컬럼 1개");
    await expect(page.getByRole("button", { name: "테이블 public.e2e_ko_extra의 데이터베이스 버전 사용" })).toBeVisible();
    await expectNoFindingsInEnglish(page.locator("main"));
  });

  test("Plan: a destructive statement's danger is Korean", async ({ page }) => {
    await page.goto("database/plan");
    await expect(page.locator("main")).toContainText("테이블과 그 행을 삭제합니다 (0행)");
    const dangers = page.locator("main li").filter({ hasText: "e2e_ko_extra" }).first();
    await expectNoFindingsInEnglish(dangers);
  });

  test("a Database action's refusal is Korean (the action runs in the request's language)", async ({ page }) => {
    await page.goto("database/drift");
    const take = page.getByRole("button", { name: "테이블 public.e2e_ko_extra의 데이터베이스 버전 사용" });
    await expect(take).toBeVisible();
    // Gone meanwhile (as psql would): the action refuses, and says so in the page's language.
    await db.query("DROP TABLE public.e2e_ko_extra");
    await take.click();
    await expect(page.getByRole("alert").filter({ hasText: "이 차이는 더 이상 없습니다" })).toBeVisible();
  });
});

test("the Code tab's problems are Korean (lib/codegen's findings and the schema's own message)", async ({ page }) => {
  await db.query("UPDATE _metadata.mappings_column SET graphql_type = 'Strng' WHERE id = $1", [nameId]);
  await db.query(`UPDATE _metadata.mappings_column SET validation_rules = '{"minLength": "x"}' WHERE id = $1`, [emailId]);
  try {
    await page.goto(`tables/${usersId}?tab=Code`);
    const problems = page.getByRole("status").filter({ hasText: "고칠 때까지 생성된 코드에서 빠집니다" });
    await expect(problems).toContainText('알 수 없는 graphql_type "Strng"');
    await expect(problems.getByRole("listitem")).toHaveCount(2);
    await expectNoEnglish(problems, /\b(Unknown|use|relations|object|fields?|is not|list|must|cannot|already|needs|number|expected)\b/);
  } finally {
    await db.query("UPDATE _metadata.mappings_column SET graphql_type = 'String', validation_rules = NULL WHERE id = ANY($1::bigint[])", [[nameId, emailId]]);
  }
});

test("a refused backup file's row-by-row problems are Korean", async ({ page }) => {
  const backup = await exportMetadata(db);
  const column = { ...backup.tables.mappings_column[0], pg_column: "extra" };
  delete (column as Record<string, unknown>).label;
  const orphan = { ...backup.tables.mappings_column[0], id: 9001, table_id: 9999, pg_column: "orphan" };
  await page.goto("tools");
  const refusal = page.getByRole("alert").filter({ hasText: "이 파일은 복원할 수 없습니다" });
  const english = /\b(row|missing|has no|must|backup|appears|unknown|object|refuse|edit|columns?)\b/;

  const missing = { ...backup, tables: { ...backup.tables, mappings_column: [column] } };
  await page.getByLabel("백업 파일").setInputFiles({ name: "a.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(missing)) });
  await expect(refusal).toContainText(`mappings_column 1번째 행 (id ${column.id})에 없는 컬럼: label`);
  await expectNoEnglish(refusal, english);

  const inconsistent = { ...backup, tables: { ...backup.tables, mappings_column: [...backup.tables.mappings_column, orphan] } };
  await page.getByLabel("백업 파일").setInputFiles({ name: "b.json", mimeType: "application/json", buffer: Buffer.from(serializeBackup(inconsistent)) });
  await expect(refusal.getByRole("listitem")).toHaveText(["mappings_column #9001 users.orphan: table_id: 백업에 id가 9999인 mappings_table 행이 없습니다"]);
  await expectNoEnglish(refusal, english);
});

test("the conflict dialog names fields by their Korean label, not their column name", async ({ page }) => {
  await page.goto(`tables/${usersId}?tab=Settings`);
  const form = page.getByRole("form", { name: /설정/ });
  await form.getByRole("textbox", { name: "라벨" }).fill("회원 (내 값)");
  // Someone else changes the row meanwhile (as psql would).
  await db.query("UPDATE _metadata.mappings_table SET label = '회원 (상대 값)' WHERE id = $1", [usersId]);
  await form.getByRole("button", { name: "저장" }).click();
  const conflict = page.getByRole("dialog", { name: "다른 사용자가 변경함" });
  await expect(conflict.getByRole("rowheader")).toHaveText(["라벨"]);
  await expect(conflict.getByRole("row", { name: /^라벨/ })).toContainText("회원 (상대 값)");
  await expectNoEnglish(conflict);
  await conflict.getByRole("button", { name: "상대의 값 유지" }).click();
  await expect(conflict).toBeHidden();
  await db.query("UPDATE _metadata.mappings_table SET label = '사용자' WHERE id = $1", [usersId]);
});

test("the diagram's screen-reader texts and tooltips, and the toasts' region and close button, are Korean", async ({ page }) => {
  const ko = (key: string) => catalogText("ko", key);
  // React Flow's own words, English unless the page gives its own (what they were before).
  const flowEnglish = /Press enter|Zoom In|Zoom Out|Fit View|Control Panel|Mini Map|Edge from|Handle|Notifications|Close toast/;
  for (const where of ["diagram", `tables/${usersId}?tab=Diagram`]) {
    await page.goto(where);
    const diagram = page.getByTestId("diagram");
    await expect(diagram).toHaveAttribute("data-layout", "done", { timeout: 30_000 });
    await expect(diagram.locator(".react-flow__controls")).toHaveAttribute("aria-label", ko("diagram.flow.controls"));
    await expect(diagram.locator(".react-flow__controls-zoomin")).toHaveAttribute("title", ko("diagram.flow.zoomIn"));
    await expect(diagram.locator(".react-flow__controls-fitview")).toHaveAttribute("title", ko("diagram.flow.fitView"));
    await expect(diagram.locator('[id^="react-flow__node-desc"]')).toHaveText(ko("diagram.flow.nodeHelp"));
    await expect(diagram.locator('[id^="react-flow__edge-desc"]')).toHaveText(ko("diagram.flow.edgeHelp"));
    await expect(diagram.locator(".react-flow__edge")).toHaveAttribute("aria-label", "posts.user_id → users.id, ManyToOne, author");
    expect((await wordsIn(diagram)).filter((w) => flowEnglish.test(w))).toEqual([]);
  }
  await expect(page.locator("section[aria-live]")).toHaveAttribute("aria-label", new RegExp(`^${ko("shell.notifications")}`));

  // A toast, and its close button's name.
  await page.goto("diagram");
  await page.getByRole("button", { name: ko("diagram.newTable") }).click();
  const dialog = page.getByRole("dialog", { name: ko("diagram.newTable") });
  await dialog.getByRole("textbox", { name: "테이블 이름" }).fill("tags");
  await dialog.getByRole("button", { name: ko("tables.create") }).click();
  const toast = page.locator("[data-sonner-toast]").filter({ hasText: "tags" });
  await expect(toast.getByRole("button", { name: ko("shell.closeToast") })).toBeAttached();
  expect((await wordsIn(page.locator("section[aria-live]"))).filter((w) => flowEnglish.test(w))).toEqual([]);
});

test("a JSON field's example is introduced in Korean (it was \"e.g.\" on Settings, the column panel and the endpoint form)", async ({ page }) => {
  await page.goto(`tables/${usersId}?tab=Settings`);
  const form = page.getByRole("form", { name: /설정/ });
  await expect(form.getByText('예: {"read": "public", "write": "authenticated", "delete": "admin"}')).toBeVisible();
  expect((await wordsIn(form)).filter((w) => /^e\.g\./.test(w))).toEqual([]);
  await page.goto("api-endpoints");
  await page.getByRole("button", { name: "새 엔드포인트" }).click();
  const dialog = page.getByRole("dialog", { name: "새 엔드포인트" });
  await expect(dialog.getByText(/^예: \{/).first()).toBeVisible();
  expect((await wordsIn(dialog)).filter((w) => /^e\.g\./.test(w))).toEqual([]);
});
