import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli, type CliResult } from "./helpers/cli";
import { freshDatabase, type FreshDatabase } from "./helpers/db";

/**
 * Every CLI command speaks the terminal's language: a Korean LANG (or `--locale ko`) gives Korean lines, with no
 * English sentence left; English stays the default (test/cli.test.ts, test/backup-cli.test.ts and
 * test/generate-cli.test.ts assert the English lines).
 */
const KO = { LANG: "ko_KR.UTF-8" };
const show = (r: CliResult) => `stdout:\n${r.stdout}\nstderr:\n${r.stderr}`;

/**
 * The lines that still read as English prose: three or more English words in a row, once what is not prose is
 * taken out (`commands`, paths, identifiers such as mappings_column.idx_x or project_id, emoji, numbers).
 * "CLI Shop" (the project's name) and the check's project rows (field names and values) are data, not sentences.
 */
function englishSentences(output: string): string[] {
  return output.split("\n").filter((line) => {
    const prose = line
      .replace(/`[^`]*`/g, " ")
      .replace(/\S*[/_.:=@-]\S*/g, " ")
      .replace(/CLI Shop/g, " ");
    return /\b[A-Za-z]{2,}(?:\s+[A-Za-z]{2,}){2,}\b/.test(prose);
  });
}

describe("the CLI in Korean (LANG=ko_KR.UTF-8, --locale ko)", { timeout: 360_000 }, () => {
  let db: FreshDatabase | undefined;
  const root = mkdtempSync(path.join(os.tmpdir(), "cli-korean-"));
  afterAll(async () => {
    await db?.drop();
    rmSync(root, { recursive: true, force: true });
  });

  it("init, check, verify, backup, restore, reset and generate print Korean, and no English sentence", async () => {
    db = await freshDatabase({ init: false });
    const env = { DATABASE_URL: db.url, PROJECT_ID: "cli-shop", PROJECT_NAME: "CLI Shop", PROJECT_ROOT_PATH: root, ...KO };
    const outputs: [string, CliResult][] = [];
    const run = async (command: string | string[], code: number, vars: Record<string, string> = env) => {
      const result = await runCli(command, vars);
      expect(result.code, show(result)).toBe(code);
      outputs.push([[command].flat().join(" "), result]);
      return result;
    };

    const init = await run("init", 0);
    expect(init.stdout).toContain("📦 메타데이터 초기화를 시작합니다...");
    expect(init.stdout).toMatch(/📝 _metadata 스키마 생성됨 \(\d+ ms\)/);
    expect(init.stdout).toMatch(/📝 트리거 생성됨 \(\d+ ms\)/);
    expect(init.stdout).toContain("📝 프로젝트 행을 만들었습니다 (project_id: cli-shop)");
    expect(init.stdout).toContain("🎉 메타데이터 초기화를 마쳤습니다!");

    const check = await run("check", 0);
    expect(check.stdout).toContain("📋 프로젝트");
    expect(check.stdout).toMatch(/✅ 테이블\s+project — 있음/);
    expect(check.stdout).toMatch(/✅ 인덱스\s+mappings_column\.idx_mappings_column_table_order — 있음/);
    expect(check.stdout).toMatch(/누락 0개, 다름 0개, 추가 0개/);

    expect((await run("verify", 0)).stdout).toMatch(/✅ 검사 \d+개를 모두 통과했습니다/);

    const file = path.join(root, "backup.json");
    // --locale ko wins over an English LANG, and its value is not taken for the restore's FILE.
    const english = { ...env, LANG: "en_US.UTF-8" };
    expect((await run(["backup", "--out", file, "--locale", "ko"], 0, english)).stdout).toMatch(/✅ 백업을 .*backup\.json에 저장했습니다 \(\d+바이트\)/);
    const dry = await run(["restore", "--locale", "ko", file, "--dry-run"], 0, english);
    expect(dry.stdout).toMatch(/📦 .*의 백업, .*에 내보냄: \d+행/);
    expect(dry.stdout).toMatch(/합계: 추가 0, 변경 0, 삭제 0, 그대로 \d+/);
    expect(dry.stdout).toContain("🔍 시험 실행: 아무것도 바뀌지 않았습니다.");
    expect((await run(["restore", path.join(root, "nope.json")], 1)).stdout).toContain("nope.json을(를) 읽을 수 없습니다: 파일이 없습니다 (ENOENT)");
    expect((await run("restore", 2)).stdout).toContain("사용법: npm run metadata:restore -- 파일 [--dry-run]");

    const generate = await run(["generate", "--out", path.join(root, "generated")], 0);
    expect(generate.stdout).toMatch(/✅ .*에 파일 \d+개를 생성했습니다 \(\d+ ms, 바뀐 파일 \d+개\)/);

    const refused = await run("reset", 1);
    expect(refused.stdout).toContain("⚠️  다음을 삭제하게 됩니다: 프로젝트 cli-shop의 _metadata 스키마");
    expect(refused.stdout).toMatch(/테이블: .*project \(1행\)/);
    expect(refused.stdout).toContain("❌ 거부했습니다: 삭제하려면 `npm run metadata:reset -- --yes`를 실행하세요.");
    expect((await run(["reset", "--yes"], 0)).stdout).toContain("✅ 초기화를 마쳤습니다");
    expect((await run("check", 1)).stdout).toContain("❌ _metadata 스키마가 없습니다.");

    for (const [command, result] of outputs) {
      expect(englishSentences(result.stdout + result.stderr), `${command}\n${show(result)}`).toEqual([]);
    }
    // The detector itself finds the English lines it is meant to find.
    expect(englishSentences("🎉 Metadata initialization complete!\n📦 Backup of shop (PostgreSQL 18), exported now: 3 rows")).toHaveLength(2);
  });

  it("an unknown --locale is refused before anything runs", async () => {
    const result = await runCli(["check", "--locale", "fr"], { DATABASE_URL: "postgres://nobody@127.0.0.1:1/none" });
    expect(result.code, show(result)).toBe(2);
    expect(result.stdout).toContain("--locale takes en or ko");
    expect(result.stdout).toContain("--locale에는 en 또는 ko를 지정하세요");
  });
});
