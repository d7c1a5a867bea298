import { describe, expect, it } from "vitest";
import { columnSchema, columnDefaults, newColumnSchema, PG_TYPE_PATTERN } from "./column";
import { isLocalDateTime, unstorableProblem } from "./fields";
import { jsonText, MAX_JSON_CHARS, MAX_JSON_DEPTH, parseBoundedJson } from "./json-text";
import { regexProblem } from "./regex";
import { tableSchema, tableDefaults } from "./table";

const nested = (depth: number) => "[".repeat(depth) + "]".repeat(depth);

describe("length limits run first and bound every pattern (issue 7, defect 1)", () => {
  // Before the fix this input took 19 s in the pg_type pattern (quadratic backtracking): the test timed out.
  const hostile = "a" + " a".repeat(128_000) + "!";

  it("a 256 KB hostile pg_type is refused by its length, wherever it comes in", () => {
    const column = columnSchema.safeParse({ ...columnDefaults, pg_column: "x", label: "X", pg_type: hostile });
    expect(column.error!.issues).toEqual([expect.objectContaining({ path: ["pg_type"], message: "At most 100 characters." })]);
    const added = newColumnSchema.safeParse({ pg_column: "x", pg_type: hostile, label: "X", graphql_field: "", graphql_type: "", form_type: "", is_required: false, is_unique: false, is_primary_key: false });
    expect(added.error!.issues.map((i) => i.message)).toEqual(["At most 100 characters."]);
  });

  it("the pg_type pattern itself is linear: the worst input within 100 characters and far beyond answers at once", () => {
    for (const n of [49, 10_000, 100_000]) expect(PG_TYPE_PATTERN.test("a" + " a".repeat(n) + "!")).toBe(false);
    expect(PG_TYPE_PATTERN.test("TIMESTAMP(3) WITH TIME ZONE")).toBe(true);
  });
});

describe("validation_rules.pattern (compiled by the UI, run by generated forms)", () => {
  it.each(["(a+)+", "(\\w+\\s?)*", "(\\d*)*", "((ab)*)*", "(?:a+)+b", "(a{2,})+"])("refuses %j: catastrophic backtracking", (p) => {
    expect(regexProblem(p)).toMatch(/exponential time/);
  });
  it.each(["^[a-z]+(-[a-z]+)*$", "^[\\w.]+@\\w+(\\.\\w+)+$", "^[a-zA-Z0-9]+$", "(a{2})+", "(a|b)+", "^\\d{3}-\\d{4}$"])("accepts %j", (p) => {
    expect(regexProblem(p)).toBeNull();
  });
  it("refuses a pattern over 1,000 characters before compiling it, and one that does not compile", () => {
    expect(regexProblem("a".repeat(1001))).toBe("At most 1,000 characters.");
    expect(regexProblem("([a-z")).toMatch(/^pattern does not compile: /);
  });
});

describe("JSON limits (defect 5): at most 50,000 characters and 32 levels, stated and checked without recursion", () => {
  it("depth: 32 levels pass, 33 and 100,000 are refused", () => {
    expect(MAX_JSON_DEPTH).toBe(32);
    expect(parseBoundedJson(nested(32)).ok).toBe(true);
    expect(parseBoundedJson(nested(33))).toEqual({ ok: false, message: "Nested more than 32 levels deep." });
    expect(parseBoundedJson(nested(100_000))).toEqual({ ok: false, message: "Nested more than 32 levels deep." });
  });
  it("size: counted on the compact text, so pretty-printing does not count", () => {
    const big = JSON.stringify({ a: "x".repeat(MAX_JSON_CHARS) });
    expect(parseBoundedJson(big)).toEqual({ ok: false, message: "At most 50,000 characters of JSON." });
    const pretty = JSON.stringify({ a: Array.from({ length: 2000 }, (_, i) => i) }, null, 8);
    expect(pretty.length).toBeGreaterThan(MAX_JSON_CHARS / 2);
    expect(parseBoundedJson(pretty).ok).toBe(true);
  });
  it("\\u0000 in a key or a value is a field error (jsonb cannot store it)", () => {
    expect(jsonText().safeParse('{"a": "x\\u0000"}').error!.issues[0].message).toMatch(/NUL/);
    expect(jsonText().safeParse('{"\\u0000": 1}').error!.issues[0].message).toMatch(/NUL/);
    expect(jsonText().safeParse('["\\ud800"]').error!.issues[0].message).toMatch(/surrogate/);
  });
  it("a table's JSON field refuses deep JSON with the limit's message", () => {
    const r = tableSchema.safeParse({ ...tableDefaults, table_name: "t", label: "T", api_permissions: `{"read": ${nested(40)}}` });
    expect(r.error!.issues[0]).toMatchObject({ path: ["api_permissions"], message: "Nested more than 32 levels deep." });
  });
});

describe("text PostgreSQL cannot store (defect 9)", () => {
  it("NUL and lone surrogates are named; paired surrogates (emoji) and Korean pass", () => {
    expect(unstorableProblem("a\u0000")).toMatch(/NUL/);
    expect(unstorableProblem("\uD800x")).toMatch(/surrogate/);
    expect(unstorableProblem("x\uDC00")).toMatch(/surrogate/);
    expect(unstorableProblem("😀 사용자")).toBeNull();
    const r = tableSchema.safeParse({ ...tableDefaults, table_name: "t", label: "a\u0000b", description: "\uD83D" });
    expect(Object.fromEntries(r.error!.issues.map((i) => [i.path[0], i.message]))).toEqual({
      label: expect.stringMatching(/NUL/),
      description: expect.stringMatching(/surrogate/),
    });
  });
  it("dates must exist in the calendar, years 1 to 9999", () => {
    for (const good of ["2024-05-01T10:30", "2024-02-29", "2024-05-01 10:30:59.123", "0001-01-01T00:00"]) expect(isLocalDateTime(good), good).toBe(true);
    for (const bad of ["+275760-09-13", "2023-02-29", "2024-13-01", "2024-05-01T24:00", "0000-01-01", "yesterday", "2024-5-1"]) {
      expect(isLocalDateTime(bad), bad).toBe(false);
    }
  });
});
