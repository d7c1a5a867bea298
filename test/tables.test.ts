import { describe, expect, it } from "vitest";
import { addColumns } from "../lib/metadata/columns";
import { ConflictError, FieldError } from "../lib/metadata/conflict";
import { createRelation } from "../lib/metadata/relations";
import { createTable, deleteTable, deletionImpact, getTable, listTableNames, listTables, updateTable, type TableRow } from "../lib/metadata/tables";
import { journey, newColumn, relationValues, rows, snapshot, tableValues, thrown, useMetadataDb } from "./helpers/metadata";

const ctx = useMetadataDb();

describe("the acceptance journey at the data level (users, posts, posts.user_id → users.id)", () => {
  it("leaves exactly the described rows in _metadata", async () => {
    const { users, posts, author } = await journey(ctx.pool);
    expect(await rows(ctx.pool, `SELECT id, schema_name, table_name, graphql_type, label, primary_key, is_api_enabled,
        api_permissions, table_constraints, indexes, description FROM _metadata.mappings_table ORDER BY id`)).toEqual([
      { id: users.id, schema_name: "public", table_name: "users", graphql_type: "User", label: "사용자", primary_key: "id", is_api_enabled: true, api_permissions: null, table_constraints: null, indexes: null, description: null },
      { id: posts.id, schema_name: "public", table_name: "posts", graphql_type: "Post", label: "게시글", primary_key: "id", is_api_enabled: true, api_permissions: null, table_constraints: null, indexes: null, description: null },
    ]);

    const columns = await rows(ctx.pool, `SELECT table_id, schema_name, table_name, pg_column, pg_type, graphql_field, graphql_type, form_type,
        label, is_required, is_unique, is_primary_key, sort_order FROM _metadata.mappings_column ORDER BY table_id, sort_order`);
    const u = { table_id: users.id, schema_name: "public", table_name: "users" };
    const p = { table_id: posts.id, schema_name: "public", table_name: "posts" };
    expect(columns).toEqual([
      { ...u, pg_column: "id", pg_type: "BIGSERIAL", graphql_field: "id", graphql_type: "ID", form_type: "hidden", label: "ID", is_required: true, is_unique: false, is_primary_key: true, sort_order: 1 },
      { ...u, pg_column: "email", pg_type: "VARCHAR(255)", graphql_field: "email", graphql_type: "String", form_type: "email", label: "Email", is_required: true, is_unique: true, is_primary_key: false, sort_order: 2 },
      { ...u, pg_column: "name", pg_type: "VARCHAR(100)", graphql_field: "name", graphql_type: "String", form_type: "text", label: "Name", is_required: false, is_unique: false, is_primary_key: false, sort_order: 3 },
      { ...p, pg_column: "id", pg_type: "BIGSERIAL", graphql_field: "id", graphql_type: "ID", form_type: "hidden", label: "ID", is_required: true, is_unique: false, is_primary_key: true, sort_order: 1 },
      { ...p, pg_column: "title", pg_type: "VARCHAR(200)", graphql_field: "title", graphql_type: "String", form_type: "text", label: "Title", is_required: true, is_unique: false, is_primary_key: false, sort_order: 2 },
      { ...p, pg_column: "user_id", pg_type: "BIGINT", graphql_field: "userId", graphql_type: "ID", form_type: "number", label: "User id", is_required: false, is_unique: false, is_primary_key: false, sort_order: 3 },
    ]);

    const relations = await rows(ctx.pool, `SELECT id, from_table_id, to_table_id, from_schema, from_table, from_column, to_schema, to_table, to_column,
        relation_type::text, graphql_field, is_cascade_delete, constraint_name FROM _metadata.mappings_relation`);
    expect(relations).toEqual([
      { id: author.id, from_table_id: posts.id, to_table_id: users.id, from_schema: "public", from_table: "posts", from_column: "user_id",
        to_schema: "public", to_table: "users", to_column: "id", relation_type: "ManyToOne", graphql_field: "author", is_cascade_delete: false, constraint_name: null },
    ]);
  });

  it("lists tables with their column counts, and names for pickers", async () => {
    const { users, posts } = await journey(ctx.pool);
    await createTable(tableValues("tags"), ctx.pool);
    const list = await listTables(ctx.pool);
    expect(list.map((t) => [t.table_name, t.column_count])).toEqual([["posts", 3], ["tags", 0], ["users", 3]]);
    expect(list.find((t) => t.id === users.id)!.rowVersion).toBe(users.rowVersion);
    expect((await listTableNames(ctx.pool)).map((t) => t.id)).toEqual([posts.id, 3, users.id]);
  });

  it("createTable refuses a second table of the same schema and name with FieldError on table_name", async () => {
    await createTable(tableValues("users"), ctx.pool);
    const error = await thrown(createTable(tableValues("users", { label: "Again" }), ctx.pool));
    expect(error).toBeInstanceOf(FieldError);
    expect(error).toMatchObject({ field: "table_name", message: "A table public.users already exists." });
    expect(await createTable(tableValues("users", { schema_name: "app" }), ctx.pool)).toMatchObject({ schema_name: "app" });
  });

  it("createTable stores JSON arrays and objects as JSONB", async () => {
    const row = await createTable(
      tableValues("users", { indexes: '[{"columns": ["email"], "type": "UNIQUE"}]', api_permissions: '{"read": "public"}' }),
      ctx.pool,
    );
    expect(row.indexes).toEqual([{ columns: ["email"], type: "UNIQUE" }]);
    expect(row.api_permissions).toEqual({ read: "public" });
    expect(await rows(ctx.pool, "SELECT jsonb_typeof(indexes) AS t FROM _metadata.mappings_table")).toEqual([{ t: "array" }]);
  });
});

