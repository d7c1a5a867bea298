import { buildSchema, validateSchema } from "graphql";
import { describe, expect, it } from "vitest";
import { column, table, usersPosts } from "./fixtures";
import { analyze, generateFiles, tableForm } from "./generate";
import { randomModel } from "./random-model";
import type { CodegenInput } from "./model";
import { problemHref } from "./model";

type Case = [name: string, change: (m: CodegenInput) => void, expected: { table: string; target: object; message: RegExp }, absent: RegExp];

const users = (m: CodegenInput) => m.tables.find((t) => t.table_name === "users")!;
const posts = (m: CodegenInput) => m.tables.find((t) => t.table_name === "posts")!;
const col = (m: CodegenInput, name: string) => users(m).columns.find((c) => c.pg_column === name)!;

const CASES: Case[] = [
  [
    "two columns mapping to the same GraphQL field",
    (m) => (col(m, "name").graphql_field = "email"),
    { table: "users", target: { kind: "column", column: "name", field: "graphql_field" }, message: /Two columns map to the GraphQL field "email"/ },
    /email: String/,
  ],
  [
    "a relation to a table that is not API-enabled",
    (m) => (users(m).is_api_enabled = false),
    { table: "posts", target: { kind: "relation", relationId: 1, field: "to_table_id" }, message: /not API-enabled/ },
    /author/,
  ],
  [
    "an invalid regex",
    (m) => (col(m, "name").validation_rules = { pattern: "([a-z" }),
    { table: "users", target: { kind: "column", column: "name", field: "validation_rules" }, message: /pattern does not compile/ },
    /^ {2}name: /m,
  ],
  [
    "a GraphQL field name that is not a GraphQL identifier",
    (m) => (col(m, "name").graphql_field = "full-name"),
    { table: "users", target: { kind: "column", column: "name", field: "graphql_field" }, message: /not a GraphQL name/ },
    /full-name|^ {2}name: /m,
  ],
  [
    "a GraphQL type name that is not a GraphQL identifier",
    (m) => (users(m).graphql_type = "2User"),
    { table: "users", target: { kind: "table", field: "graphql_type" }, message: /not a GraphQL name/ },
    /type User|2User/,
  ],
  [
    "an unknown graphql_type",
    (m) => (col(m, "name").graphql_type = "Strng"),
    { table: "users", target: { kind: "column", column: "name", field: "graphql_type" }, message: /Unknown graphql_type "Strng"/ },
    /Strng|^ {2}name: /m,
  ],
  [
    "a type name used by two tables",
    (m) => (posts(m).graphql_type = "User"),
    { table: "posts", target: { kind: "table", field: "graphql_type" }, message: /used by more than one table/ },
    /type User|type Post/,
  ],
  [
    "two enum options that become the same GraphQL enum value",
    (m) => (col(m, "name").enum_options = [{ value: "in-progress", label: "x" }, { value: "in progress", label: "y" }]),
    { table: "users", target: { kind: "column", column: "name", field: "enum_options" }, message: /"in-progress" and "in progress" both become the GraphQL enum value in_progress/ },
    /UserName/,
  ],
  [
    "a rule that does not fit the type",
    (m) => users(m).columns.push(column("age", "INTEGER", { validation_rules: { maxLength: 3 } })),
    { table: "users", target: { kind: "column", column: "age", field: "validation_rules" }, message: /maxLength applies to text/ },
    /\bage:/,
  ],
  [
    "a checkbox on a text column",
    (m) => (col(m, "name").form_type = "checkbox"),
    { table: "users", target: { kind: "column", column: "name", field: "form_type" }, message: /checkbox needs a BOOLEAN/ },
    /^ {2}name: /m,
  ],
];

describe("problems in the metadata", () => {
  it.each(CASES)("%s: listed with its cell, left out of every output, the rest still valid", (_, change, expected, absent) => {
    const input = usersPosts();
    change(input);
    const { problems } = analyze(input);
    expect(problems).toContainEqual(expect.objectContaining({ table: expected.table, target: expect.objectContaining(expected.target), message: expect.stringMatching(expected.message) }));
    const files = generateFiles(input);
    const sdl = files.find((f) => f.path === "schema.graphql")!.content;
    expect(validateSchema(buildSchema(sdl))).toEqual([]);
    expect(sdl).not.toMatch(absent);
  });

  it("mixed-case tables (Prisma's User beside a user): a clash is a problem like any other; the rest is generated", () => {
    const input = usersPosts();
    input.tables.push(
      table(3, "User", "", "User", [column("id", "SERIAL", { sort_order: 1 }), column("createdAt", "TIMESTAMP(3)", { sort_order: 2 })]),
      table(4, "user", "", "user", [column("id", "SERIAL", { sort_order: 1 })]),
      table(5, "InvoiceLine", "", "Invoice line", [column("InvoiceLineId", "INTEGER", { sort_order: 1 }), column("UnitPrice", "NUMERIC(10,2)", { sort_order: 2 })], { primary_key: "InvoiceLineId" }),
    );
    const analysis = analyze(input);
    // "User" and "user" both derive the type User, as users already names it: each is told, none is generated.
    for (const name of ["User", "user", "users"]) {
      expect(analysis.problems).toContainEqual(expect.objectContaining({ table: name, target: { kind: "table", field: "graphql_type" }, message: expect.stringMatching(/User/) }));
    }
    const line = analysis.model.tables.find((t) => t.table.table_name === "InvoiceLine")!;
    expect([line.typeName, line.one, line.many, line.columns.map((c) => c.name)]).toEqual(["InvoiceLine", "invoiceLine", "invoiceLineList", ["invoiceLineId", "unitPrice"]]);
    const sdl = generateFiles(input).find((f) => f.path === "schema.graphql")!.content;
    expect(validateSchema(buildSchema(sdl))).toEqual([]);
    expect(sdl).toMatch(/type InvoiceLine \{[^}]*invoiceLineId: ID!/);
  });

  it("links point at the cell: table page, tab, row and field", () => {
    const input = usersPosts();
    col(input, "name").graphql_field = "email";
    const p = analyze(input).problems.find((x) => x.target.kind === "column" && x.target.column === "name")!;
    expect(problemHref(p)).toBe(`/tables/1?tab=Columns&column=${col(input, "name").id}&field=graphql_field`);
  });

  it("never throws on malformed JSON shapes", () => {
    const input = usersPosts();
    col(input, "name").enum_options = { not: "an array" };
    col(input, "email").validation_rules = [1, 2];
    col(input, "id").pg_constraints = "text";
    users(input).api_permissions = [1];
    expect(() => generateFiles(input)).not.toThrow();
    expect(analyze(input).problems.map((p) => (p.target.kind === "column" ? p.target.field : p.target.kind))).toEqual(
      expect.arrayContaining(["enum_options", "validation_rules"]),
    );
  });

  it("tableForm gives a table's form and problems as analyze does (fixtures and 200 seeded random models)", () => {
    for (const input of [usersPosts(), ...Array.from({ length: 200 }, (_, i) => randomModel(i + 1))]) {
      const all = analyze(input);
      for (const t of input.tables) {
        expect(tableForm(input, t.id)).toEqual({ form: all.forms.find((f) => f.tableId === t.id) ?? null, problems: all.problems.filter((p) => p.tableId === t.id) });
      }
    }
  });
});
