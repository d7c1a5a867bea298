import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildSchema, validateSchema } from "graphql";
import { afterAll, describe, expect, it } from "vitest";
import { newGenerationSession, runGeneration } from "../lib/metadata/generation";
import { runCli } from "./helpers/cli";
import { journey, rows, useMetadataDb } from "./helpers/metadata";

const show = (r: { stdout: string; stderr: string }) => `stdout:\n${r.stdout}\nstderr:\n${r.stderr}`;

describe("npm run metadata:generate", { timeout: 300_000 }, () => {
  const ctx = useMetadataDb();
  const root = mkdtempSync(path.join(os.tmpdir(), "codegen-cli-"));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  async function project(config: object) {
    await ctx.pool.query("DELETE FROM _metadata.project");
    await ctx.pool.query(
      "INSERT INTO _metadata.project (id, project_id, project_name, root_path, generation_config) VALUES (1, 'shop', 'Shop', $1, $2::jsonb)",
      [root, JSON.stringify(config)],
    );
  }

  it("writes every target into root_path/outputDir, prints files and time, records the run; a second run rewrites nothing", async () => {
    await project({ outputDir: "./src/generated", includeComments: true, prettier: true });
    await journey(ctx.pool);
    const first = await runCli("generate", { DATABASE_URL: ctx.db.url });
    expect(first.code, show(first)).toBe(0);
    const dir = path.join(root, "src", "generated");
    for (const f of ["schema.graphql", "types.ts", "zod.ts", "forms/UserForm.tsx", "forms/PostForm.tsx"]) {
      expect(first.stdout).toContain(`✏️  ${path.join(path.relative(process.cwd(), dir), f)}`);
      expect(existsSync(path.join(dir, f))).toBe(true);
    }
    expect(first.stdout).toMatch(/✅ Generated 5 files into .* in \d+ ms \(5 changed\)/);
    const sdl = readFileSync(path.join(dir, "schema.graphql"), "utf8");
    expect(validateSchema(buildSchema(sdl))).toEqual([]);
    expect(sdl).toMatch(/type User[^{]*\{[^}]*email: String!/);

    const [p] = await rows<{ last_generation_at: Date | null }>(ctx.pool, "SELECT last_generation_at FROM _metadata.project");
    expect(p.last_generation_at).toBeInstanceOf(Date);
    const runs = await rows<{ generation_time_ms: number }>(
      ctx.pool,
      "SELECT generation_time_ms FROM _metadata.metadata_sync_log WHERE table_name = 'project' AND code_generated AND generation_time_ms IS NOT NULL",
    );
    expect(runs).toHaveLength(1);
    expect(runs[0].generation_time_ms).toBeGreaterThanOrEqual(0);
    const pending = await rows(ctx.pool, "SELECT id FROM _metadata.metadata_sync_log WHERE code_generated IS NOT TRUE");
    expect(pending).toEqual([]);

    const mtimes = ["schema.graphql", "zod.ts"].map((f) => statSync(path.join(dir, f)).mtimeMs);
    const second = await runCli("generate", { DATABASE_URL: ctx.db.url });
    expect(second.code, show(second)).toBe(0);
    expect(second.stdout).toMatch(/\(0 changed\)/);
    expect(["schema.graphql", "zod.ts"].map((f) => statSync(path.join(dir, f)).mtimeMs)).toEqual(mtimes);
    expect(readFileSync(path.join(dir, "schema.graphql"), "utf8")).toBe(sdl);
  });

  it("--out DIR wins; problems are printed with their link and exit 1; a dropped table's form is removed", async () => {
    await project({ outputDir: "./unused", prettier: false });
    const { users, posts } = await journey(ctx.pool);
    const out = path.join(root, "out");
    const ok = await runCli(["generate", "--out", out], { DATABASE_URL: ctx.db.url });
    expect(ok.code, show(ok)).toBe(0);
    expect(existsSync(path.join(out, "forms", "PostForm.tsx"))).toBe(true);
    writeFileSync(path.join(out, "forms", "Mine.tsx"), "// my own file\n");
    await ctx.pool.query("UPDATE _metadata.mappings_column SET graphql_type = 'Strng' WHERE table_id = $1 AND pg_column = 'name'", [users.id]);
    await ctx.pool.query("DELETE FROM _metadata.mappings_table WHERE id = $1", [posts.id]);
    const bad = await runCli(["generate", "--out", out], { DATABASE_URL: ctx.db.url });
    expect(bad.code, show(bad)).toBe(1);
    expect(bad.stdout).toContain('users: Unknown graphql_type "Strng"');
    expect(bad.stdout).toMatch(new RegExp(`/tables/${users.id}\\?tab=Columns&column=\\d+&field=graphql_type`));
    expect(bad.stdout).toContain("forms/PostForm.tsx (removed)");
    expect(existsSync(path.join(out, "forms", "PostForm.tsx"))).toBe(false);
    expect(existsSync(path.join(out, "forms", "Mine.tsx"))).toBe(true);
    expect(existsSync(path.join(root, "unused"))).toBe(false);
  });

  it("a generation_config with wrong types (written with psql) is printed as the problem, exit 1, nothing written", async () => {
    // Was: "prettier": "no" was read as the default (true) and the code written without a word.
    await project({ outputDir: "./typed-wrong", prettier: "no" });
    await journey(ctx.pool);
    const bad = await runCli(["generate"], { DATABASE_URL: ctx.db.url });
    expect(bad.code, show(bad)).toBe(1);
    expect(bad.stdout).toContain("generation_config.prettier must be true or false");
    expect(bad.stdout).toContain("Nothing was changed.");
    expect(existsSync(path.join(root, "typed-wrong"))).toBe(false);
    expect(await rows(ctx.pool, "SELECT last_generation_at FROM _metadata.project")).toEqual([{ last_generation_at: null }]);
    await project({ outputDir: "", prettier: false });
    const empty = await runCli(["generate"], { DATABASE_URL: ctx.db.url });
    expect(empty.code, show(empty)).toBe(1);
    expect(empty.stdout).toContain("generation_config.outputDir must be a non-empty text");
  });

  it("a watch session reads again only the changed tables, writes only changed files, and equals a fresh run", async () => {
    await project({ outputDir: "./unused", prettier: true });
    const { userColumns, posts } = await journey(ctx.pool);
    const kept = path.join(root, "session");
    const fresh = path.join(root, "fresh");
    const client = await ctx.pool.connect();
    const read = (dir: string) => {
      const files = ["schema.graphql", "types.ts", "zod.ts", "forms/UserForm.tsx", "forms/PostForm.tsx"];
      return Object.fromEntries(files.map((f) => [f, existsSync(path.join(dir, f)) ? readFileSync(path.join(dir, f), "utf8") : null]));
    };
    try {
      const session = newGenerationSession();
      await runGeneration(client, { out: kept, session });
      expect(session.input.reloaded).toBe(2);

      const email = userColumns.find((c) => c.pg_column === "email")!;
      await ctx.pool.query("UPDATE _metadata.mappings_column SET label = '전자우편' WHERE id = $1", [email.id]);
      const changed = await runGeneration(client, { out: kept, session });
      expect(session.input.reloaded).toBe(1);
      const status = Object.fromEntries(changed.files.map((f) => [f.path, f.status]));
      expect(status["forms/UserForm.tsx"]).toBe("written");
      expect(status["forms/PostForm.tsx"]).toBe("unchanged");
      await runGeneration(client, { out: fresh });
      expect(read(kept)).toEqual(read(fresh));
      expect(read(kept)["zod.ts"]).toContain("전자우편은(는) 올바른 이메일 주소여야 합니다.");

      // A relation removed, a column added to the other table, the settings changed: still a fresh run's output.
      await ctx.pool.query("DELETE FROM _metadata.mappings_relation");
      await ctx.pool.query(
        `INSERT INTO _metadata.mappings_column (table_id, schema_name, table_name, pg_column, pg_type, label, sort_order)
         SELECT id, schema_name, table_name, 'body', 'TEXT', '본문', 9 FROM _metadata.mappings_table WHERE id = $1`,
        [posts.id],
      );
      await runGeneration(client, { out: kept, session });
      expect(session.input.reloaded).toBe(1);
      await ctx.pool.query(`UPDATE _metadata.project SET generation_config = '{"includeComments": false, "prettier": false}'`);
      await runGeneration(client, { out: kept, session });
      expect(session.input.reloaded).toBe(0);
      await runGeneration(client, { out: fresh });
      expect(read(kept)).toEqual(read(fresh));
      expect(read(kept)["forms/PostForm.tsx"]).toContain("본문");
      expect(read(kept)["schema.graphql"]).not.toContain("author");

      // A generated file changed by hand is noticed (size or mtime) and written again; the others are left alone.
      writeFileSync(path.join(kept, "forms", "PostForm.tsx"), "// mine\n");
      const again = await runGeneration(client, { out: kept, session });
      expect(again.files.filter((f) => f.status !== "unchanged")).toEqual([{ path: "forms/PostForm.tsx", status: "written" }]);
      expect(read(kept)).toEqual(read(fresh));

      // The session looks only at log rows after those it marked before (when no other transaction was open then;
      // other test files share this server), and still marks every change it generated from.
      await ctx.pool.query("UPDATE _metadata.mappings_column SET label = 'Mail' WHERE id = $1", [email.id]);
      await runGeneration(client, { out: kept, session });
      expect(await rows(ctx.pool, "SELECT id FROM _metadata.metadata_sync_log WHERE code_generated IS NOT TRUE")).toEqual([]);
    } finally {
      client.release();
    }
  });

  it("--watch regenerates after a change made with plain SQL (LISTEN/NOTIFY), and its own run does not retrigger it", async () => {
    await project({ outputDir: "./watched", prettier: false });
    const { userColumns } = await journey(ctx.pool);
    const dir = path.join(root, "watched");
    // node itself (not npx), so the SIGINT below reaches the watcher.
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/metadata.ts", "generate", "--watch"], {
      cwd: process.cwd(),
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", DATABASE_URL: ctx.db.url, DOTENV_CONFIG_PATH: path.join(root, "none.env"), DOTENV_CONFIG_QUIET: "true" } as unknown as NodeJS.ProcessEnv,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stdout += chunk));
    const until = async (test: () => boolean, what: string) => {
      for (let i = 0; i < 1800 && !test(); i++) await new Promise((r) => setTimeout(r, 50));
      if (!test()) throw new Error(`${what} never happened:\n${stdout}`);
    };
    try {
      await until(() => stdout.includes("Watching"), "watch start");
      const email = userColumns.find((c) => c.pg_column === "email")!;
      await ctx.pool.query("UPDATE _metadata.mappings_column SET label = '전자우편' WHERE id = $1", [email.id]);
      await until(() => readFileSync(path.join(dir, "zod.ts"), "utf8").includes("전자우편은(는) 올바른 이메일 주소여야 합니다."), "regeneration");
      await until(() => (stdout.match(/✅ Generated/g) ?? []).length >= 2, "second report");
      await new Promise((r) => setTimeout(r, 1500));
      expect((stdout.match(/✅ Generated/g) ?? []).length, stdout).toBe(2);
    } finally {
      child.kill("SIGINT");
      await new Promise((r) => child.once("close", r));
    }
  });
});
