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
