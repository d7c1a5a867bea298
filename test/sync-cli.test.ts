import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "./helpers/cli";
import { freshDatabase, type FreshDatabase } from "./helpers/db";

const show = (r: { stdout: string; stderr: string }) => `stdout:\n${r.stdout}\nstderr:\n${r.stderr}`;

describe("metadata:import / diff / plan / apply (the CLI, end to end)", { timeout: 180_000 }, () => {
  let db: FreshDatabase;
  let root: string;
  let env: Record<string, string>;
  beforeAll(async () => {
    db = await freshDatabase({ init: true });
    root = mkdtempSync(path.join(os.tmpdir(), "sync-cli-"));
    env = { DATABASE_URL: db.url };
    await db.client.query(`
      INSERT INTO _metadata.project (id, project_id, project_name, root_path, database_path) VALUES (1, 'cli', 'CLI', '/tmp', './db');
      CREATE TABLE public.authors (id serial PRIMARY KEY, name varchar(80) NOT NULL);
      CREATE TABLE public.books (id serial PRIMARY KEY, author_id integer REFERENCES public.authors (id) ON DELETE CASCADE, title text);
      CREATE VIEW public.book_titles AS SELECT title FROM public.books;`);
    await db.client.query("UPDATE _metadata.project SET root_path = $1", [root]);
  });
  afterAll(async () => {
    await db?.drop();
    rmSync(root, { recursive: true, force: true });
  });

  it("import --dry-run shows the preview and changes nothing; import writes it", async () => {
    const dry = await runCli(["import", "--dry-run"], env);
    expect(dry.code, show(dry)).toBe(0);
    expect(dry.stdout).toContain("tables     +2 to add");
    expect(dry.stdout).toMatch(/skipped view public\.book_titles: a view/);
    expect(dry.stdout).toContain("Dry run: nothing was changed.");
    expect((await db.client.query("SELECT count(*)::int AS n FROM _metadata.mappings_table")).rows[0].n).toBe(0);

    const run = await runCli(["import", "--schema", "public"], env);
    expect(run.code, show(run)).toBe(0);
    expect(run.stdout).toContain("Imported: 2 tables, 5 columns, 1 relation added");
    const diff = await runCli(["diff"], env);
    expect(diff.code, show(diff)).toBe(0);
    expect(diff.stdout).toContain("No drift");
  });

  it("diff exits 1 on drift (--json too), plan shows and saves it, apply needs --yes and the destructive opt-in", async () => {
    await db.client.query("ALTER TABLE public.books ADD COLUMN isbn char(13)");
    const diff = await runCli(["diff"], env);
    expect(diff.code).toBe(1);
    expect(diff.stdout).toMatch(/column\s+public\.books\.isbn: metadata \(none\) · database character\(13\)/);
    const json = await runCli(["diff", "--json"], env);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout).items).toMatchObject([{ kind: "column", table: "public.books", column: "isbn", metadata: null }]);

    const plan = await runCli(["plan", "--save"], env);
    expect(plan.code, show(plan)).toBe(0);
    expect(plan.stdout).toContain('ALTER TABLE "public"."books" DROP COLUMN "isbn";');
    expect(plan.stdout).toContain("destructive (drops the column and its values; 0 rows)");
    const files = readdirSync(path.join(root, "db", "migrations")).sort();
    expect(files).toHaveLength(2);
    expect(files[0]).toMatch(/^\d{14}_metadata_sync\.down\.sql$/);
    expect(readFileSync(path.join(root, "db", "migrations", files[0]), "utf8")).toContain('ADD COLUMN "isbn" character(13)');

    const refused = await runCli(["apply"], env);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain("Refused");
    const noOptIn = await runCli(["apply", "--yes"], env);
    expect(noOptIn.code).toBe(1);
    expect(noOptIn.stdout).toContain("1 destructive statement");
    expect((await runCli(["diff"], env)).code).toBe(1);

    const applied = await runCli(["apply", "--yes", "--allow-destructive"], env);
    expect(applied.code, show(applied)).toBe(0);
    expect(applied.stdout).toContain("Applied 1 statement in one transaction.");
    expect((await runCli(["diff"], env)).code).toBe(0);
  });
});
