import { afterEach, describe, expect, it } from "vitest";
import { encodeForm } from "../lib/codegen/form-wire";
import { tableForm } from "../lib/codegen/generate";
import { setAmbientLocale } from "../lib/i18n/messages";
import { loadTableCodegenInput } from "../lib/metadata/codegen-input";
import { tableFormStats, tableFormText, warmTableForm } from "../lib/metadata/table-form";
import { journey, useMetadataDb } from "./helpers/metadata";

describe("the Form preview's answer, kept while its metadata stays the same", () => {
  const ctx = useMetadataDb();
  afterEach(() => setAmbientLocale(() => undefined));

  it("is reused while nothing changed and rebuilt after any change it depends on, always equal to a fresh build", async () => {
    const { users, posts } = await journey(ctx.pool);
    const fresh = async (id: number) => JSON.stringify((({ form, problems }) => ({ form: form && encodeForm(form), problems }))(tableForm(await loadTableCodegenInput(id, ctx.pool), id)));
    /** The answer, whether it was built (true) or reused (false), and that it equals a fresh build. */
    const answer = async (id: number) => {
      const before = tableFormStats.built;
      const text = await tableFormText(id, ctx.pool);
      expect(text).toBe(await fresh(id));
      return { text, built: tableFormStats.built > before };
    };

    const first = await answer(users.id);
    expect(first.built).toBe(true);
    expect(await answer(users.id)).toEqual({ text: first.text, built: false });
    expect((await answer(posts.id)).built).toBe(true);

    const changes: [string, string][] = [
      ["a column's label", "UPDATE _metadata.mappings_column SET label = 'E-mail address' WHERE table_id = $1 AND pg_column = 'email'"],
      ["a column added", "INSERT INTO _metadata.mappings_column (table_id, schema_name, table_name, pg_column, pg_type, label) SELECT id, schema_name, table_name, 'nick', 'TEXT', 'Nick' FROM _metadata.mappings_table WHERE id = $1"],
      ["a column deleted", "DELETE FROM _metadata.mappings_column WHERE table_id = $1 AND pg_column = 'nick'"],
      ["the reverse relation's field", "UPDATE _metadata.mappings_relation SET graphql_field = 'writer' WHERE to_table_id = $1"],
      ["another table's type name (now clashing)", "UPDATE _metadata.mappings_table SET graphql_type = 'User' WHERE id <> $1"],
      ["the project's settings", `UPDATE _metadata.project SET generation_config = '{"includeComments": false}' WHERE id = 1 AND $1::bigint > 0`],
    ];
    await ctx.pool.query("INSERT INTO _metadata.project (id, project_id, project_name, root_path) VALUES (1, 'p', 'P', '.') ON CONFLICT (id) DO NOTHING");
    await answer(users.id);
    for (const [what, sql] of changes) {
      const before = (await answer(users.id)).text;
      await ctx.pool.query(sql, [users.id]);
      const after = await answer(users.id);
      expect(after.built, what).toBe(true);
      expect((await answer(users.id)).built, `${what}: reused next time`).toBe(false);
      // A relation's field and the settings are not in the form; the others show in it or in its problems.
      if (!["the reverse relation's field", "the project's settings"].includes(what)) expect(after.text, what).not.toBe(before);
    }

    // The problems' messages are in the request's language: each language has its own answer.
    await ctx.pool.query("UPDATE _metadata.mappings_table SET graphql_type = 'Bad-Name' WHERE id = $1", [users.id]);
    const english = await answer(users.id);
    setAmbientLocale(() => "ko");
    const korean = await answer(users.id);
    expect(korean.built).toBe(true);
    expect(korean.text).not.toBe(english.text);
  });

  it("is built once when the page's warm-up and the tab's click ask for it at the same time", async () => {
    const { users, posts } = await journey(ctx.pool);
    let before = tableFormStats.built;
    const [a, b] = await Promise.all([tableFormText(users.id, ctx.pool), tableFormText(users.id, ctx.pool)]);
    expect(tableFormStats.built - before).toBe(1);
    expect(b).toBe(a);

    before = tableFormStats.built;
    const warming = warmTableForm(posts.id, "en", ctx.pool);
    const clicked = await tableFormText(posts.id, ctx.pool);
    await warming;
    expect(tableFormStats.built - before).toBe(1);
    expect(await tableFormText(posts.id, ctx.pool)).toBe(clicked);
    expect(tableFormStats.built - before).toBe(1);
  });
});
