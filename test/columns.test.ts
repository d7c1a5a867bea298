import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addColumns, deleteColumn, getColumn, listColumns, reorderColumns, updateColumn, type ColumnRow } from "../lib/metadata/columns";
import { pgTypeProblem } from "../lib/metadata/pg-types";
import { CellEditsError } from "../lib/metadata/cell-edits";
import { ConflictError, FieldError } from "../lib/metadata/conflict";
import { createRelation } from "../lib/metadata/relations";
import { createTable } from "../lib/metadata/tables";
import { freshDatabase, servers, type FreshDatabase } from "./helpers/db";
import { journey, newColumn, relationValues, rows, snapshot, tableValues, thrown, useMetadataDb, waitForLockWait } from "./helpers/metadata";

const ctx = useMetadataDb();

describe.each(servers().map((s) => [s.name, s.version] as const))("pgTypeProblem on %s (%s)", (serverName) => {
  let db: FreshDatabase;
  beforeAll(async () => {
    db = await freshDatabase({ init: false, server: serverName });
  });
  afterAll(async () => {
    await db?.drop();
  });

  it.each(["VARCHAR(255)", "BIGSERIAL", "SERIAL", "bigserial", "SMALLSERIAL", "TEXT[]", "NUMERIC(12,2)", "TIMESTAMPTZ", "double precision", "JSONB", "UUID", "timestamp with time zone", "character varying(20)[]", ""])(
    "accepts %j",
    async (type) => {
      expect(await pgTypeProblem(type, db.client)).toBeNull();
    },
  );

  it.each(["VARCHR(255)", "foo", "integer integer", "SERIAL[]", "text[", "users", "int; select 1"])("refuses %j, naming the type", async (type) => {
    expect(await pgTypeProblem(type, db.client)).toBe(`PostgreSQL does not know the type "${type}".`);
  });
});

