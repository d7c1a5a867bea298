import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ConflictError, FieldError } from "../metadata/conflict";
import { COLUMN_FIELD_KINDS, columnSchema } from "../schemas/column";
import { RELATION_FIELD_KINDS, relationInlineSchema } from "../schemas/relation";
import { TABLE_FIELD_KINDS, tableSchema } from "../schemas/table";
import { fieldErrorsOf, mutationFailed, parseInlineEdit } from "./result";

const edit = (field: string, value: unknown) => ({ id: 7, rowVersion: "2024-05-01 10:00:00.123456+00", field, value });
const table = (field: string, value: unknown) => parseInlineEdit(tableSchema, TABLE_FIELD_KINDS, edit(field, value));
const column = (field: string, value: unknown) => parseInlineEdit(columnSchema, COLUMN_FIELD_KINDS, edit(field, value));
const relation = (field: string, value: unknown) => parseInlineEdit(relationInlineSchema, RELATION_FIELD_KINDS, edit(field, value));

describe("parseInlineEdit", () => {
  it("a valid edit gives id, rowVersion, field and the parsed form value", () => {
    expect(table("table_name", "  members ")).toEqual({
      ok: true,
      id: 7,
      rowVersion: "2024-05-01 10:00:00.123456+00",
      field: "table_name",
      value: "members",
    });
    expect(parseInlineEdit(tableSchema, TABLE_FIELD_KINDS, { ...edit("label", "회원"), id: "7" })).toMatchObject({ ok: true, id: 7 });
  });

  it.each(["nope", "id", "updated_at", "created_at", "__proto__", "constructor", "toString", "from_table"])(
    "refuses the unknown or read-only field %j",
    (field) => {
      expect(table(field, "x")).toEqual({ ok: false, formError: `"${field}" cannot be edited here.` });
    },
  );

  it("refuses relation endpoints inline (they change through the form)", () => {
    expect(relation("from_column", "x")).toEqual({ ok: false, formError: '"from_column" cannot be edited here.' });
    expect(relation("to_table_id", 3)).toEqual({ ok: false, formError: '"to_table_id" cannot be edited here.' });
  });

  it("malformed requests are refused", () => {
    const malformed = { ok: false, formError: "Malformed edit request." };
    expect(parseInlineEdit(tableSchema, TABLE_FIELD_KINDS, null)).toEqual(malformed);
    expect(parseInlineEdit(tableSchema, TABLE_FIELD_KINDS, { ...edit("label", "x"), id: "abc" })).toEqual(malformed);
    expect(parseInlineEdit(tableSchema, TABLE_FIELD_KINDS, { ...edit("label", "x"), id: -1 })).toEqual(malformed);
    expect(parseInlineEdit(tableSchema, TABLE_FIELD_KINDS, { ...edit("label", "x"), rowVersion: "" })).toEqual(malformed);
    expect(parseInlineEdit(tableSchema, TABLE_FIELD_KINDS, { id: 1, rowVersion: "v", value: "x" })).toEqual(malformed);
  });

  it("a bad value is refused with the field's own message", () => {
    expect(table("table_name", "Users")).toEqual({
      ok: false,
      formError: "Use lower-case letters, digits and underscores, starting with a letter or underscore (snake_case).",
    });
    expect(table("table_name", "")).toEqual({ ok: false, formError: "Table name is required." });
    expect(table("label", "   ")).toEqual({ ok: false, formError: "Label is required." });
    expect(table("graphql_type", "user")).toEqual({ ok: false, formError: "PascalCase, e.g. OrderItem." });
    expect(column("pg_type", "VARCHAR(255")).toEqual({
      ok: false,
      formError: "A PostgreSQL type such as VARCHAR(255), BIGINT or TIMESTAMPTZ.",
    });
    expect(column("sort_order", "first")).toEqual({ ok: false, formError: "A whole number." });
    expect(relation("relation_type", "Bogus")).toEqual({ ok: false, formError: "Choose a relation type." });
  });

  it("JSON objects and arrays are accepted as values of json fields, and come out as JSON text", () => {
    const permissions = table("api_permissions", { read: "public", write: "authenticated" });
    expect(permissions).toMatchObject({ ok: true, field: "api_permissions" });
    expect(JSON.parse((permissions as { value: string }).value)).toEqual({ read: "public", write: "authenticated" });
    const indexes = table("indexes", [{ columns: ["email"], type: "UNIQUE" }]);
    expect(indexes.ok).toBe(true);
    expect(JSON.parse((indexes as { value: string }).value)).toEqual([{ columns: ["email"], type: "UNIQUE" }]);
    const options = column("enum_options", [{ value: "A", label: "에이" }]);
    expect(options.ok).toBe(true);
    expect(column("validation_rules", '{"minLength": 1}')).toMatchObject({ ok: true, value: '{"minLength": 1}' });
  });

  it("JSON values of the wrong shape are refused with the shape's message", () => {
    expect(table("indexes", [{ columns: [], type: "UNIQUE" }])).toEqual({
      ok: false,
      formError: "0.columns: An index needs at least one column.",
    });
    expect(column("enum_options", [{ value: "A", label: "a" }, { value: "A", label: "b" }])).toEqual({
      ok: false,
      formError: '1.value: Option value "A" appears twice.',
    });
    expect(column("validation_rules", { pattern: "([a-z" })).toMatchObject({ ok: false });
    expect(table("api_permissions", "{oops")).toMatchObject({ ok: false, formError: expect.stringMatching(/^Not valid JSON/) });
  });

  it("booleans, numbers and null become form values first", () => {
    expect(table("is_api_enabled", false)).toMatchObject({ ok: true, value: false });
    expect(column("is_unique", true)).toMatchObject({ ok: true, value: true });
    expect(column("sort_order", 3)).toMatchObject({ ok: true, value: "3" });
    expect(column("placeholder", null)).toMatchObject({ ok: true, value: "" });
    expect(relation("is_cascade_delete", true)).toMatchObject({ ok: true, value: true });
  });
});

describe("action results", () => {
  it("fieldErrorsOf keeps the first message per field path", () => {
    const error = z.object({ a: z.string().min(3, "short").regex(/x/, "no x"), b: z.number() }).safeParse({ a: "", b: "1" }).error!;
    expect(fieldErrorsOf(error)).toEqual({ a: "short", b: expect.any(String) });
  });

  it("mutationFailed maps ConflictError to its current row and FieldError to its field", () => {
    expect(mutationFailed(new ConflictError({ id: 1 }))).toMatchObject({ ok: false, conflict: { id: 1 } });
    expect(mutationFailed(new ConflictError(null))).toMatchObject({ ok: false, conflict: null, formError: expect.stringMatching(/deleted/) });
    expect(mutationFailed(new FieldError("pg_type", "Unknown type"))).toEqual({
      ok: false,
      formError: "Unknown type",
      fieldErrors: { pg_type: "Unknown type" },
    });
  });
});
