import { buildSchema, validateSchema } from "graphql";
import { describe, expect, it } from "vitest";
import { column, everything, usersPosts } from "./fixtures";
import { formatFiles } from "./format";
import { analyze, generateFiles, generateTableCode } from "./generate";
import { generateTypescript } from "./typescript";

describe("TypeScript types", () => {
  it("users/posts: row types, inputs, relation fields", () => {
    const input = usersPosts();
    const ts = generateTypescript(analyze(input).model, input.config);
    expect(ts).toContain("export interface User {\n  /** ID */\n  id: string;\n  /** 이메일 */\n  email: string;\n  /** 이름 */\n  name: string | null;");
    expect(ts).toContain("  posts?: Post[];");
    expect(ts).toContain("  author?: User | null;");
    expect(ts).toContain("export interface CreateUserInput {\n  /** 이메일 */\n  email: string;\n  /** 이름 */\n  name?: string | null;\n}");
  });

  it("enum unions, JSON as unknown, lists, comments escaped", () => {
    const input = everything();
    input.tables[0].columns.push(column("remark", "TEXT", { label: "ends */ early" }));
    const ts = generateTypescript(analyze(input).model, input.config);
    expect(ts).toContain('export type ProductStatus = "ACTIVE" | "INACTIVE";');
    expect(ts).toContain("  status: ProductStatus;");
    expect(ts).toContain("  attributes: unknown;");
    expect(ts).toContain("  tags: (string | null)[] | null;");
    expect(ts).toContain("/** ends *\\/ early */");
  });
});

describe("form spec", () => {
  it("users/posts: visible fields in sort order with label, type, placeholder; hidden and invisible ones left out", () => {
    const input = usersPosts();
    input.tables[0].columns.find((c) => c.pg_column === "name")!.sort_order = 0;
    const users = analyze(input).forms.find((f) => f.typeName === "User")!;
    expect(users.fields.map((f) => [f.name, f.label, f.formType, f.required])).toEqual([
      ["name", "이름", "text", false],
      ["email", "이메일", "email", true],
    ]);
    expect(users.fields[1].placeholder).toBe("you@example.com");
  });

  it("typed defaults; an SQL default is the database's; an invalid one is a problem", () => {
    const input = everything();
    const product = input.tables[0];
    product.columns.find((c) => c.pg_column === "small")!.default_value = "lots";
    const { forms, problems } = analyze(input);
    const form = forms.find((f) => f.typeName === "Product")!;
    const byName = Object.fromEntries(form.fields.map((f) => [f.name, f]));
    expect(byName.quantity.defaultValue).toBe(1);
    expect(byName.active.defaultValue).toBe(true);
    expect(byName.status.defaultValue).toBe("ACTIVE");
    expect("defaultValue" in byName.updatedAt).toBe(false);
    expect("defaultValue" in byName.small).toBe(false);
    expect(problems).toContainEqual(expect.objectContaining({ target: expect.objectContaining({ column: "small", field: "default_value" }) }));
    expect(form.fields.map((f) => f.name)).not.toContain("secret");
    expect(form.fields.map((f) => f.name)).not.toContain("id");
  });
});

describe("one table's code and formatting", () => {
  it("a table page gets its own zod schema and form, the SDL of the model it was given, its own problems", () => {
    const input = usersPosts();
    input.tables[1].columns[1].graphql_type = "Nope";
    const code = generateTableCode(input, 1);
    expect(code.files.zod).toContain("export const UserSchema");
    expect(code.files.zod).not.toContain("PostSchema");
    expect(code.files.form).toContain("export function UserForm");
    expect(code.paths.form).toBe("forms/UserForm.tsx");
    expect(code.problems).toEqual([]);
    expect(generateTableCode(input, 2).problems).toHaveLength(1);
  });

  it("prettier formats every file when generation_config.prettier, and the SDL stays valid", { timeout: 120_000 }, async () => {
    const raw = generateFiles(everything());
    const files = await formatFiles(raw, true);
    expect(files.find((f) => f.path === "zod.ts")!.content).not.toBe(raw.find((f) => f.path === "zod.ts")!.content);
    expect(validateSchema(buildSchema(files.find((f) => f.path === "schema.graphql")!.content))).toEqual([]);
    expect(await formatFiles(files, true)).toEqual(files);
    expect(await formatFiles(files, false)).toBe(files);
  });
});
