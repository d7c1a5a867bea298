import { describe, expect, it } from "vitest";
import { foreignKeyName, foreignKeyType, forwardField, junctionNames, reverseField, reverseType } from "./relation-keys";

describe("relation-keys", () => {
  it.each([
    ["BIGSERIAL", "BIGINT"],
    ["bigserial", "BIGINT"],
    ["SERIAL8", "BIGINT"],
    ["SERIAL", "INTEGER"],
    ["SMALLSERIAL", "SMALLINT"],
    ["UUID", "UUID"],
    [" VARCHAR(36) ", "VARCHAR(36)"],
    ["BIGINT", "BIGINT"],
  ])("the foreign key pointing at a %s key is %s", (key, fk) => expect(foreignKeyType(key)).toBe(fk));

  it("names the foreign key after the target table, singular", () => {
    expect(foreignKeyName("users", "id")).toBe("user_id");
    expect(foreignKeyName("categories", "id")).toBe("category_id");
    expect(foreignKeyName("order_items", "code")).toBe("order_item_code");
    expect(foreignKeyName("a".repeat(70), "id")).toHaveLength(63);
    // Suggested names stay snake_case when the target's are not (Prisma's User.id, Chinook's Album.AlbumId).
    expect(foreignKeyName("User", "id")).toBe("user_id");
    expect(foreignKeyName("Album", "AlbumId")).toBe("album_album_id");
    expect(junctionNames({ table: "Post", key: "id" }, { table: "Category", key: "id" })).toEqual({ table: "post_category", fromColumn: "post_id", toColumn: "category_id" });
  });

  it("the reverse of each type, and its field on the target table", () => {
    expect(reverseType("ManyToOne")).toBe("OneToMany");
    expect(reverseType("OneToMany")).toBe("ManyToOne");
    expect(reverseType("OneToOne")).toBe("OneToOne");
    expect(reverseType("ManyToMany")).toBe("ManyToMany");
    expect(reverseField("ManyToOne", "posts")).toBe("posts");
    expect(reverseField("OneToOne", "profiles")).toBe("profile");
    expect(reverseField("OneToMany", "users")).toBe("user");
    expect(reverseField("ManyToMany", "blog_posts")).toBe("blogPosts");
    expect(forwardField("ManyToOne", "users")).toBe("user");
    expect(forwardField("ManyToMany", "tags")).toBe("tags");
  });

  it("junction names, and a self-relation's second column", () => {
    expect(junctionNames({ table: "posts", key: "id" }, { table: "tags", key: "id" })).toEqual({
      table: "posts_tags",
      fromColumn: "post_id",
      toColumn: "tag_id",
    });
    expect(junctionNames({ table: "users", key: "id" }, { table: "users", key: "id" })).toMatchObject({
      fromColumn: "user_id",
      toColumn: "related_user_id",
    });
  });
});
