import { describe, expect, it } from "vitest";
import { RELATION_TYPES } from "./enums";
import { fromDbValue, toDbValue, toFormValue } from "./fields";
import { RELATION_FIELD_KINDS, relationInlineSchema, relationSchema, type RelationInput } from "./relation";

const valid: RelationInput = {
  from_table_id: "2",
  from_column: "user_id",
  to_table_id: 1,
  to_column: "id",
  relation_type: "ManyToOne",
  graphql_field: "author",
  is_cascade_delete: false,
  constraint_name: "",
};

function problems(values: Partial<Record<keyof RelationInput, unknown>>): Record<string, string> {
  const result = relationSchema.safeParse({ ...valid, ...values });
  if (result.success) return {};
  return Object.fromEntries(result.error.issues.map((i) => [i.path.join("."), i.message]));
}

describe("relationSchema", () => {
  it("coerces table ids from the pickers' strings", () => {
    expect(relationSchema.parse(valid)).toEqual({ ...valid, from_table_id: 2, to_table_id: 1 });
  });

  it("table ids must be chosen (positive whole numbers)", () => {
    expect(problems({ from_table_id: "0" })).toEqual({ from_table_id: "Choose the table the relation starts from." });
    expect(problems({ to_table_id: -3 })).toEqual({ to_table_id: "Choose the table it points to." });
    expect(problems({ to_table_id: "1.5" }).to_table_id).toBeDefined();
  });

  it("columns are identifiers", () => {
    expect(problems({ from_column: "" })).toEqual({ from_column: "From column is required." });
    expect(problems({ to_column: "to-column" }).to_column).toMatch(/Use letters, digits and underscores/);
    expect(problems({ to_column: "ID" })).toEqual({});
  });

  it("relation_type is one of the seed's enum values", () => {
    for (const type of RELATION_TYPES) expect(problems({ relation_type: type })).toEqual({});
    expect(problems({ relation_type: "manyToOne" })).toEqual({ relation_type: "Choose a relation type." });
    expect(problems({ relation_type: "" })).toEqual({ relation_type: "Choose a relation type." });
  });

  it("graphql_field is a GraphQL name, constraint_name a name of letters, digits and underscores; both may be empty", () => {
    expect(problems({ graphql_field: "", constraint_name: "" })).toEqual({});
    expect(problems({ graphql_field: "the author" }).graphql_field).toBeDefined();
    expect(problems({ constraint_name: "FK posts" })).toEqual({ constraint_name: "A constraint name: letters, digits and underscores, starting with a letter or underscore." });
    expect(problems({ constraint_name: "FK_Posts" })).toEqual({});
    expect(problems({ constraint_name: "fk_posts_user" })).toEqual({});
  });

  it("constraint_name is at most 63 characters, PostgreSQL's longest name (a longer one could not name the key)", () => {
    expect(problems({ constraint_name: "f".repeat(63) })).toEqual({});
    expect(problems({ constraint_name: "f".repeat(64) }).constraint_name).toMatch(/63/);
  });
});

describe("relation inline fields", () => {
  it("only the relation's own fields are editable inline", () => {
    expect(Object.keys(RELATION_FIELD_KINDS).sort()).toEqual(Object.keys(relationInlineSchema.shape).sort());
    expect(Object.keys(RELATION_FIELD_KINDS)).not.toContain("from_column");
  });

  it("values convert to db parameters", () => {
    expect(toDbValue(RELATION_FIELD_KINDS.relation_type, "OneToMany")).toBe("OneToMany");
    expect(toDbValue(RELATION_FIELD_KINDS.is_cascade_delete, true)).toBe(true);
    expect(toDbValue(RELATION_FIELD_KINDS.graphql_field, "")).toBeNull();
    expect(fromDbValue(RELATION_FIELD_KINDS.constraint_name, null)).toBe("");
    expect(toFormValue(RELATION_FIELD_KINDS.is_cascade_delete, null)).toBe(false);
  });
});