describe("renaming a table", () => {
  async function withSelfRelation() {
    const j = await journey(ctx.pool);
    await addColumns(j.users.id, [newColumn("manager_id", "BIGINT")], ctx.pool);
    await createRelation(relationValues({ from_table_id: j.users.id, from_column: "manager_id", to_table_id: j.users.id, graphql_field: "manager" }), ctx.pool);
    return { ...j, users: (await getTable(j.users.id, ctx.pool))! };
  }

  it("users → members carries the name to its columns and to every relation naming it", async () => {
    const { users, posts } = await withSelfRelation();
    const renamed = await updateTable(users.id, users.rowVersion, { table_name: "members", graphql_type: "Member" }, ctx.pool);
    expect(renamed).toMatchObject({ id: users.id, table_name: "members", graphql_type: "Member", label: "사용자" });
    expect(renamed.rowVersion).not.toBe(users.rowVersion);
    expect(await rows(ctx.pool, "SELECT DISTINCT table_name FROM _metadata.mappings_column WHERE table_id = $1", [users.id])).toEqual([
      { table_name: "members" },
    ]);
    expect(await rows(ctx.pool, "SELECT from_table, from_column, to_table, to_column FROM _metadata.mappings_relation ORDER BY id")).toEqual([
      { from_table: "posts", from_column: "user_id", to_table: "members", to_column: "id" },
      { from_table: "members", from_column: "manager_id", to_table: "members", to_column: "id" },
    ]);
    expect((await snapshot(ctx.pool)).filter((r) => /\busers\b/.test(r))).toEqual([]);
    // posts is untouched.
    expect((await getTable(posts.id, ctx.pool))!.rowVersion).toBe(posts.rowVersion);
    expect(await rows(ctx.pool, "SELECT DISTINCT table_name FROM _metadata.mappings_column WHERE table_id = $1", [posts.id])).toEqual([
      { table_name: "posts" },
    ]);
  });

  it("a schema_name change is carried too", async () => {
    const { users } = await withSelfRelation();
    await updateTable(users.id, users.rowVersion, { schema_name: "app" }, ctx.pool);
    expect(await rows(ctx.pool, "SELECT DISTINCT schema_name, table_name FROM _metadata.mappings_column WHERE table_id = $1", [users.id])).toEqual([
      { schema_name: "app", table_name: "users" },
    ]);
    expect(await rows(ctx.pool, "SELECT from_schema, from_table, to_schema, to_table FROM _metadata.mappings_relation ORDER BY id")).toEqual([
      { from_schema: "public", from_table: "posts", to_schema: "app", to_table: "users" },
      { from_schema: "app", from_table: "users", to_schema: "app", to_table: "users" },
    ]);
  });

  it("onto an existing name fails with FieldError on table_name and changes nothing", async () => {
    const { users } = await withSelfRelation();
    const before = await snapshot(ctx.pool);
    const error = await thrown(updateTable(users.id, users.rowVersion, { table_name: "posts", label: "Clash" }, ctx.pool));
    expect(error).toBeInstanceOf(FieldError);
    expect(error).toMatchObject({ field: "table_name", message: "A table public.posts already exists." });
    expect(await snapshot(ctx.pool)).toEqual(before);
  });
});

