import { buildSchema, validateSchema } from "graphql";
import { describe, expect, it } from "vitest";
import { everything, usersPosts } from "./fixtures";
import { analyze, generateFiles } from "./generate";
import { generateSdl } from "./sdl";

const sdlOf = (input = usersPosts()) => generateSdl(analyze(input).model, input.config);

describe("GraphQL SDL", () => {
  it.each([
    ["users/posts", usersPosts],
    ["every type and rule", everything],
    ["no tables", () => ({ ...usersPosts(), tables: [], relations: [] })],
  ])("builds and validates with graphql-js: %s", (_, fixture) => {
    const input = fixture();
    expect(analyze(input).problems).toEqual([]);
    const schema = buildSchema(sdlOf(input));
    expect(validateSchema(schema)).toEqual([]);
  });

  it("users/posts: User.email String!, Post.author User, User.posts back-reference, queries and mutations", () => {
    const sdl = sdlOf();
    expect(sdl).toMatch(/type User \{[^}]*\n {2}email: String! @auth\(read: "public", write: "authenticated"\)/);
    expect(sdl).toMatch(/type Post \{[^}]*\n {2}author: User\n/);
    expect(sdl).toMatch(/type User \{[^}]*\n {2}posts: \[Post!\]!\n/);
    expect(sdl).toContain('"""사용자"""\ntype User');
    const schema = buildSchema(sdl);
    expect(Object.keys(schema.getQueryType()!.getFields())).toEqual(["posts", "post", "users", "user"]);
    expect(Object.keys(schema.getMutationType()!.getFields())).toEqual(["createPost", "updatePost", "deletePost", "createUser", "updateUser", "deleteUser"]);
    // Serial keys are not sent on create; the key is an argument of update, not an input field.
    expect(Object.keys((schema.getType("CreateUserInput") as never as { getFields(): object }).getFields())).toEqual(["email", "name"]);
    expect(String((schema.getType("CreateUserInput") as never as { getFields(): Record<string, { type: unknown }> }).getFields().email.type)).toBe("String!");
  });

  it("enums, custom scalars, resolver and auth directives, descriptions, non-API tables left out", () => {
    const sdl = sdlOf(everything());
    expect(sdl).toContain("enum ProductStatus {\n  \"\"\"활성\"\"\"\n  ACTIVE");
    expect(sdl).toMatch(/status: ProductStatus!/);
    expect(sdl).toMatch(/computedScore: Int @resolver\(name: "productScore"\) @auth\(read: "admin", write: "authenticated"\)/);
    expect(sdl).toMatch(/type Product @auth\(read: "public", write: "staff", delete: "admin"\)/);
    expect(sdl).toMatch(/scalar BigInt[\s\S]*scalar DateTime[\s\S]*scalar JSON/);
    expect(sdl).toMatch(/tags: \[String\]/);
    expect(sdl).not.toContain("AuditEntry");
    expect(sdl).toMatch(/type Category \{[^}]*products: \[Product!\]!/);
    expect(sdl).toMatch(/type ProductCategory \{[^}]*category: Category/);
    expect(sdl).not.toMatch(/CreateProductInput \{[^}]*computedScore/);
  });

  it("includeComments: false leaves descriptions out", () => {
    const input = { ...usersPosts(), config: { ...usersPosts().config, includeComments: false } };
    expect(sdlOf(input)).not.toContain('"""');
    expect(validateSchema(buildSchema(sdlOf(input)))).toEqual([]);
  });

  it("is deterministic: same metadata in any row order → identical files", () => {
    const a = usersPosts();
    const b = usersPosts();
    b.tables.reverse();
    b.tables.forEach((t) => t.columns.reverse());
    expect(generateFiles(b)).toEqual(generateFiles(a));
  });
});
