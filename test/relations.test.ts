import { describe, expect, it } from "vitest";
import { addColumns } from "../lib/metadata/columns";
import { ConflictError, FieldError } from "../lib/metadata/conflict";
import {
  createRelation,
  deleteRelation,
  getRelation,
  listRelations,
  listRelationsOfTable,
  updateRelation,
  type RelationRow,
} from "../lib/metadata/relations";
import { createTable, deleteTable, updateTable } from "../lib/metadata/tables";
import { journey, newColumn, relationValues, snapshot, tableValues, thrown, useMetadataDb } from "./helpers/metadata";

const ctx = useMetadataDb();

describe("createRelation", () => {
  it("takes schema and table names from the ids", async () => {
    const { users } = await journey(ctx.pool);
    const orders = await createTable(tableValues("orders", { schema_name: "shop" }), ctx.pool);
    await addColumns(orders.id, [newColumn("id", "BIGSERIAL"), newColumn("buyer_id", "BIGINT")], ctx.pool);
    const row = await createRelation(
      relationValues({ from_table_id: orders.id, from_column: "buyer_id", to_table_id: String(users.id), relation_type: "ManyToOne", graphql_field: "buyer", is_cascade_delete: true, constraint_name: "fk_orders_buyer" }),
      ctx.pool,
    );
    expect(row).toMatchObject({
      from_table_id: orders.id,
      to_table_id: users.id,
      from_schema: "shop",
      from_table: "orders",
      from_column: "buyer_id",
      to_schema: "public",
      to_table: "users",
      to_column: "id",
      relation_type: "ManyToOne",
      graphql_field: "buyer",
      is_cascade_delete: true,
      constraint_name: "fk_orders_buyer",
    });
    expect(row.rowVersion).toMatch(/^[0-9a-f]{32}$/);
  });

  it("refuses a from_column the from table does not have, inserting nothing", async () => {
    const { users, posts } = await journey(ctx.pool);
    const before = await snapshot(ctx.pool);
    // email exists, but on users, not on posts.
    const error = await thrown(createRelation(relationValues({ from_table_id: posts.id, from_column: "email", to_table_id: users.id }), ctx.pool));
    expect(error).toBeInstanceOf(FieldError);
    expect(error).toMatchObject({ field: "from_column", message: 'posts has no column "email".' });
    expect(await snapshot(ctx.pool)).toEqual(before);
  });

  it("refuses a to_column the target table does not have, inserting nothing", async () => {
    const { users, posts } = await journey(ctx.pool);
    const before = await snapshot(ctx.pool);
    const error = await thrown(createRelation(relationValues({ from_table_id: posts.id, from_column: "user_id", to_table_id: users.id, to_column: "title" }), ctx.pool));
    expect(error).toBeInstanceOf(FieldError);
    expect(error).toMatchObject({ field: "to_column", message: 'users has no column "title".' });
    expect(await snapshot(ctx.pool)).toEqual(before);
  });

  it("refuses a table that vanished (either end), inserting nothing", async () => {
    const { users, posts } = await journey(ctx.pool);
    const tags = await createTable(tableValues("tags"), ctx.pool);
    await addColumns(tags.id, [newColumn("id", "BIGSERIAL")], ctx.pool);
    await deleteTable(tags.id, tags.rowVersion, ctx.pool);
    const before = await snapshot(ctx.pool);
    const to = await thrown(createRelation(relationValues({ from_table_id: posts.id, from_column: "user_id", to_table_id: tags.id }), ctx.pool));
    expect(to).toBeInstanceOf(FieldError);
    expect(to).toMatchObject({ field: "to_table_id", message: "That table no longer exists." });
    const from = await thrown(createRelation(relationValues({ from_table_id: tags.id, to_table_id: users.id }), ctx.pool));
    expect(from).toBeInstanceOf(FieldError);
    expect(from).toMatchObject({ field: "from_table_id", message: "That table no longer exists." });
    expect(await snapshot(ctx.pool)).toEqual(before);
  });

  it("refuses a duplicate relation (same columns at both ends), inserting nothing", async () => {
    const { users, posts } = await journey(ctx.pool);
    const before = await snapshot(ctx.pool);
    const error = await thrown(
      createRelation(relationValues({ from_table_id: posts.id, from_column: "user_id", to_table_id: users.id, relation_type: "OneToOne", graphql_field: "writer" }), ctx.pool),
    );
    expect(error).toBeInstanceOf(FieldError);
    expect(error).toMatchObject({ field: "from_column", message: "This relation (same columns at both ends) already exists." });
    expect(await snapshot(ctx.pool)).toEqual(before);
  });

  it("lists relations, and a table's outgoing and incoming ones", async () => {
    const { users, posts, author } = await journey(ctx.pool);
    await addColumns(users.id, [newColumn("manager_id", "BIGINT")], ctx.pool);
    const manager = await createRelation(relationValues({ from_table_id: users.id, from_column: "manager_id", to_table_id: users.id }), ctx.pool);
    expect((await listRelations(ctx.pool)).map((r) => r.id)).toEqual([author.id, manager.id]);
    const ofUsers = await listRelationsOfTable(users.id, ctx.pool);
    expect(ofUsers.outgoing.map((r) => r.id)).toEqual([manager.id]);
    expect(ofUsers.incoming.map((r) => r.id).sort()).toEqual([author.id, manager.id].sort());
    const ofPosts = await listRelationsOfTable(posts.id, ctx.pool);
    expect(ofPosts).toEqual({ outgoing: [author], incoming: [] });
  });
});

