import { describe, expect, it } from "vitest";
import { addColumns, listColumns } from "../lib/metadata/columns";
import { ConflictError, FieldError } from "../lib/metadata/conflict";
import { createRelation, listRelations } from "../lib/metadata/relations";
import { createRelationWithWizard, deleteRelationAndReverse, findReverse } from "../lib/metadata/relation-wizard";
import { createTable, listTableNames } from "../lib/metadata/tables";
import { relationWizardSchema, type RelationWizardInput } from "../lib/schemas/relation";
import { analyze, generateFiles } from "../lib/codegen/generate";
import { loadCodegenInput } from "../lib/metadata/codegen-input";
import { newColumn, relationValues, snapshot, tableValues, thrown, useMetadataDb } from "./helpers/metadata";

const ctx = useMetadataDb();

async function table(name: string, columns: [string, string][]) {
  const row = await createTable(tableValues(name), ctx.pool);
  await addColumns(row.id, columns.map(([n, t]) => newColumn(n, t)), ctx.pool);
  return row;
}

/** The wizard's values as the form sends them: the given ones over the form's defaults. */
function wizard(values: Partial<RelationWizardInput> & Pick<RelationWizardInput, "from_table_id" | "to_table_id">) {
  return relationWizardSchema.parse({
    from_column: "",
    to_column: "id",
    relation_type: "ManyToOne",
    graphql_field: "",
    is_cascade_delete: false,
    constraint_name: "",
    create_fk_column: false,
    fk_column_name: "",
    create_junction: false,
    junction_table: "",
    create_reverse: false,
    reverse_graphql_field: "",
    ...values,
  });
}

const typeOf = async (tableId: number, column: string) =>
  (await listColumns(tableId, ctx.pool)).find((c) => c.pg_column === column)?.pg_type;

describe("the relation wizard: foreign-key column", () => {
  it.each([
    ["BIGSERIAL", "BIGINT"],
    ["SERIAL", "INTEGER"],
    ["UUID", "UUID"],
    ["VARCHAR(36)", "VARCHAR(36)"],
  ])("a %s key gives a %s foreign key named after the target (user_id), and the reverse `posts`", async (key, fk) => {
    const users = await table("users", [["id", key], ["email", "TEXT"]]);
    const posts = await table("posts", [["id", "BIGSERIAL"], ["title", "TEXT"]]);
    const result = await createRelationWithWizard(
      wizard({
        from_table_id: posts.id,
        to_table_id: users.id,
        graphql_field: "author",
        create_fk_column: true,
        fk_column_name: "user_id",
        create_reverse: true,
        reverse_graphql_field: "posts",
        is_cascade_delete: true,
      }),
      ctx.pool,
    );
    expect(await typeOf(posts.id, "user_id")).toBe(fk);
    expect(result.column).toMatchObject({ pg_column: "user_id", pg_type: fk, is_primary_key: false, is_unique: false });
    expect(result.relation).toMatchObject({
      from_table: "posts",
      from_column: "user_id",
      to_table: "users",
      to_column: "id",
      relation_type: "ManyToOne",
      graphql_field: "author",
      is_cascade_delete: true,
    });
    expect(result.reverse).toMatchObject({
      from_table: "users",
      from_column: "id",
      to_table: "posts",
      to_column: "user_id",
      relation_type: "OneToMany",
      graphql_field: "posts",
      is_cascade_delete: false,
    });
    expect((await listRelations(ctx.pool)).length).toBe(2);
  });

  it("OneToOne: the new column is unique and the reverse is OneToOne; unticked reverse creates none", async () => {
    const users = await table("users", [["id", "BIGSERIAL"]]);
    const profiles = await table("profiles", [["id", "BIGSERIAL"]]);
    const one = await createRelationWithWizard(
      wizard({ from_table_id: profiles.id, to_table_id: users.id, relation_type: "OneToOne", create_fk_column: true, fk_column_name: "user_id", create_reverse: true, reverse_graphql_field: "profile" }),
      ctx.pool,
    );
    expect(one.column).toMatchObject({ pg_type: "BIGINT", is_unique: true });
    expect(one.reverse).toMatchObject({ relation_type: "OneToOne", graphql_field: "profile" });
    const avatars = await table("avatars", [["id", "BIGSERIAL"]]);
    const none = await createRelationWithWizard(
      wizard({ from_table_id: avatars.id, to_table_id: users.id, create_fk_column: true, fk_column_name: "user_id" }),
      ctx.pool,
    );
    expect(none.reverse).toBeNull();
    expect((await listRelations(ctx.pool)).length).toBe(3);
  });

  it("an existing column of the target key's type is used as it is", async () => {
    const users = await table("users", [["id", "SERIAL"]]);
    const posts = await table("posts", [["id", "SERIAL"], ["owner_id", "INTEGER"]]);
    const result = await createRelationWithWizard(wizard({ from_table_id: posts.id, from_column: "owner_id", to_table_id: users.id }), ctx.pool);
    expect(result).toMatchObject({ column: null, reverse: null, relation: { from_column: "owner_id", to_column: "id" } });
  });
});

