import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ConflictError, FieldError } from "../metadata/conflict";
import { COLUMN_FIELDS } from "../schemas/column";
import { RELATION_INLINE_FIELDS } from "../schemas/relation";
import { TABLE_FIELDS } from "../schemas/table";
import { fieldErrorsOf, mutationFailed, parseInlineEdit } from "./result";

const edit = (field: string, value: unknown) => ({ id: 7, rowVersion: "2024-05-01T10:00:00.123456Z", field, value });
const table = (field: string, value: unknown) => parseInlineEdit(TABLE_FIELDS, edit(field, value));
const column = (field: string, value: unknown) => parseInlineEdit(COLUMN_FIELDS, edit(field, value));
const relation = (field: string, value: unknown) => parseInlineEdit(RELATION_INLINE_FIELDS, edit(field, value));

describe("parseInlineEdit", () => {
  it("a valid edit gives id, rowVersion, field and the parsed form value", () => {
    expect(table("table_name", "  members ")).toEqual({
      ok: true,
      id: 7,
      rowVersion: "2024-05-01T10:00:00.123456Z",
      field: "table_name",
      value: "members",
    });
    expect(parseInlineEdit(TABLE_FIELDS, { ...edit("label", "회원"), id: "7" })).toMatchObject({ ok: true, id: 7 });
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
    expect(parseInlineEdit(TABLE_FIELDS, null)).toEqual(malformed);
    expect(parseInlineEdit(TABLE_FIELDS, { ...edit("label", "x"), id: "abc" })).toEqual(malformed);
    expect(parseInlineEdit(TABLE_FIELDS, { ...edit("label", "x"), id: -1 })).toEqual(malformed);
    expect(parseInlineEdit(TABLE_FIELDS, { id: 1, rowVersion: edit("", "").rowVersion, value: "x" })).toEqual(malformed);
    for (const id of ["0x10", true, [5], "1e3", " 5", 1.5, 0, 2 ** 53]) {
      expect(parseInlineEdit(TABLE_FIELDS, { ...edit("label", "x"), id }), JSON.stringify(id)).toEqual(malformed);
    }
  });

  it("a malformed version token is refused with its own message, never echoed", () => {
    const message = "The row's version token is malformed; reload the page.";
    for (const rowVersion of ["", "v", "2024-13-45T99:00:00Z", "x".repeat(1_000_000), 7]) {
      expect(parseInlineEdit(TABLE_FIELDS, { ...edit("label", "x"), rowVersion })).toEqual({ ok: false, formError: message });
    }
    expect(parseInlineEdit(TABLE_FIELDS, { ...edit("label", "x"), rowVersion: "0cc175b9c0f1b6a831c399e269772661" }).ok).toBe(true);
  });

  it("a value must be exactly the field's type: no coercion of objects, arrays or strings", () => {
    expect(table("label", { a: 1 })).toEqual({ ok: false, formError: "Text expected." });
    expect(table("table_name", ["orders_renamed"])).toEqual({ ok: false, formError: "Text expected." });
    expect(table("is_api_enabled", "yes")).toEqual({ ok: false, formError: "true or false expected." });
    expect(table("is_api_enabled", 0)).toEqual({ ok: false, formError: "true or false expected." });
    expect(column("sort_order", "3")).toEqual({ ok: false, formError: "A whole number expected." });
    expect(column("sort_order", 1.5)).toEqual({ ok: false, formError: "A whole number expected." });
    expect(column("enum_options", '[{"value": "A", "label": "a"}]')).toEqual({ ok: false, formError: "A JSON object or array expected." });
    expect(relation("relation_type", ["OneToOne"])).toEqual({ ok: false, formError: "Text expected." });
  });

  it("NUL bytes, lone surrogates and JSON nested too deep are field errors", () => {
    expect(table("label", "a\u0000b")).toMatchObject({ ok: false, formError: expect.stringMatching(/NUL/) });
    expect(table("label", "a\uD800b")).toMatchObject({ ok: false, formError: expect.stringMatching(/surrogate/) });
    expect(column("validation_rules", { pattern: "a\u0000" })).toMatchObject({ ok: false, formError: expect.stringMatching(/NUL/) });
    let deep: unknown = 1;
    for (let i = 0; i < 5000; i++) deep = [deep];
    expect(column("data_transformation", deep)).toMatchObject({ ok: false, formError: expect.stringMatching(/Nested more than 32/) });
  });

  it("a bad value is refused with the field's own message", () => {
    expect(table("table_name", "Users")).toMatchObject({ ok: true, value: "Users" });
    expect(table("table_name", "my users")).toEqual({
      ok: false,
      formError: "Use letters, digits and underscores, starting with a letter or underscore (no spaces, quotes, - or $).",
    });
    expect(table("table_name", "")).toEqual({ ok: false, formError: "Table name is required." });
    expect(table("label", "   ")).toEqual({ ok: false, formError: "Label is required." });
    expect(table("graphql_type", "user")).toEqual({ ok: false, formError: "PascalCase, e.g. OrderItem." });
    expect(column("pg_type", "VARCHAR(255")).toEqual({
      ok: false,
      formError: "A PostgreSQL type such as VARCHAR(255), BIGINT or TIMESTAMPTZ.",
    });
    expect(column("sort_order", 10_000_000_000)).toEqual({ ok: false, formError: "A whole number." });
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
    expect(column("validation_rules", { minLength: 1 })).toMatchObject({ ok: true, value: '{"minLength":1}' });
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
    expect(table("api_permissions", { read: 5 })).toMatchObject({ ok: false, formError: expect.stringMatching(/^read: /) });
  });

  it("booleans, numbers and null become form values first", () => {
    expect(table("is_api_enabled", false)).toMatchObject({ ok: true, value: false });
    expect(column("is_unique", true)).toMatchObject({ ok: true, value: true });
    expect(column("sort_order", 3)).toMatchObject({ ok: true, value: "3" });
    expect(column("sort_order", null)).toMatchObject({ ok: true, value: "" });
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
