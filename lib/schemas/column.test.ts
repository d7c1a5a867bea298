import { describe, expect, it } from "vitest";
import {
  COLUMN_FIELD_KINDS,
  COLUMN_GROUPS,
  COLUMN_JSON_HINTS,
  columnDefaults,
  columnSchema,
  JSON_COLUMN_FIELDS,
  newColumnSchema,
  PG_TYPE_PATTERN,
  regexProblem,
  type ColumnField,
  type ColumnValues,
} from "./column";
import { fromDbValue, toDbValue } from "./fields";

const valid: ColumnValues = { ...columnDefaults, pg_column: "email", pg_type: "VARCHAR(255)", label: "Email" };

function problems(values: Partial<Record<ColumnField, unknown>>): Record<string, string> {
  const result = columnSchema.safeParse({ ...valid, ...values });
  if (result.success) return {};
  return Object.fromEntries(result.error.issues.map((i) => [i.path.join("."), i.message]));
}

const PG_TYPE_MESSAGE = "A PostgreSQL type such as VARCHAR(255), BIGINT or TIMESTAMPTZ.";

describe("columnSchema", () => {
  it("accepts the defaults with a name, type and label, and every JSON hint", () => {
    expect(columnSchema.parse(valid)).toEqual(valid);
    expect(problems(COLUMN_JSON_HINTS)).toEqual({});
  });

  it.each([
    ["e-mail", "Use letters, digits and underscores, starting with a letter or underscore (no spaces, quotes, - or $)."],
    ['"Email"', "Use letters, digits and underscores, starting with a letter or underscore (no spaces, quotes, - or $)."],
    ["2fa_code", "Use letters, digits and underscores, starting with a letter or underscore (no spaces, quotes, - or $)."],
    ["c".repeat(64), "At most 63 bytes."],
    ["", "Column name is required."],
  ])("pg_column %j is refused", (name, message) => {
    expect(problems({ pg_column: name })).toEqual({ pg_column: message });
  });

  it("label is required", () => {
    expect(problems({ label: " " })).toEqual({ label: "Label is required." });
  });

  it.each([
    "VARCHAR(255)",
    "BIGSERIAL",
    "TEXT[]",
    "NUMERIC(12,2)",
    "numeric( 12 , 2 )",
    "double precision",
    "timestamp with time zone",
    "TIMESTAMP(3) WITH TIME ZONE",
    "character varying(100)[]",
    "INTEGER[][]",
    "_int4",
    // A mixed-case enum as format_type prints it (Prisma's "Role"; one in another schema; an array of it).
    '"Role"',
    'public."Role"',
    '"Chinook"."MediaKind"[]',
    "shop.mood",
  ])("pg_type pattern accepts %j", (type) => {
    expect(PG_TYPE_PATTERN.test(type)).toBe(true);
    expect(problems({ pg_type: type })).toEqual({});
  });

  it.each(["", "VARCHAR(255", "VARCHAR(abc)", "INT; DROP TABLE users", "text[", "1INT", "NUMERIC(1,2,3)", "int'", '"Role', '"Ro le"', '"Role"";drop"', '"Role"(3)', '"Role" x', '""', '"a"."b"."c"'])(
    "pg_type pattern refuses %j",
    (type) => {
      expect(problems({ pg_type: type })).toEqual({ pg_type: PG_TYPE_MESSAGE });
    },
  );

  it("graphql_field and graphql_type follow GraphQL's naming", () => {
    expect(problems({ graphql_field: "createdAt", graphql_type: "[ID!]!" })).toEqual({});
    expect(problems({ graphql_field: "created-at" })).toEqual({ graphql_field: "A GraphQL name: letters, digits, _ (camelCase)." });
    expect(problems({ graphql_type: "Map<String>" })).toEqual({ graphql_type: "A GraphQL type such as String, Int!, [ID]." });
  });

  it("sort_order is a whole number or empty", () => {
    expect(problems({ sort_order: "12" })).toEqual({});
    expect(problems({ sort_order: "" })).toEqual({});
    expect(problems({ sort_order: "1.5" })).toEqual({ sort_order: "A whole number." });
    expect(problems({ sort_order: "ten" })).toEqual({ sort_order: "A whole number." });
  });

  it("malformed JSON in any JSON field is refused", () => {
    for (const field of JSON_COLUMN_FIELDS) {
      expect(problems({ [field]: "{not json" })[field], field).toMatch(/^Not valid JSON: /);
    }
  });

  it("enum_options: an array of {value, label} with distinct values", () => {
    expect(problems({ enum_options: '[{"value": "A", "label": "a"}, {"value": "A", "label": "b"}]' })).toEqual({
      enum_options: '1.value: Option value "A" appears twice.',
    });
    expect(problems({ enum_options: '[{"value": "", "label": "none"}]' })).toEqual({
      enum_options: "0.value: Each option needs a value.",
    });
    expect(problems({ enum_options: '{"value": "A", "label": "a"}' }).enum_options).toBeDefined();
    expect(problems({ enum_options: '[{"value": "A"}]' }).enum_options).toMatch(/^0\.label: /);
  });

  it("validation_rules: the pattern must compile", () => {
    const message = problems({ validation_rules: '{"pattern": "([a-z"}' }).validation_rules;
    expect(message).toMatch(/^pattern: pattern does not compile: /);
    expect(message).toContain("([a-z");
    expect(regexProblem("([a-z")).not.toBeNull();
    expect(regexProblem("^[a-z]+$")).toBeNull();
  });

  it("validation_rules: minLength above maxLength, min above max, negative or fractional lengths are refused", () => {
    expect(problems({ validation_rules: '{"minLength": 10, "maxLength": 3}' })).toEqual({
      validation_rules: "maxLength: maxLength is below minLength.",
    });
    expect(problems({ validation_rules: '{"min": 5, "max": 1}' })).toEqual({ validation_rules: "max: max is below min." });
    expect(problems({ validation_rules: '{"minLength": -1}' })).toEqual({ validation_rules: "minLength: Not negative." });
    expect(problems({ validation_rules: '{"maxLength": 2.5}' }).validation_rules).toMatch(/^maxLength: /);
    expect(problems({ validation_rules: '{"minLength": 3, "maxLength": 3, "custom": [1]}' })).toEqual({});
  });

  it("search_config and index_config must be objects; api_endpoints may be an array", () => {
    expect(problems({ search_config: "[1]" })).toEqual({ search_config: "Must be a JSON object: { ... }" });
    expect(problems({ index_config: '"idx"' })).toEqual({ index_config: "Must be a JSON object: { ... }" });
    expect(problems({ api_endpoints: "42" })).toEqual({ api_endpoints: "Must be a JSON object or array" });
  });

  it("index_config's name, when given, is a name DDL can use (it names the index)", () => {
    expect(problems({ index_config: '{"type": "BTREE", "name": "idx_users_email"}' })).toEqual({});
    expect(problems({ index_config: '{"type": "GIN", "name": "User_email_idx", "where": "x > 0"}' })).toEqual({});
    expect(problems({ index_config: '{"type": "BTREE"}' })).toEqual({});
    for (const name of ['"bad name"', '"x\\";drop"', "42", '""']) {
      expect(problems({ index_config: `{"name": ${name}}` }).index_config).toMatch(/^name: An index name/);
    }
  });
});

