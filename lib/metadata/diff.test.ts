import { describe, expect, it } from "vitest";
import { describeRow, diffRows } from "./diff";

// Rows as metadata_sync_log holds them (to_jsonb of the row): every column present, NULLs as null.
const column = {
  id: 7,
  table_id: 3,
  schema_name: "public",
  table_name: "users",
  pg_column: "email",
  pg_type: "VARCHAR(255)",
  label: "Email",
  is_required: true,
  is_unique: false,
  sort_order: 0,
  description: null,
  enum_options: [{ value: "A", label: "에이" }],
  validation_rules: { email: true, maxLength: 255 },
  created_at: "2025-01-01T00:00:00+00:00",
  updated_at: "2025-01-01T00:00:00+00:00",
};

describe("diffRows for an INSERT (no old version)", () => {
  it("lists every field the new row sets, and only those, with before = null", () => {
    const changes = diffRows(null, { id: 1, table_name: "users", label: "사용자", description: null, graphql_type: null });
    expect(changes).toEqual([
      { field: "id", before: null, after: 1 },
      { field: "table_name", before: null, after: "users" },
      { field: "label", before: null, after: "사용자" },
    ]);
  });

  it("keeps falsy but set values (false, 0, empty string, empty JSON) and leaves out updated_at", () => {
    const changes = diffRows(null, { is_unique: false, sort_order: 0, label: "", enum_options: [], rules: {}, updated_at: "2025-01-01", x: null });
    expect(changes.map((c) => c.field)).toEqual(["is_unique", "sort_order", "label", "enum_options", "rules"]);
    expect(changes.find((c) => c.field === "enum_options")).toEqual({ field: "enum_options", before: null, after: [] });
  });

  it("a full to_jsonb row: all non-null columns except updated_at, in the row's column order", () => {
    const changes = diffRows(null, column);
    expect(changes.map((c) => c.field)).toEqual([
      "id", "table_id", "schema_name", "table_name", "pg_column", "pg_type", "label", "is_required", "is_unique", "sort_order",
      "enum_options", "validation_rules", "created_at",
    ]);
    expect(changes.every((c) => c.before === null)).toBe(true);
  });
});

describe("diffRows for an UPDATE", () => {
  it("lists only the fields that changed, before and after", () => {
    const after = { ...column, label: "E-mail", is_unique: true, description: "로그인 아이디", updated_at: "2025-02-02T00:00:00+00:00" };
    expect(diffRows(column, after)).toEqual([
      { field: "label", before: "Email", after: "E-mail" },
      { field: "is_unique", before: false, after: true },
      { field: "description", before: null, after: "로그인 아이디" },
    ]);
  });

  it("a change to updated_at alone is no change at all", () => {
    expect(diffRows(column, { ...column, updated_at: "2030-01-01T00:00:00+00:00" })).toEqual([]);
  });

  it("identical versions give an empty diff", () => {
    expect(diffRows(column, { ...column })).toEqual([]);
  });

  it("a field set back to null is listed with after = null; null and a missing key are the same", () => {
    expect(diffRows(column, { ...column, label: null })).toEqual([{ field: "label", before: "Email", after: null }]);
    const { description: _omitted, ...withoutDescription } = column;
    expect(diffRows(column, withoutDescription)).toEqual([]);
  });

  it("a field only one version has is listed", () => {
    expect(diffRows({ id: 1 }, { id: 1, added: "x" })).toEqual([{ field: "added", before: null, after: "x" }]);
    expect(diffRows({ id: 1, gone: 2 }, { id: 1 })).toEqual([{ field: "gone", before: 2, after: null }]);
  });

  it("compares JSON values by value: equal objects and arrays (other instances) are not changes", () => {
    const after = {
      ...column,
      enum_options: [{ value: "A", label: "에이" }],
      validation_rules: { email: true, maxLength: 255 },
    };
    expect(after.enum_options).not.toBe(column.enum_options);
    expect(diffRows(column, after)).toEqual([]);
  });

  it("a change deep inside a JSON value is listed with both whole values", () => {
    const rules = { email: true, maxLength: 100 };
    expect(diffRows(column, { ...column, validation_rules: rules })).toEqual([
      { field: "validation_rules", before: { email: true, maxLength: 255 }, after: rules },
    ]);
    const options = [{ value: "A", label: "에이" }, { value: "B", label: "비" }];
    expect(diffRows(column, { ...column, enum_options: options })).toEqual([
      { field: "enum_options", before: column.enum_options, after: options },
    ]);
  });

  it("reordering a JSON array is a change; a number and its string are different values", () => {
    const before = { id: 1, tags: ["a", "b"], n: 1 };
    expect(diffRows(before, { id: 1, tags: ["b", "a"], n: 1 })).toEqual([{ field: "tags", before: ["a", "b"], after: ["b", "a"] }]);
    expect(diffRows(before, { ...before, n: "1" })).toEqual([{ field: "n", before: 1, after: "1" }]);
  });

  it("the order of an object's keys is not part of its value", () => {
    const before = { id: 1, api_permissions: { read: "public", write: "authenticated", delete: "admin" } };
    const after = { id: 1, api_permissions: { delete: "admin", write: "authenticated", read: "public" } };
    expect(diffRows(before, after)).toEqual([]);
  });
});

describe("diffRows for a DELETE (no new version)", () => {
  it("lists every field the deleted row had (not null), with after = null", () => {
    const changes = diffRows({ id: 4, table_name: "posts", label: "게시글", description: null, is_api_enabled: false }, null);
    expect(changes).toEqual([
      { field: "id", before: 4, after: null },
      { field: "table_name", before: "posts", after: null },
      { field: "label", before: "게시글", after: null },
      { field: "is_api_enabled", before: false, after: null },
    ]);
  });

  it("leaves out updated_at here too", () => {
    expect(diffRows(column, null).map((c) => c.field)).not.toContain("updated_at");
    expect(diffRows(column, null).map((c) => c.field)).toContain("created_at");
  });

  it("neither version: nothing", () => {
    expect(diffRows(null, null)).toEqual([]);
  });
});

describe("describeRow names the row an entry is about", () => {
  it.each([
    ["mappings_table", { schema_name: "public", table_name: "users" }, "public.users"],
    ["mappings_column", { schema_name: "public", table_name: "users", pg_column: "email" }, "users.email"],
    [
      "mappings_relation",
      { from_table: "posts", from_column: "user_id", to_table: "users", to_column: "id" },
      "posts.user_id → users.id",
    ],
    ["mappings_api_endpoint", { endpoint_name: "payments", base_url: "https://pay.example.com" }, "payments"],
    ["project", { id: 1, project_id: "e2e-shop", project_name: "Shop" }, "e2e-shop"],
  ])("%s", (table, row, expected) => {
    expect(describeRow(table, row)).toBe(expected);
  });

  it("no row, or a table it does not know: empty", () => {
    expect(describeRow("mappings_table", null)).toBe("");
    expect(describeRow("metadata_sync_log", { id: 1 })).toBe("");
  });

  it("an endpoint or project without its name: empty, not 'undefined'", () => {
    expect(describeRow("mappings_api_endpoint", { id: 1 })).toBe("");
    expect(describeRow("project", { id: 1 })).toBe("");
  });
});