describe("updateRelation and deleteRelation", () => {
  it("updateRelation saves its own fields (the enum cast included) and gives a new version", async () => {
    const { author } = await journey(ctx.pool);
    const saved = await updateRelation(author.id, author.rowVersion, { relation_type: "OneToOne", graphql_field: "", is_cascade_delete: true, constraint_name: "fk_posts_user" }, ctx.pool);
    expect(saved).toMatchObject({ relation_type: "OneToOne", graphql_field: null, is_cascade_delete: true, constraint_name: "fk_posts_user", from_column: "user_id" });
    expect(saved.rowVersion).not.toBe(author.rowVersion);
  });

  it("two browsers: a stale update throws ConflictError with the current row and overwrites nothing", async () => {
    const { author } = await journey(ctx.pool);
    const loaded = (await getRelation(author.id, ctx.pool))!;
    const first = await updateRelation(loaded.id, loaded.rowVersion, { graphql_field: "writer" }, ctx.pool);
    const error = await thrown(updateRelation(loaded.id, loaded.rowVersion, { graphql_field: "creator", is_cascade_delete: true }, ctx.pool));
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError<RelationRow>).current).toEqual(first);
    expect(await getRelation(author.id, ctx.pool)).toEqual(first);
  });

  it("a rename of an endpoint table changes the relation's version (editors holding the old one are stopped)", async () => {
    const { users, author } = await journey(ctx.pool);
    await updateTable(users.id, users.rowVersion, { table_name: "members" }, ctx.pool);
    const error = await thrown(updateRelation(author.id, author.rowVersion, { graphql_field: "member" }, ctx.pool));
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError<RelationRow>).current).toMatchObject({ to_table: "members", graphql_field: "author" });
  });

  it("deleteRelation with a stale version throws ConflictError and deletes nothing; the current one deletes", async () => {
    const { author } = await journey(ctx.pool);
    const first = await updateRelation(author.id, author.rowVersion, { constraint_name: "fk_author" }, ctx.pool);
    const error = await thrown(deleteRelation(author.id, author.rowVersion, ctx.pool));
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError<RelationRow>).current).toEqual(first);
    expect(await getRelation(author.id, ctx.pool)).toEqual(first);
    await deleteRelation(author.id, first.rowVersion, ctx.pool);
    expect(await getRelation(author.id, ctx.pool)).toBeNull();
  });

  it("a relation someone deleted: update and delete throw ConflictError with current = null", async () => {
    const { author } = await journey(ctx.pool);
    await deleteRelation(author.id, author.rowVersion, ctx.pool);
    for (const attempt of [updateRelation(author.id, author.rowVersion, { graphql_field: "x" }, ctx.pool), deleteRelation(author.id, author.rowVersion, ctx.pool)]) {
      const error = await thrown(attempt);
      expect(error).toBeInstanceOf(ConflictError);
      expect((error as ConflictError<RelationRow>).current).toBeNull();
    }
  });
});
