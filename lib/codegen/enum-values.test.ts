import { buildSchema, validateSchema } from "graphql";
import { describe, expect, it } from "vitest";
import { column, relation, table, usersPosts } from "./fixtures";
import { analyze, generateFiles } from "./generate";
import { enumValueNames } from "./names";
import type { CodegenInput } from "./model";

const sdlOf = (input: CodegenInput) => generateFiles(input).find((f) => f.path === "schema.graphql")!.content;

describe("stored values that are not GraphQL names (PostgreSQL enums such as Pagila's mpaa_rating)", () => {
  it("are renamed by rule: GraphQL names stay, others lose their other characters, nothing left gives VALUE_n", () => {
    expect(enumValueNames(["G", "PG-13", "NC-17", "in progress", "1st", "true", "null", "활성", "__x", "a__b", "Ünïcode"])).toEqual([
      "G", "PG_13", "NC_17", "in_progress", "_1st", "TRUE", "NULL", "VALUE_8", "x", "a__b", "n_code",
    ]);
  });

  it("are generated with @value(stored:) in the SDL and as stored in TypeScript and zod", () => {
    const input = usersPosts();
    input.tables[1].columns.push(column("rating", "VARCHAR(5)", { enum_options: [{ value: "G", label: "G" }, { value: "PG-13", label: "PG-13" }] }));
    expect(analyze(input).problems).toEqual([]);
    const sdl = sdlOf(input);
    expect(validateSchema(buildSchema(sdl))).toEqual([]);
    expect(sdl).toContain('directive @value(stored: String!) on ENUM_VALUE');
    expect(sdl).toMatch(/PG_13 @value\(stored: "PG-13"\)/);
    expect(sdl).not.toMatch(/\bG @value/);
    const files = generateFiles(input);
    expect(files.find((f) => f.path === "types.ts")!.content).toContain('"G" | "PG-13"');
    expect(files.find((f) => f.path === "zod.ts")!.content).toContain('"PG-13"');
  });

  it("a model without renamed values declares no @value directive", () => {
    const input = usersPosts();
    input.tables[0].columns.push(column("status", "VARCHAR(10)", { enum_options: [{ value: "ACTIVE", label: "활성" }] }));
    expect(sdlOf(input)).not.toContain("@value");
  });
});

describe("relations and their back-references", () => {
  it("a relation and its reverse (as the wizard makes them) each add their own field and no back-reference: no problem", () => {
    const input = usersPosts();
    input.relations.push(relation(2, 1, "id", 2, "user_id", "OneToMany", "posts"));
    const { problems } = analyze(input);
    expect(problems).toEqual([]);
    const sdl = sdlOf(input);
    expect(sdl).toMatch(/type User \{[^}]*\bposts: \[Post!\]!/);
    expect(sdl).toMatch(/type Post \{[^}]*\bauthor: User/);
    expect(/type User \{([^}]*)\}/.exec(sdl)![1].match(/\[Post!\]!/g)).toHaveLength(1);
    expect(/type Post \{([^}]*)\}/.exec(sdl)![1].match(/: User\b/g)).toHaveLength(1);
  });

  it("two links from one table to another get back-references told apart by the column (film → language twice)", () => {
    const input: CodegenInput = {
      ...usersPosts(),
      tables: [
        table(1, "language", "Language", "Language", [column("id", "SERIAL")]),
        table(2, "film", "Film", "Film", [column("id", "SERIAL"), column("language_id", "INTEGER"), column("original_language_id", "INTEGER")]),
      ],
      relations: [relation(1, 2, "language_id", 1, "id", "ManyToOne", null), relation(2, 2, "original_language_id", 1, "id", "ManyToOne", null)],
    };
    expect(analyze(input).problems).toEqual([]);
    const sdl = sdlOf(input);
    expect(validateSchema(buildSchema(sdl))).toEqual([]);
    expect(sdl).toMatch(/type Language \{[^}]*\bfilm: \[Film!\]![^}]*\bfilmByOriginalLanguageId: \[Film!\]!/);
  });

  it("a relation's own field wins over a back-reference, whatever their order (Pagila: store.manager_staff_id, staff.store_id)", () => {
    const input: CodegenInput = {
      ...usersPosts(),
      tables: [
        table(1, "store", "Store", "Store", [column("id", "SERIAL"), column("manager_staff_id", "INTEGER")]),
        table(2, "staff", "Staff", "Staff", [column("id", "SERIAL"), column("store_id", "INTEGER")]),
      ],
      // The lower id comes first: its back-reference on Staff would be "store", the field staff.store_id names.
      relations: [relation(1, 1, "manager_staff_id", 2, "id", "OneToOne", "managerStaff"), relation(2, 2, "store_id", 1, "id", "ManyToOne", "store")],
    };
    expect(analyze(input).problems).toEqual([]);
    const sdl = sdlOf(input);
    expect(validateSchema(buildSchema(sdl))).toEqual([]);
    expect(sdl).toMatch(/type Staff \{[^}]*\bstore: Store\b/);
    expect(sdl).toMatch(/type Staff \{[^}]*\bstoreByManagerStaffId: Store\b/);
    expect(sdl).toMatch(/type Store \{[^}]*\bmanagerStaff: Staff\b[^}]*\bstaff: \[Staff!\]!/);
  });
});
