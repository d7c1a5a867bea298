import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runImport } from "../lib/sync/import";
import { freshDatabase, type FreshDatabase } from "./helpers/db";

// GraphQL type names are one namespace for the project: tables whose derived type repeats (users / user / "Users",
// blog.post / shop.post) are imported with distinct ones, so the generated schema has no clash to fix first.
describe("import: derived GraphQL types that would clash", () => {
  let db: FreshDatabase;
  beforeAll(async () => {
    db = await freshDatabase({ init: true });
    await db.client.query(`
      CREATE SCHEMA blog; CREATE SCHEMA shop;
      CREATE TABLE public.users (id int PRIMARY KEY);
      CREATE TABLE public."user" (id int PRIMARY KEY);
      CREATE TABLE public."Users" (id int PRIMARY KEY);
      CREATE TABLE blog.post (id int PRIMARY KEY);
      CREATE TABLE shop.post (id int PRIMARY KEY);
      CREATE TABLE shop.order_items (id int PRIMARY KEY);`);
  });
  afterAll(async () => {
    await db?.drop();
  });

  const types = async () =>
    Object.fromEntries(
      (
        await db.client.query<{ t: string; type: string }>(
          "SELECT schema_name || '.' || table_name AS t, graphql_type AS type FROM _metadata.mappings_table ORDER BY 1",
        )
      ).rows.map((r) => [r.t, r.type]),
    );

  it("gives each new table a type no other table has, keeping the derived one where it is free", async () => {
    await runImport(db.client, ["public", "blog"]);
    const first = await types();
    expect(first).toEqual({
      "blog.post": "Post",
      "public.Users": "User",
      "public.user": "PublicUser",
      "public.users": "Users",
    });
    // A later import of another schema meets the types already in the metadata; re-importing changes nothing.
    await runImport(db.client, ["shop", "public", "blog"]);
    expect(await types()).toEqual({ ...first, "shop.order_items": "OrderItem", "shop.post": "ShopPost" });
  });

  it("keeps a type a person chose, even when a new table derives the same", async () => {
    await db.client.query("UPDATE _metadata.mappings_table SET graphql_type = 'Account' WHERE table_name = 'users'");
    await db.client.query("CREATE TABLE shop.accounts (id int PRIMARY KEY)");
    await runImport(db.client, ["shop"]);
    const after = await types();
    expect(after["public.users"]).toBe("Account");
    expect(after["shop.accounts"]).toBe("Accounts");
  });
});