describe("the relation wizard refuses, and a refusal leaves nothing", () => {
  it.each([
    ["TEXT", "VARCHAR(36)", "OneToOne"],
    ["INTEGER", "BIGSERIAL", "ManyToOne"],
    ["BIGINT", "UUID", "ManyToOne"],
  ])("a %s column linked to a %s key (%s): a clear message on from_column", async (fkType, keyType, type) => {
    const users = await table("users", [["id", keyType]]);
    const posts = await table("posts", [["id", "BIGSERIAL"], ["user_ref", fkType]]);
    const before = await snapshot(ctx.pool);
    const error = await thrown(
      createRelationWithWizard(wizard({ from_table_id: posts.id, from_column: "user_ref", to_table_id: users.id, relation_type: type as "OneToOne", create_reverse: true, reverse_graphql_field: "posts" }), ctx.pool),
    );
    expect(error).toBeInstanceOf(FieldError);
    expect(error).toMatchObject({ field: "from_column" });
    expect((error as Error).message).toBe(
      `posts.user_ref is ${fkType} but users.id is ${keyType}: the two ends of a relation need the same type (${keyType === "BIGSERIAL" ? "BIGINT" : keyType}).`,
    );
    expect(await snapshot(ctx.pool)).toEqual(before);
  });

  it("the plain create (no wizard) refuses incompatible types too", async () => {
    const users = await table("users", [["id", "VARCHAR(36)"]]);
    const posts = await table("posts", [["id", "BIGSERIAL"], ["user_id", "TEXT"]]);
    const error = await thrown(createRelation(relationValues({ from_table_id: posts.id, from_column: "user_id", to_table_id: users.id, relation_type: "OneToOne" }), ctx.pool));
    expect(error).toBeInstanceOf(FieldError);
    expect((error as Error).message).toMatch(/posts\.user_id is TEXT but users\.id is VARCHAR\(36\)/);
  });

  it("a failure after the column was added (the reverse already exists) rolls the column back too", async () => {
    const users = await table("users", [["id", "BIGSERIAL"]]);
    const posts = await table("posts", [["id", "BIGSERIAL"]]);
    // users.id → posts.user_id exists before posts.user_id does (metadata can say so): the reverse collides.
    await addColumns(posts.id, [newColumn("user_id", "BIGINT")], ctx.pool);
    await createRelation(relationValues({ from_table_id: users.id, from_column: "id", to_table_id: posts.id, to_column: "user_id", relation_type: "OneToMany" }), ctx.pool);
    await ctx.pool.query("DELETE FROM _metadata.mappings_column WHERE table_id = $1 AND pg_column = 'user_id'", [posts.id]);
    const before = await snapshot(ctx.pool);
    const error = await thrown(
      createRelationWithWizard(wizard({ from_table_id: posts.id, to_table_id: users.id, create_fk_column: true, fk_column_name: "user_id", create_reverse: true, reverse_graphql_field: "posts" }), ctx.pool),
    );
    expect(error).toBeInstanceOf(FieldError);
    expect(error).toMatchObject({ field: "create_reverse" });
    expect((error as Error).message).toMatch(/^The reverse relation: .*already exists/);
    expect(await snapshot(ctx.pool)).toEqual(before);
    expect(await typeOf(posts.id, "user_id")).toBeUndefined();
  });

  it("a foreign-key name the table already has is refused on that field, nothing added", async () => {
    const users = await table("users", [["id", "BIGSERIAL"]]);
    const posts = await table("posts", [["id", "BIGSERIAL"], ["user_id", "BIGINT"]]);
    const before = await snapshot(ctx.pool);
    const error = await thrown(createRelationWithWizard(wizard({ from_table_id: posts.id, to_table_id: users.id, create_fk_column: true, fk_column_name: "user_id" }), ctx.pool));
    expect(error).toMatchObject({ field: "fk_column_name" });
    expect((error as Error).message).toMatch(/already has a column "user_id"/);
    expect(await snapshot(ctx.pool)).toEqual(before);
  });

  it("the schema requires a name for the new column and a from_column otherwise", () => {
    const noName = relationWizardSchema.safeParse({ ...wizard({ from_table_id: 1, to_table_id: 2, from_column: "x" }), create_fk_column: true, fk_column_name: "" });
    expect(noName.success).toBe(false);
    expect(noName.error?.issues.map((i) => i.path.join("."))).toEqual(["fk_column_name"]);
    const noColumn = relationWizardSchema.safeParse({ ...wizard({ from_table_id: 1, to_table_id: 2, from_column: "x" }), from_column: "" });
    expect(noColumn.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["from_column", "From column is required."]]);
    // Exact types: a number where text belongs is not coerced.
    expect(relationWizardSchema.safeParse({ ...wizard({ from_table_id: 1, to_table_id: 2, from_column: "x" }), create_reverse: "yes" }).success).toBe(false);
  });
});