describe("addColumns", () => {
  it("adds pasted rows in order at the end of the table, sort_order increasing, defaults derived", async () => {
    const table = await createTable(tableValues("users"), ctx.pool);
    await addColumns(table.id, [newColumn("id", "BIGSERIAL")], ctx.pool);
    const added = await addColumns(
      table.id,
      [newColumn("email", "VARCHAR(255)"), newColumn("bio", "TEXT"), newColumn("is_active", "BOOLEAN"), newColumn("tags", "TEXT[]"), newColumn("created_at", "TIMESTAMPTZ", { label: "가입일" })],
      ctx.pool,
    );
    expect(added.map((c) => [c.pg_column, c.sort_order, c.graphql_field, c.graphql_type, c.form_type, c.label])).toEqual([
      ["email", 2, "email", "String", "email", "Email"],
      ["bio", 3, "bio", "String", "textarea", "Bio"],
      ["is_active", 4, "isActive", "Boolean", "checkbox", "Is active"],
      ["tags", 5, "tags", "[String]", "json", "Tags"],
      ["created_at", 6, "createdAt", "DateTime", "datetime", "가입일"],
    ]);
    expect(added[0]).toMatchObject({ table_id: table.id, schema_name: "public", table_name: "users", is_visible: true, permission_read: "public", permission_write: "authenticated", is_sortable: true });
    expect((await listColumns(table.id, ctx.pool)).map((c) => c.pg_column)).toEqual(["id", "email", "bio", "is_active", "tags", "created_at"]);
  });

  it("keeps values the user gave instead of the derived ones", async () => {
    const table = await createTable(tableValues("users"), ctx.pool);
    const [col] = await addColumns(table.id, [newColumn("status", "VARCHAR(20)", { graphql_field: "state", graphql_type: "String!", form_type: "select", is_required: true, is_unique: true })], ctx.pool);
    expect(col).toMatchObject({ graphql_field: "state", graphql_type: "String!", form_type: "select", is_required: true, is_unique: true });
  });

  it("an unknown type throws FieldError on pg_type and inserts nothing", async () => {
    const table = await createTable(tableValues("users"), ctx.pool);
    const single = await thrown(addColumns(table.id, [newColumn("email", "VARCHR(255)")], ctx.pool));
    expect(single).toBeInstanceOf(FieldError);
    expect(single).toMatchObject({ field: "pg_type", message: 'PostgreSQL does not know the type "VARCHR(255)".' });
    // A paste names every row whose type is unknown, by its index.
    const pasted = await thrown(
      addColumns(table.id, [newColumn("email", "VARCHAR(255)"), newColumn("age", "integer integer"), newColumn("x", "VARCHR(3)")], ctx.pool),
    );
    expect(pasted).toBeInstanceOf(CellEditsError);
    expect(pasted).toMatchObject({
      message: "Nothing was added: 2 types are unknown to PostgreSQL.",
      cells: { 1: 'PostgreSQL does not know the type "integer integer".', 2: 'PostgreSQL does not know the type "VARCHR(3)".' },
    });
    expect(await listColumns(table.id, ctx.pool)).toEqual([]);
  });

  it("a duplicate name among the pasted rows, or an existing one, throws FieldError and inserts none", async () => {
    const table = await createTable(tableValues("users"), ctx.pool);
    await addColumns(table.id, [newColumn("id", "BIGSERIAL")], ctx.pool);
    const before = await snapshot(ctx.pool);
    const among = await thrown(addColumns(table.id, [newColumn("email", "TEXT"), newColumn("name", "TEXT"), newColumn("email", "TEXT")], ctx.pool));
    expect(among).toBeInstanceOf(FieldError);
    expect(among).toMatchObject({ field: "pg_column", message: 'Table users already has a column "email".' });
    const existing = await thrown(addColumns(table.id, [newColumn("name", "TEXT"), newColumn("id", "BIGINT")], ctx.pool));
    expect(existing).toBeInstanceOf(FieldError);
    expect(existing).toMatchObject({ field: "pg_column", message: 'Table users already has a column "id".' });
    expect(await snapshot(ctx.pool)).toEqual(before);
  });

  it("a paste that waits for another one in flight numbers its rows after the other's", async () => {
    const table = await createTable(tableValues("users"), ctx.pool);
    // The other paste: holds the table's lock and has inserted its row, not yet committed.
    const other = await ctx.pool.connect();
    try {
      await other.query("BEGIN");
      await other.query("SELECT id FROM _metadata.mappings_table WHERE id = $1 FOR UPDATE", [table.id]);
      await other.query(
        `INSERT INTO _metadata.mappings_column (table_id, schema_name, table_name, pg_column, pg_type, label, sort_order)
         VALUES ($1, 'public', 'users', 'a', 'TEXT', 'A', 1)`,
        [table.id],
      );
      const pending = addColumns(table.id, [newColumn("b", "TEXT")], ctx.pool);
      await waitForLockWait(ctx.pool);
      await other.query("COMMIT");
      expect((await pending).map((c) => [c.pg_column, c.sort_order])).toEqual([["b", 2]]);
    } finally {
      await other.query("ROLLBACK").catch(() => {});
      other.release();
    }
  });

  it("to a table someone deleted throws ConflictError with current = null", async () => {
    const error = await thrown(addColumns(999, [newColumn("email", "TEXT")], ctx.pool));
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError<unknown>).current).toBeNull();
    expect(await rows(ctx.pool, "SELECT count(*)::int AS n FROM _metadata.mappings_column")).toEqual([{ n: 0 }]);
  });
});