describe("deleting a table", () => {
  it("deletionImpact counts its columns and its relations (both directions)", async () => {
    const { users, posts } = await journey(ctx.pool);
    expect(await deletionImpact(users.id, ctx.pool)).toEqual({ columns: 3, relations: 1 });
    expect(await deletionImpact(posts.id, ctx.pool)).toEqual({ columns: 3, relations: 1 });
    const tags = await createTable(tableValues("tags"), ctx.pool);
    expect(await deletionImpact(tags.id, ctx.pool)).toEqual({ columns: 0, relations: 0 });
  });

  it("deleteTable removes the table, its columns and its relations, and returns the counts", async () => {
    const { users, posts } = await journey(ctx.pool);
    expect(await deleteTable(users.id, users.rowVersion, ctx.pool)).toEqual({ columns: 3, relations: 1 });
    expect(await getTable(users.id, ctx.pool)).toBeNull();
    expect(await rows(ctx.pool, "SELECT count(*)::int AS n FROM _metadata.mappings_column WHERE table_id = $1", [users.id])).toEqual([{ n: 0 }]);
    expect(await rows(ctx.pool, "SELECT count(*)::int AS n FROM _metadata.mappings_relation")).toEqual([{ n: 0 }]);
    expect(await rows(ctx.pool, "SELECT count(*)::int AS n FROM _metadata.mappings_column WHERE table_id = $1", [posts.id])).toEqual([{ n: 3 }]);
  });
});

describe("concurrent edits of a table (two browsers)", () => {
  it("updateTable with a stale version throws ConflictError with the current row and overwrites nothing", async () => {
    const loaded = await createTable(tableValues("users", { label: "사용자" }), ctx.pool);
    const first = await updateTable(loaded.id, loaded.rowVersion, { label: "회원" }, ctx.pool);
    const error = await thrown(updateTable(loaded.id, loaded.rowVersion, { label: "Members", table_name: "members" }, ctx.pool));
    expect(error).toBeInstanceOf(ConflictError);
    const current = (error as ConflictError<TableRow>).current!;
    expect(current).toMatchObject({ id: loaded.id, label: "회원", table_name: "users", rowVersion: first.rowVersion });
    expect(await getTable(loaded.id, ctx.pool)).toEqual(first);
  });

  it("two saves at the same moment with the same version: exactly one wins, the other gets ConflictError", async () => {
    const loaded = await createTable(tableValues("users"), ctx.pool);
    const results = await Promise.allSettled([
      updateTable(loaded.id, loaded.rowVersion, { label: "A" }, ctx.pool),
      updateTable(loaded.id, loaded.rowVersion, { label: "B" }, ctx.pool),
    ]);
    const won = results.filter((r) => r.status === "fulfilled") as PromiseFulfilledResult<TableRow>[];
    const lost = results.filter((r) => r.status === "rejected") as PromiseRejectedResult[];
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0].reason).toBeInstanceOf(ConflictError);
    expect(await getTable(loaded.id, ctx.pool)).toEqual(won[0].value);
  });

  it("deleteTable with a stale version throws ConflictError and deletes nothing", async () => {
    const { users } = await journey(ctx.pool);
    const changed = await updateTable(users.id, users.rowVersion, { description: "People" }, ctx.pool);
    const before = await snapshot(ctx.pool);
    const error = await thrown(deleteTable(users.id, users.rowVersion, ctx.pool));
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError<TableRow>).current).toMatchObject({ description: "People", rowVersion: changed.rowVersion });
    expect(await snapshot(ctx.pool)).toEqual(before);
  });

  it("editing or deleting a table someone deleted throws ConflictError with current = null", async () => {
    const loaded = await createTable(tableValues("users"), ctx.pool);
    await deleteTable(loaded.id, loaded.rowVersion, ctx.pool);
    const update = await thrown(updateTable(loaded.id, loaded.rowVersion, { label: "X" }, ctx.pool));
    expect(update).toBeInstanceOf(ConflictError);
    expect((update as ConflictError<TableRow>).current).toBeNull();
    const del = await thrown(deleteTable(loaded.id, loaded.rowVersion, ctx.pool));
    expect(del).toBeInstanceOf(ConflictError);
    expect((del as ConflictError<TableRow>).current).toBeNull();
  });
});