describe("the relation wizard: ManyToMany through a junction table", () => {
  it("creates posts_tags with post_id and tag_id, its two relations, the ManyToMany and its reverse", async () => {
    const posts = await table("posts", [["id", "BIGSERIAL"]]);
    const tags = await table("tags", [["id", "UUID"]]);
    const result = await createRelationWithWizard(
      wizard({ from_table_id: posts.id, from_column: "id", to_table_id: tags.id, relation_type: "ManyToMany", graphql_field: "tags", create_junction: true, junction_table: "posts_tags", create_reverse: true, reverse_graphql_field: "posts" }),
      ctx.pool,
    );
    expect(result.junction?.table).toMatchObject({ table_name: "posts_tags", schema_name: "public" });
    expect(result.junction?.columns.map((c) => [c.pg_column, c.pg_type, c.is_primary_key])).toEqual([
      ["post_id", "BIGINT", true],
      ["tag_id", "UUID", true],
    ]);
    expect(result.junction?.relations.map((r) => `${r.from_table}.${r.from_column}→${r.to_table}.${r.to_column} ${r.relation_type} ${r.graphql_field}`)).toEqual([
      "posts_tags.post_id→posts.id ManyToOne post",
      "posts_tags.tag_id→tags.id ManyToOne tag",
    ]);
    expect(result.relation).toMatchObject({ relation_type: "ManyToMany", graphql_field: "tags", from_table: "posts", to_table: "tags" });
    expect(result.reverse).toMatchObject({ relation_type: "ManyToMany", graphql_field: "posts", from_table: "tags", to_table: "posts" });
    expect((await listTableNames(ctx.pool)).map((t) => t.table_name)).toEqual(["posts", "posts_tags", "tags"]);
  });

  it("a junction name that is taken is refused and nothing is created", async () => {
    const posts = await table("posts", [["id", "BIGSERIAL"]]);
    const tags = await table("tags", [["id", "BIGSERIAL"]]);
    await table("posts_tags", [["id", "BIGSERIAL"]]);
    const before = await snapshot(ctx.pool);
    const error = await thrown(
      createRelationWithWizard(wizard({ from_table_id: posts.id, from_column: "id", to_table_id: tags.id, relation_type: "ManyToMany", create_junction: true, junction_table: "posts_tags" }), ctx.pool),
    );
    expect(error).toMatchObject({ field: "junction_table" });
    expect(await snapshot(ctx.pool)).toEqual(before);
  });
});