describe("reorderColumns", () => {
  const at = (...columns: ColumnRow[]) => columns.map((c) => ({ id: c.id, rowVersion: c.rowVersion }));

  it("writes sort_order 1..n in the given order", async () => {
    const { users } = await journey(ctx.pool);
    const [id, email, name] = await listColumns(users.id, ctx.pool);
    const reordered = await reorderColumns(users.id, at(name, id, email), ctx.pool);
    expect(reordered.map((c) => [c.pg_column, c.sort_order])).toEqual([["name", 1], ["id", 2], ["email", 3]]);
    expect(await rows(ctx.pool, "SELECT pg_column, sort_order FROM _metadata.mappings_column WHERE table_id = $1 ORDER BY sort_order", [users.id])).toEqual([
      { pg_column: "name", sort_order: 1 },
      { pg_column: "id", sort_order: 2 },
      { pg_column: "email", sort_order: 3 },
    ]);
    // The returned rows carry the versions the reorder left: the next reorder is made from them.
    expect((await reorderColumns(users.id, at(reordered[1], reordered[0], reordered[2]), ctx.pool)).map((c) => c.pg_column)).toEqual(["id", "name", "email"]);
  });

  it("refuses an order that is not exactly the table's columns (another table's, missing, twice), writing nothing", async () => {
    const { users, posts } = await journey(ctx.pool);
    const [postColumn] = await listColumns(posts.id, ctx.pool);
    const [id, email, name] = await listColumns(users.id, ctx.pool);
    const before = await snapshot(ctx.pool);
    for (const order of [at(postColumn, email, name, id), at(email, name), at(email, name, id, id), at(email, email, name)]) {
      const error = await thrown(reorderColumns(users.id, order, ctx.pool));
      expect(error).toBeInstanceOf(ConflictError);
      expect((error as Error).message).toMatch(/columns changed meanwhile/);
      expect((error as ConflictError<ColumnRow[]>).current!.map((c) => c.pg_column)).toEqual(["id", "email", "name"]);
    }
    expect(await snapshot(ctx.pool)).toEqual(before);
  });

  it("refuses an order made from stale versions (an edit or a reorder meanwhile), writing nothing", async () => {
    const { users } = await journey(ctx.pool);
    const [id, email, name] = await listColumns(users.id, ctx.pool);
    await updateColumn(name.id, name.rowVersion, { label: "Full name" }, ctx.pool);
    let before = await snapshot(ctx.pool);
    const edited = await thrown(reorderColumns(users.id, at(name, id, email), ctx.pool));
    expect(edited).toBeInstanceOf(ConflictError);
    expect((edited as ConflictError<ColumnRow[]>).current!.find((c) => c.id === name.id)!.label).toBe("Full name");
    expect(await snapshot(ctx.pool)).toEqual(before);
    // Someone else's reorder, then one from the grid loaded before it: theirs stays.
    const fresh = await listColumns(users.id, ctx.pool);
    await reorderColumns(users.id, at(fresh[1], fresh[0], fresh[2]), ctx.pool);
    before = await snapshot(ctx.pool);
    expect(await thrown(reorderColumns(users.id, at(fresh[2], fresh[0], fresh[1]), ctx.pool))).toBeInstanceOf(ConflictError);
    expect(await snapshot(ctx.pool)).toEqual(before);
    expect((await listColumns(users.id, ctx.pool)).map((c) => c.pg_column)).toEqual(["email", "id", "name"]);
  });
});

describe("updateColumn", () => {
  it("saves changed fields (JSON arrays as JSONB) and returns the new version", async () => {
    const { users, userColumns } = await journey(ctx.pool);
    const email = userColumns[1];
    const saved = await updateColumn(email.id, email.rowVersion, { label: "이메일", enum_options: '[{"value": "a", "label": "A"}]', sort_order: "9", placeholder: "" }, ctx.pool);
    expect(saved).toMatchObject({ label: "이메일", enum_options: [{ value: "a", label: "A" }], sort_order: 9, placeholder: null, table_id: users.id });
    expect(saved.rowVersion).not.toBe(email.rowVersion);
    expect(await rows(ctx.pool, "SELECT jsonb_typeof(enum_options) AS t FROM _metadata.mappings_column WHERE id = $1", [email.id])).toEqual([{ t: "array" }]);
  });

  it("renaming a column updates the relations that name it, from_column and to_column, and only those", async () => {
    const { users, posts, userColumns, postColumns } = await journey(ctx.pool);
    const comments = await createTable(tableValues("comments"), ctx.pool);
    await addColumns(comments.id, [newColumn("id", "BIGSERIAL"), newColumn("post_id", "BIGINT"), newColumn("user_id", "BIGINT")], ctx.pool);
    await createRelation(relationValues({ from_table_id: comments.id, from_column: "post_id", to_table_id: posts.id, graphql_field: "post" }), ctx.pool);
    await createRelation(relationValues({ from_table_id: comments.id, from_column: "user_id", to_table_id: users.id, graphql_field: "commenter" }), ctx.pool);
    const relationsNow = () => rows(ctx.pool, "SELECT from_table, from_column, to_table, to_column FROM _metadata.mappings_relation ORDER BY id");

    // users.id → uid: the two relations pointing to users follow; comments → posts.id keeps "id".
    await updateColumn(userColumns[0].id, userColumns[0].rowVersion, { pg_column: "uid" }, ctx.pool);
    // posts.user_id → author_id: the relation starting there follows; comments.user_id keeps its name.
    await updateColumn(postColumns[2].id, postColumns[2].rowVersion, { pg_column: "author_id" }, ctx.pool);
    expect(await relationsNow()).toEqual([
      { from_table: "posts", from_column: "author_id", to_table: "users", to_column: "uid" },
      { from_table: "comments", from_column: "post_id", to_table: "posts", to_column: "id" },
      { from_table: "comments", from_column: "user_id", to_table: "users", to_column: "uid" },
    ]);
  });

  it("renaming the primary-key column carries the name to mappings_table.primary_key", async () => {
    const { users, userColumns } = await journey(ctx.pool);
    await updateColumn(userColumns[0].id, userColumns[0].rowVersion, { pg_column: "uid" }, ctx.pool);
    expect(await rows(ctx.pool, "SELECT primary_key FROM _metadata.mappings_table WHERE id = $1", [users.id])).toEqual([{ primary_key: "uid" }]);
  });

  it("an unknown type throws FieldError on pg_type and changes nothing", async () => {
    const { userColumns } = await journey(ctx.pool);
    const before = await snapshot(ctx.pool);
    const error = await thrown(updateColumn(userColumns[1].id, userColumns[1].rowVersion, { pg_type: "VARCHR(255)", label: "X" }, ctx.pool));
    expect(error).toBeInstanceOf(FieldError);
    expect(error).toMatchObject({ field: "pg_type", message: 'PostgreSQL does not know the type "VARCHR(255)".' });
    expect(await snapshot(ctx.pool)).toEqual(before);
  });

  it("a name the table already has throws FieldError on pg_column and changes nothing (relations included)", async () => {
    const { userColumns } = await journey(ctx.pool);
    const before = await snapshot(ctx.pool);
    const error = await thrown(updateColumn(userColumns[0].id, userColumns[0].rowVersion, { pg_column: "email" }, ctx.pool));
    expect(error).toBeInstanceOf(FieldError);
    expect(error).toMatchObject({ field: "pg_column", message: 'Table users already has a column "email".' });
    expect(await snapshot(ctx.pool)).toEqual(before);
  });
});

