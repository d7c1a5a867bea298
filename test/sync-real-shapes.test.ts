import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportMetadata, restoreMetadata } from "../lib/metadata/backup";
import { applyCellEdits } from "../lib/metadata/cell-edits";
import { COLUMN_CELL_EDITS, listColumns, updateColumn } from "../lib/metadata/columns";
import { CellEditsError } from "../lib/metadata/cell-edits";
import { FieldError } from "../lib/metadata/conflict";
import { applyPlan, previewPlan } from "../lib/sync/apply";
import { previewImport, runImport } from "../lib/sync/import";
import { loadSync } from "../lib/sync/sync";
import { freshDatabase, type FreshDatabase } from "./helpers/db";

// Shapes of real databases (Pagila's mpaa_rating enum, its year domain, a trigger, Supabase's row-level security).
// The plan creates an enum type from a column's enum options (CREATE TYPE … AS ENUM). So a pg_type the server does
// not know yet is a type to be when the column has options: every write path (edit, batch edit, restore) takes it,
// which is what lets metadata be restored into a new database and planned there. Without options it stays a typo.
describe("shapes of real databases: enum types to be, domains, triggers, row-level security", () => {
  let source: FreshDatabase;
  let target: FreshDatabase;
  let pool: pg.Pool;
  beforeAll(async () => {
    [source, target] = await Promise.all([freshDatabase({ init: true }), freshDatabase({ init: true })]);
    pool = new pg.Pool({ connectionString: source.url, max: 2 });
    await source.client.query(`
      CREATE TYPE mpaa_rating AS ENUM ('G', 'PG', 'PG-13', 'R', 'NC-17');
      CREATE DOMAIN year AS integer CHECK (VALUE >= 1901 AND VALUE <= 2155);
      CREATE TABLE public.film (
        film_id serial PRIMARY KEY, title text NOT NULL, rating mpaa_rating DEFAULT 'G', release_year year, mood text);
      CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
      CREATE TRIGGER last_updated BEFORE UPDATE ON public.film FOR EACH ROW EXECUTE FUNCTION touch();
      ALTER TABLE public.film ENABLE ROW LEVEL SECURITY;
      CREATE POLICY "films are public" ON public.film FOR SELECT USING (true);`);
  });
  afterAll(async () => {
    await pool?.end();
    await Promise.all([source?.drop(), target?.drop()]);
  });

  const column = async (name: string) => {
    const { rows } = await source.client.query<{ id: number; table_id: number }>(
      "SELECT id::int, table_id::int FROM _metadata.mappings_column WHERE table_name = 'film' AND pg_column = $1",
      [name],
    );
    return (await listColumns(rows[0].table_id, pool)).find((c) => c.id === rows[0].id)!;
  };

  it("imports a domain column by its name, with a note that the plan does not create domains", async () => {
    const imported = await runImport(source.client, ["public"]);
    expect(imported.notes).toContainEqual(expect.stringMatching(/^year is a domain \(used by public\.film\.release_year\).*CREATE DOMAIN year/));
    expect((await loadSync(source.client, { schemas: ["public"] })).items).toEqual([]);
  });

  it("lists the triggers, row-level security and policies it leaves in the database (the plan never touches them)", async () => {
    const preview = await previewImport(source.client, ["public"]);
    expect(preview.skipped.filter((s) => ["trigger", "policy", "row level security"].includes(s.kind))).toEqual([
      { kind: "policy", name: "public.film.films are public", reason: expect.stringMatching(/^row-level security policies stay in the database/) },
      { kind: "row level security", name: "public.film", reason: expect.stringMatching(/^row-level security is on in the database/) },
      { kind: "trigger", name: "public.film.last_updated", reason: expect.stringMatching(/^triggers stay in the database/) },
    ]);
  });

  it("an edit to an unknown type is refused without enum options and taken with them", async () => {
    const mood = await column("mood");
    const refused = await updateColumn(mood.id, mood.rowVersion, { pg_type: "mood" }, pool).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(FieldError);
    expect((refused as FieldError).message).toBe('PostgreSQL does not know the type "mood".');
    const options = JSON.stringify([{ value: "happy", label: "기쁨" }, { value: "sad", label: "슬픔" }]);
    const saved = await updateColumn(mood.id, mood.rowVersion, { pg_type: "mood", enum_options: options }, pool);
    expect(saved.pg_type).toBe("mood");
    // The options now stored define the type for a later edit too (a batch edit reads them from the row).
    await applyCellEdits(COLUMN_CELL_EDITS, [{ id: mood.id, rowVersion: saved.rowVersion, field: "pg_type", value: "feeling" }], pool);
    expect((await column("mood")).pg_type).toBe("feeling");
    const title = await column("title");
    const batch = await applyCellEdits(COLUMN_CELL_EDITS, [{ id: title.id, rowVersion: title.rowVersion, field: "pg_type", value: "feeling" }], pool).catch((e: unknown) => e);
    expect(batch).toBeInstanceOf(CellEditsError);
    expect((await column("title")).pg_type).toBe("text");
  });

  it("the plan creates the enum from the options; a backup restored into a new database plans and applies whole", async () => {
    const here = await previewPlan(source.client, { schemas: ["public"] });
    expect(here.problems).toEqual([]);
    expect(here.up).toContain(`CREATE TYPE "public"."feeling" AS ENUM ('happy', 'sad');`);
    // A new database: the enum type is not there, the domain is created by hand as the import's note says.
    await target.client.query("CREATE DOMAIN year AS integer CHECK (VALUE >= 1901 AND VALUE <= 2155)");
    const targetPool = new pg.Pool({ connectionString: target.url, max: 2 });
    try {
      await restoreMetadata(targetPool, await exportMetadata(pool));
    } finally {
      await targetPool.end();
    }
    const preview = await previewPlan(target.client, { schemas: ["public"] });
    expect(preview.problems).toEqual([]);
    expect(preview.up).toContain(`CREATE TYPE "public"."mpaa_rating" AS ENUM ('G', 'PG', 'PG-13', 'R', 'NC-17');`);
    expect(preview.up).toContain(`CREATE TYPE "public"."feeling" AS ENUM ('happy', 'sad');`);
    const result = await applyPlan(target.client, { schemas: ["public"], digest: preview.digest });
    expect(result.remaining).toEqual([]);
    expect((await loadSync(target.client, { schemas: ["public"] })).items).toEqual([]);
  });
});