describe("deleting a relation with its reverse", () => {
  async function related() {
    const users = await table("users", [["id", "BIGSERIAL"]]);
    const posts = await table("posts", [["id", "BIGSERIAL"]]);
    return createRelationWithWizard(
      wizard({ from_table_id: posts.id, to_table_id: users.id, create_fk_column: true, fk_column_name: "user_id", create_reverse: true, reverse_graphql_field: "posts" }),
      ctx.pool,
    );
  }

  it("finds the reverse from either side and deletes both together", async () => {
    const { relation, reverse } = await related();
    expect((await findReverse(relation, ctx.pool))?.id).toBe(reverse!.id);
    expect((await findReverse(reverse!, ctx.pool))?.id).toBe(relation.id);
    expect(await deleteRelationAndReverse(reverse!.id, reverse!.rowVersion, true, ctx.pool)).toEqual({ deleted: [reverse!.id, relation.id] });
    expect(await listRelations(ctx.pool)).toEqual([]);
  });

  it("keeps the reverse when not asked, and a stale version deletes nothing", async () => {
    const { relation, reverse } = await related();
    await ctx.pool.query("UPDATE _metadata.mappings_relation SET graphql_field = 'writer' WHERE id = $1", [relation.id]);
    const error = await thrown(deleteRelationAndReverse(relation.id, relation.rowVersion, true, ctx.pool));
    expect(error).toBeInstanceOf(ConflictError);
    expect((await listRelations(ctx.pool)).length).toBe(2);
    const fresh = (await listRelations(ctx.pool)).find((r) => r.id === relation.id)!;
    await deleteRelationAndReverse(fresh.id, fresh.rowVersion, false, ctx.pool);
    expect((await listRelations(ctx.pool)).map((r) => r.id)).toEqual([reverse!.id]);
  });
});

describe("what the wizard makes, code generation reads without a problem", () => {
  it("ManyToOne, OneToOne and ManyToMany, each with its reverse: every side one field, no back-reference clash", async () => {
    const users = await table("users", [["id", "BIGSERIAL"], ["email", "TEXT"]]);
    const posts = await table("posts", [["id", "BIGSERIAL"], ["title", "TEXT"]]);
    const profiles = await table("profiles", [["id", "BIGSERIAL"]]);
    const tags = await table("tags", [["id", "BIGSERIAL"]]);
    const made = [
      wizard({ from_table_id: posts.id, to_table_id: users.id, graphql_field: "author", create_fk_column: true, fk_column_name: "user_id", create_reverse: true, reverse_graphql_field: "posts" }),
      wizard({ from_table_id: profiles.id, to_table_id: users.id, relation_type: "OneToOne", graphql_field: "user", create_fk_column: true, fk_column_name: "user_id", create_reverse: true, reverse_graphql_field: "profile" }),
      wizard({ from_table_id: posts.id, from_column: "id", to_table_id: tags.id, relation_type: "ManyToMany", graphql_field: "tags", create_junction: true, junction_table: "posts_tags", create_reverse: true, reverse_graphql_field: "posts" }),
    ];
    for (const values of made) await createRelationWithWizard(values, ctx.pool);
    const input = await loadCodegenInput(ctx.pool);
    const { problems } = analyze({ ...input, tables: input.tables.map((t) => ({ ...t, is_api_enabled: true })) });
    expect(problems).toEqual([]);
    const sdl = generateFiles({ ...input, tables: input.tables.map((t) => ({ ...t, is_api_enabled: true })) }).find((f) => f.path === "schema.graphql")!.content;
    const fieldsOf = (type: string) => [...new RegExp(`type ${type} \\{([^}]*)\\}`).exec(sdl)![1].matchAll(/^ {2}(\w+)[:(]/gm)].map((m) => m[1]);
    expect(fieldsOf("User")).toEqual(expect.arrayContaining(["posts", "profile"]));
    expect(fieldsOf("Post")).toEqual(expect.arrayContaining(["author", "tags"]));
    expect(fieldsOf("Tag")).toContain("posts");
    expect(fieldsOf("Profile")).toContain("user");
  });
});