describe("deleteColumn", () => {
  it("deletes the column and the relations naming it (either end), and counts them", async () => {
    const { users, userColumns, postColumns } = await journey(ctx.pool);
    await addColumns(users.id, [newColumn("manager_id", "BIGINT")], ctx.pool);
    await createRelation(relationValues({ from_table_id: users.id, from_column: "manager_id", to_table_id: users.id }), ctx.pool);
    expect(await deleteColumn(userColumns[2].id, userColumns[2].rowVersion, ctx.pool)).toEqual({ relations: 0 });
    expect(await deleteColumn(userColumns[0].id, userColumns[0].rowVersion, ctx.pool)).toEqual({ relations: 2 });
    expect(await getColumn(userColumns[0].id, ctx.pool)).toBeNull();
    expect(await rows(ctx.pool, "SELECT count(*)::int AS n FROM _metadata.mappings_relation")).toEqual([{ n: 0 }]);
    expect(await getColumn(postColumns[2].id, ctx.pool)).not.toBeNull();
  });
});

describe("concurrent edits of a column (two browsers)", () => {
  it("updateColumn with a stale version throws ConflictError with the current row; relations are not renamed", async () => {
    const { userColumns } = await journey(ctx.pool);
    const loaded = userColumns[0];
    const first = await updateColumn(loaded.id, loaded.rowVersion, { label: "식별자" }, ctx.pool);
    const before = await snapshot(ctx.pool);
    const error = await thrown(updateColumn(loaded.id, loaded.rowVersion, { pg_column: "uid", label: "Mine" }, ctx.pool));
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError<ColumnRow>).current).toMatchObject({ id: loaded.id, pg_column: "id", label: "식별자", rowVersion: first.rowVersion });
    expect(await snapshot(ctx.pool)).toEqual(before);
  });

  it("deleteColumn with a stale version throws ConflictError and deletes nothing (relations included)", async () => {
    const { postColumns } = await journey(ctx.pool);
    const loaded = postColumns[2]; // user_id, named by the author relation
    const first = await updateColumn(loaded.id, loaded.rowVersion, { help_text: "Who wrote it" }, ctx.pool);
    const before = await snapshot(ctx.pool);
    const error = await thrown(deleteColumn(loaded.id, loaded.rowVersion, ctx.pool));
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError<ColumnRow>).current).toMatchObject({ help_text: "Who wrote it", rowVersion: first.rowVersion });
    expect(await snapshot(ctx.pool)).toEqual(before);
  });

  it("a column someone deleted: update and delete throw ConflictError with current = null", async () => {
    const { userColumns } = await journey(ctx.pool);
    const loaded = userColumns[2];
    await deleteColumn(loaded.id, loaded.rowVersion, ctx.pool);
    // One after another: both promises created at once would leave the second's rejection unhandled meanwhile.
    for (const attempt of [() => updateColumn(loaded.id, loaded.rowVersion, { label: "X" }, ctx.pool), () => deleteColumn(loaded.id, loaded.rowVersion, ctx.pool)]) {
      const error = await thrown(attempt());
      expect(error).toBeInstanceOf(ConflictError);
      expect((error as ConflictError<ColumnRow>).current).toBeNull();
    }
  });
});
