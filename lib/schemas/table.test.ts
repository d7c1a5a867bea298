import { describe, expect, it } from "vitest";
import { fromDbValue, toDbValue, toFormValue } from "./fields";
import { JSON_HINTS, TABLE_FIELD_KINDS, tableDefaults, tableSchema, type TableValues } from "./table";

const valid: TableValues = { ...tableDefaults, table_name: "users", graphql_type: "User", label: "사용자" };

/** The messages of a failed parse, by field. */
function problems(values: Partial<Record<keyof TableValues, unknown>>): Record<string, string> {
  const result = tableSchema.safeParse({ ...valid, ...values });
  if (result.success) return {};
  return Object.fromEntries(result.error.issues.map((i) => [i.path.join("."), i.message]));
}

const CHARS = "Use letters, digits and underscores, starting with a letter or underscore (no spaces, quotes, - or $).";

describe("tableSchema", () => {
  it("accepts the defaults plus a name and label, and the seed's JSON examples", () => {
    expect(tableSchema.parse(valid)).toEqual(valid);
    expect(problems({ ...JSON_HINTS })).toEqual({});
    expect(problems({ graphql_type: "", primary_key: "", description: "" })).toEqual({});
  });

  it("trims names before checking them", () => {
    expect(tableSchema.parse({ ...valid, table_name: "  order_items ", label: " Orders " })).toMatchObject({
      table_name: "order_items",
      label: "Orders",
    });
  });

  it.each([
    ["has space", CHARS],
    ["dollar$", CHARS],
    ["1users", CHARS],
    ["order-items", CHARS],
    ["a".repeat(64), "At most 63 bytes."],
    ["", "Table name is required."],
  ])("table_name %j is refused: %s", (name, message) => {
    expect(problems({ table_name: name })).toEqual({ table_name: message });
  });

  it("63 bytes pass; 64 bytes counted in UTF-8 fail", () => {
    expect(problems({ table_name: "a".repeat(63) })).toEqual({});
    expect(problems({ schema_name: "a".repeat(64) })).toEqual({ schema_name: "At most 63 bytes." });
    expect(problems({ schema_name: "" })).toEqual({ schema_name: "Schema is required." });
    expect(problems({ primary_key: "Id" })).toEqual({});
    expect(problems({ primary_key: "I-d" })).toEqual({ primary_key: CHARS });
  });

  it("label is required (blank after trimming counts as missing)", () => {
    expect(problems({ label: "" })).toEqual({ label: "Label is required." });
    expect(problems({ label: "   " })).toEqual({ label: "Label is required." });
    expect(problems({ label: "x".repeat(201) })).toEqual({ label: "At most 200 characters." });
  });

  it.each(["user", "order_item", "Order-Item", "1User", "User Item"])("graphql_type %j is not PascalCase", (type) => {
    expect(problems({ graphql_type: type })).toEqual({ graphql_type: "PascalCase, e.g. OrderItem." });
  });

  it.each(["User", "OrderItem", "V2Item"])("graphql_type %j is accepted", (type) => {
    expect(problems({ graphql_type: type })).toEqual({});
  });

  it("malformed JSON is refused with the parser's message", () => {
    const found = problems({ api_permissions: '{"read": "public",}' });
    expect(found.api_permissions).toMatch(/^Not valid JSON: /);
  });

  it("api_permissions must be an object of strings", () => {
    expect(problems({ api_permissions: '["public"]' }).api_permissions).toBeDefined();
    expect(problems({ api_permissions: '{"read": 1}' }).api_permissions).toMatch(/^read: /);
    expect(problems({ api_permissions: '{"read": "public", "export": "admin"}' })).toEqual({});
  });

  it("indexes: each needs at least one column and a known type", () => {
    expect(problems({ indexes: '[{"columns": [], "type": "UNIQUE"}]' })).toEqual({
      indexes: "0.columns: An index needs at least one column.",
    });
    expect(problems({ indexes: '[{"type": "UNIQUE"}]' }).indexes).toMatch(/^0\.columns: /);
    expect(problems({ indexes: '[{"columns": ["email"], "type": "FULLTEXT"}]' })).toEqual({
      indexes: "0.type: Index type is one of BTREE, UNIQUE, GIN, GIST, HASH, BRIN.",
    });
    expect(problems({ indexes: '[{"columns": ["e-mail"], "type": "BTREE"}]' })).toEqual({
      indexes: "0.columns.0: Index columns are column names: letters, digits and underscores.",
    });
    // Mixed case is a name like any other (Prisma's "User_email_key" on "email", Chinook's "IFK_AlbumArtistId").
    expect(problems({ indexes: '[{"columns": ["ArtistId"], "type": "BTREE", "name": "IFK_AlbumArtistId"}]' })).toEqual({});
    expect(problems({ indexes: '[{"columns": ["email"], "type": "UNIQUE", "name": "User email"}]' }).indexes).toMatch(/^0\.name: An index name: /);
    expect(problems({ indexes: '{"columns": ["email"], "type": "UNIQUE"}' }).indexes).toBeDefined();
  });

  it("table_constraints: a check needs a name (letters, digits, underscores) and a condition", () => {
    expect(problems({ table_constraints: '{"checks": [{"name": "check_status", "condition": "  "}]}' })).toEqual({
      table_constraints: "checks.0.condition: A check needs a condition.",
    });
    expect(problems({ table_constraints: '{"checks": [{"name": "check_status"}]}' }).table_constraints).toMatch(
      /^checks\.0\.condition: /,
    );
    expect(problems({ table_constraints: '{"checks": [{"name": "check status", "condition": "x > 0"}]}' })).toEqual({
      table_constraints: "checks.0.name: A check's name: letters, digits and underscores, starting with a letter or underscore, at most 63 characters.",
    });
    expect(problems({ table_constraints: '{"checks": [{"name": "CK_InvoiceTotal", "condition": "x > 0"}]}' })).toEqual({});
    expect(problems({ table_constraints: "{}" })).toEqual({});
  });

  it("every field has a kind, and only the schema's fields", () => {
    expect(Object.keys(TABLE_FIELD_KINDS).sort()).toEqual(Object.keys(tableSchema.shape).sort());
    expect(TABLE_FIELD_KINDS).toMatchObject({ table_name: "required", is_api_enabled: "bool", indexes: "json" });
  });

  it("form values → db values: JSON arrays go as JSON text (not a PG array), empties as NULL", () => {
    const parsed = tableSchema.parse({ ...valid, indexes: JSON_HINTS.indexes, description: "", graphql_type: "" });
    const db = Object.fromEntries(
      (Object.keys(TABLE_FIELD_KINDS) as (keyof TableValues)[]).map((f) => [f, toDbValue(TABLE_FIELD_KINDS[f], parsed[f])]),
    );
    expect(typeof db.indexes).toBe("string");
    expect(JSON.parse(db.indexes as string)).toEqual(JSON.parse(JSON_HINTS.indexes));
    expect(db).toMatchObject({ table_name: "users", label: "사용자", description: null, graphql_type: null, is_api_enabled: true, api_permissions: null });
  });

  it("db row → form → db gives the same values back", () => {
    const row = { indexes: [{ columns: ["email"], type: "UNIQUE" }], api_permissions: { read: "public" }, is_api_enabled: false, description: null };
    for (const [field, value] of Object.entries(row)) {
      const kind = TABLE_FIELD_KINDS[field as keyof TableValues];
      const form = fromDbValue(kind, value);
      expect(tableSchema.shape[field as keyof TableValues].safeParse(form).success, field).toBe(true);
      const back = toDbValue(kind, form);
      expect(kind === "json" && back !== null ? JSON.parse(back as string) : back, field).toEqual(value);
      expect(toFormValue(kind, value) === form || kind === "json", field).toBe(true);
    }
  });
});
