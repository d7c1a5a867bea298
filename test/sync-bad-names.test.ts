import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyPlan, ApplyRefusedError, previewPlan } from "../lib/sync/apply";
import { runImport } from "../lib/sync/import";
import { loadSync } from "../lib/sync/sync";
import { freshDatabase, type FreshDatabase } from "./helpers/db";

// The editor's forms refuse names that cannot be quoted into SQL, but psql writes whatever it is given. Drift and
// plan must then say which name is wrong, never fail as a whole or plan a DROP for a typo.
describe("names written with psql that cannot be quoted into SQL", () => {
  let db: FreshDatabase;
  beforeAll(async () => {
    db = await freshDatabase({ init: true });
    await db.client.query(`
      CREATE TABLE public.users (id bigserial PRIMARY KEY, email text NOT NULL);
      CREATE TABLE public.posts (id bigserial PRIMARY KEY, user_id bigint REFERENCES public.users (id), title text);
      CREATE INDEX posts_title_idx ON public.posts (title);`);
    await runImport(db.client, ["public"]);
    expect((await loadSync(db.client)).items).toEqual([]);
  });
  afterAll(async () => {
    await db?.drop();
  });

  async function withChange(
    sql: string,
    undo: string,
    check: (preview: Awaited<ReturnType<typeof previewPlan>>) => void,
  ) {
    await db.client.query(sql);
    try {
      const preview = await previewPlan(db.client);
      check(preview);
      expect(preview.statements.filter((s) => /DROP TABLE|DROP COLUMN/.test(s.sql))).toEqual([]);
      const refused = await applyPlan(db.client, { allowDestructive: true }).catch((e) => e);
      expect(refused).toBeInstanceOf(ApplyRefusedError);
    } finally {
      await db.client.query(undo);
    }
    expect((await loadSync(db.client)).items).toEqual([]);
  }

  it("a column name: its table is left out of the comparison, with the name in the problem", async () => {
    await withChange(
      "UPDATE _metadata.mappings_column SET pg_column = 'ti tle' WHERE pg_column = 'title'",
      "UPDATE _metadata.mappings_column SET pg_column = 'title' WHERE pg_column = 'ti tle'",
      (preview) => {
        expect(preview.problems).toEqual([{ where: "public.posts", message: expect.stringContaining('"ti tle"') }]);
        expect(preview.items).toEqual([]);
      },
    );
  });

  it("an index name: a problem, and the plan uses a derived name", async () => {
    await withChange(
      `UPDATE _metadata.mappings_column SET index_config = '{"type": "BTREE", "name": "bad name"}' WHERE pg_column = 'title'`,
      `UPDATE _metadata.mappings_column SET index_config = '{"type": "BTREE", "name": "posts_title_idx"}' WHERE pg_column = 'title'`,
      (preview) => {
        expect(preview.problems).toEqual([{ where: "public.posts", message: expect.stringContaining('"bad name"') }]);
        for (const s of preview.statements) expect(s.sql).not.toContain("bad name");
      },
    );
  });

  it("a check name and a foreign key's constraint name", async () => {
    await withChange(
      `UPDATE _metadata.mappings_table SET table_constraints = '{"checks": [{"name": "x\\"; drop", "condition": "id > 0"}]}' WHERE table_name = 'users';
       UPDATE _metadata.mappings_relation SET constraint_name = 'fk; drop'`,
      `UPDATE _metadata.mappings_table SET table_constraints = NULL WHERE table_name = 'users';
       UPDATE _metadata.mappings_relation SET constraint_name = 'posts_user_id_fkey'`,
      (preview) => {
        expect(preview.problems.map((p) => p.where).sort()).toEqual(["public.posts.user_id", "public.users"]);
        expect(preview.problems.map((p) => p.message).join("\n")).toMatch(/"x"; drop"[\s\S]*|"fk; drop"/);
        for (const s of preview.statements) expect(s.sql).not.toMatch(/drop"|fk; drop/);
      },
    );
  });
});
