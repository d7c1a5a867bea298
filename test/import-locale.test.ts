import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cliLocale, localeFromEnv } from "../lib/i18n/locale";
import { withLocale } from "../lib/i18n/locale-scope";
import { previewImport, runImport } from "../lib/sync/import";
import { runCli } from "./helpers/cli";
import { freshDatabase, type FreshDatabase } from "./helpers/db";

/**
 * The import derives a new row's label in the language of whoever asked for it: the Import page in the
 * request's (its actions run in withLocale), `metadata:import` in the terminal's (--locale, LANG), as the
 * Add-column form and Paste rows do. A label already in the metadata is never replaced.
 */
describe("import labels in the request's language", { timeout: 180_000 }, () => {
  let db: FreshDatabase;
  const labels = async (schema: string) =>
    Object.fromEntries(
      (
        await db.client.query<{ name: string; label: string }>(
          `SELECT table_name || '.' || pg_column AS name, label FROM _metadata.mappings_column WHERE schema_name = $1
           UNION ALL SELECT table_name, label FROM _metadata.mappings_table WHERE schema_name = $1`,
          [schema],
        )
      ).rows.map((r) => [r.name, r.label]),
    );

  beforeAll(async () => {
    db = await freshDatabase({ init: true });
    await db.client.query(`
      INSERT INTO _metadata.project (id, project_id, project_name, root_path) VALUES (1, 'labels', 'Labels', '/tmp');
      CREATE SCHEMA ko_side; CREATE SCHEMA en_side; CREATE SCHEMA cli_side; CREATE SCHEMA lang_side;
      CREATE TABLE ko_side.users (id bigserial PRIMARY KEY, email text, created_at timestamptz, user_id bigint, nickname_x text);
      CREATE TABLE en_side.users (id bigserial PRIMARY KEY, email text, created_at timestamptz);
      CREATE TABLE cli_side.users (id bigserial PRIMARY KEY, email text);
      CREATE TABLE lang_side.users (id bigserial PRIMARY KEY, email text);`);
  });
  afterAll(async () => {
    await db?.drop();
  });

  it("Korean: email → 이메일, created_at → 생성일시, user_id → 사용자 ID; a name with no suggestion keeps the English derivation", async () => {
    const preview = await withLocale("ko", () => previewImport(db.client, ["ko_side"]));
    expect(preview.counts.column.add).toBe(5);
    await withLocale("ko", () => runImport(db.client, ["ko_side"]));
    expect(await labels("ko_side")).toEqual({
      users: "사용자",
      "users.id": "ID",
      "users.email": "이메일",
      "users.created_at": "생성일시",
      "users.user_id": "사용자 ID",
      "users.nickname_x": "Nickname x",
    });
  });

  it("English: email → Email, created_at → Created at", async () => {
    await withLocale("en", () => runImport(db.client, ["en_side"]));
    expect(await labels("en_side")).toMatchObject({ users: "Users", "users.email": "Email", "users.created_at": "Created at" });
  });

  it("a re-import in the other language, or after a person's edit, never replaces a label", async () => {
    await db.client.query("UPDATE _metadata.mappings_column SET label = '메일 주소' WHERE schema_name = 'ko_side' AND pg_column = 'email'");
    await db.client.query("ALTER TABLE ko_side.users ADD COLUMN updated_at timestamptz");
    await withLocale("en", () => runImport(db.client, ["ko_side"]));
    expect(await labels("ko_side")).toMatchObject({
      users: "사용자",
      "users.email": "메일 주소",
      "users.created_at": "생성일시",
      // Only the new column gets a label, in the language of this import.
      "users.updated_at": "Updated at",
    });
  });

  it("metadata:import takes --locale ko, else the terminal's LANG", async () => {
    const env = { DATABASE_URL: db.url };
    const cli = await runCli(["import", "--schema", "cli_side", "--locale", "ko"], env);
    expect(cli.code, cli.stdout + cli.stderr).toBe(0);
    const lang = await runCli(["import", "--schema", "lang_side"], { ...env, LANG: "ko_KR.UTF-8" });
    expect(lang.code, lang.stdout + lang.stderr).toBe(0);
    expect(await labels("cli_side")).toMatchObject({ "users.email": "이메일" });
    expect(await labels("lang_side")).toMatchObject({ "users.email": "이메일" });
    const bad = await runCli(["import", "--schema", "cli_side", "--locale", "fr"], env);
    expect(bad.code).toBe(2);
    expect(bad.stdout + bad.stderr).toContain("--locale takes en or ko");
  });

  it("the import's and the loop's findings come in the locale too: skip reasons, notes, drift values, plan dangers", async () => {
    await db.client.query(`
      CREATE SCHEMA find_side;
      CREATE TABLE find_side.authors (id bigserial PRIMARY KEY, name text);
      CREATE TABLE find_side.books (id bigserial PRIMARY KEY, author_id bigint REFERENCES find_side.authors (id) ON DELETE SET NULL);
      CREATE VIEW find_side.book_names AS SELECT id FROM find_side.books;`);
    const view = (p: Awaited<ReturnType<typeof previewImport>>) => p.skipped.find((s) => s.name === "find_side.book_names")?.reason;
    const en = await withLocale("en", () => previewImport(db.client, ["find_side"]));
    expect(view(en)).toBe("a view: the metadata describes tables only");
    expect(en.notes.join("\n")).toContain("ON DELETE SET NULL is kept in the database");
    const ko = await withLocale("ko", () => previewImport(db.client, ["find_side"]));
    expect(view(ko)).toBe("뷰: 메타데이터는 테이블만 기술합니다");
    expect(ko.notes.join("\n")).toContain("ON DELETE SET NULL은(는) 데이터베이스에 그대로 남습니다");

    // Not imported: the metadata lacks both tables, so the plan would drop them.
    const env = { DATABASE_URL: db.url };
    const diff = await runCli(["diff", "--schema", "find_side", "--locale", "ko"], env);
    expect(diff.code, diff.stderr).toBe(1);
    expect(diff.stdout).toContain("메타데이터와 데이터베이스 비교 (find_side)");
    expect(diff.stdout).toMatch(/테이블\s+find_side\.authors: 메타데이터 \(없음\) · 데이터베이스 컬럼 2개/);
    expect(diff.stdout).toMatch(/차이 \d+개, 문제 0개/);
    const plan = await runCli(["plan", "--schema", "find_side"], { ...env, LANG: "ko_KR.UTF-8" });
    expect(plan.stdout).toContain("파괴적 (테이블과 그 행을 삭제합니다; 행 0개)");
    expect(plan.stdout).not.toMatch(/\b(drops|statements|Apply with)\b|destructive \(/);
    const english = await runCli(["plan", "--schema", "find_side"], env);
    expect(english.stdout).toContain("destructive (drops the table and its rows; 0 rows)");
    const bad = await runCli(["diff", "--locale", "xx"], env);
    expect(bad.code).toBe(2);
  });

  it("the terminal's language: --locale first, then LC_ALL, LC_MESSAGES, LANG; English otherwise", () => {
    expect(cliLocale(["--locale", "ko"], { LANG: "en_US.UTF-8" })).toBe("ko");
    expect(cliLocale(["--locale=en"], { LANG: "ko_KR.UTF-8" })).toBe("en");
    expect(cliLocale(["--locale", "de"], {})).toBeNull();
    expect(localeFromEnv({ LANG: "ko_KR.UTF-8" })).toBe("ko");
    expect(localeFromEnv({ LC_ALL: "C.UTF-8", LANG: "ko_KR.UTF-8" })).toBe("en");
    expect(localeFromEnv({ LC_ALL: "", LC_MESSAGES: "ko", LANG: "en_US" })).toBe("ko");
    expect(localeFromEnv({})).toBe("en");
  });
});