describe("column field kinds and groups", () => {
  it("every schema field has a kind, booleans are bool, JSON fields json", () => {
    expect(Object.keys(COLUMN_FIELD_KINDS).sort()).toEqual(Object.keys(columnSchema.shape).sort());
    expect(COLUMN_FIELD_KINDS).toMatchObject({
      pg_column: "required",
      label: "required",
      sort_order: "int",
      is_required: "bool",
      is_unique: "bool",
      enum_options: "json",
      validation_rules: "json",
      pg_type: "text",
    });
    for (const f of JSON_COLUMN_FIELDS) expect(COLUMN_FIELD_KINDS[f], f).toBe("json");
  });

  it("the groups list every field exactly once", () => {
    const grouped = COLUMN_GROUPS.flatMap((g) => g.fields);
    expect(new Set(grouped).size).toBe(grouped.length);
    expect([...grouped].sort()).toEqual(Object.keys(columnSchema.shape).sort());
  });
});

describe("newColumnSchema", () => {
  const row = { pg_column: "email", pg_type: "VARCHAR(255)", label: "Email", graphql_field: "", graphql_type: "", form_type: "", is_required: true, is_unique: true, is_primary_key: false };

  it("needs a name, a type and a label (the dialogs fill the label); GraphQL and form fields may stay empty", () => {
    expect(newColumnSchema.parse(row)).toEqual(row);
    const missing = newColumnSchema.safeParse({ ...row, pg_type: "" });
    expect(missing.success).toBe(false);
    expect(missing.error!.issues[0]).toMatchObject({ path: ["pg_type"], message: "PostgreSQL type is required." });
    expect(newColumnSchema.safeParse({ ...row, pg_column: "e mail" }).success).toBe(false);
    expect(newColumnSchema.parse({ ...row, pg_column: "Email" }).pg_column).toBe("Email");
    expect(newColumnSchema.safeParse({ ...row, label: "" }).error!.issues[0].message).toBe("Label is required.");
    expect(newColumnSchema.safeParse({ ...row, pg_type: "VARCHR(255" }).error!.issues[0].message).toBe(PG_TYPE_MESSAGE);
  });
});

describe("column values round trip", () => {
  it("db → form → db keeps JSON (arrays as JSON text for pg), numbers and booleans", () => {
    const row: Partial<Record<ColumnField, unknown>> = {
      enum_options: [{ value: "ACTIVE", label: "활성" }],
      api_endpoints: ["github_user_api"],
      validation_rules: { minLength: 3, pattern: "^[a-z]+$" },
      sort_order: 7,
      is_unique: true,
      placeholder: null,
      pg_type: "NUMERIC(12,2)",
    };
    for (const [field, value] of Object.entries(row) as [ColumnField, unknown][]) {
      const kind = COLUMN_FIELD_KINDS[field];
      const form = fromDbValue(kind, value);
      const parsed = columnSchema.shape[field].parse(form);
      const db = toDbValue(kind, parsed as string | boolean);
      if (kind === "json") {
        expect(typeof db, field).toBe("string");
        expect(JSON.parse(db as string), field).toEqual(value);
      } else {
        expect(db, field).toEqual(value);
      }
    }
  });
});
