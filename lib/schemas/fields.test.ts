import { describe, expect, it } from "vitest";
import { fromDbValue, identifier, intText, optionalIdentifier, requiredText, text, toDbValue, toFormValue, type FieldKind } from "./fields";

describe("field schemas", () => {
  it("text trims and limits length; requiredText names what is missing", () => {
    expect(text(5).parse("  abc  ")).toBe("abc");
    expect(text(3).safeParse("abcd").error!.issues[0].message).toBe("At most 3 characters.");
    expect(requiredText(10, "Label").safeParse("  ").error!.issues[0].message).toBe("Label is required.");
  });

  it("intText: whole numbers up to 9 digits, or empty", () => {
    for (const ok of ["", "0", "-12", "123456789", " 42 "]) expect(intText.safeParse(ok).success, ok).toBe(true);
    for (const bad of ["1.5", "1e3", "abc", "1234567890", "--1"]) expect(intText.safeParse(bad).success, bad).toBe(false);
  });

  it("identifier: required, letters / digits / underscores of either case, at most 63 bytes (UTF-8)", () => {
    expect(identifier("Table name").safeParse("").error!.issues[0].message).toBe("Table name is required.");
    expect(identifier("Table name").parse("Users")).toBe("Users");
    expect(identifier("Table name").safeParse("my users").success).toBe(false);
    expect(identifier("Table name").safeParse("9lives").success).toBe(false);
    expect(identifier("Table name").safeParse("x".repeat(64)).error!.issues[0].message).toBe("At most 63 bytes.");
    expect(identifier("Table name").parse(" users ")).toBe("users");
  });

  it("optionalIdentifier: empty is fine, anything else must be an identifier", () => {
    expect(optionalIdentifier.parse("")).toBe("");
    expect(optionalIdentifier.parse(" id ")).toBe("id");
    expect(optionalIdentifier.parse("Id")).toBe("Id");
    expect(optionalIdentifier.safeParse("I d").success).toBe(false);
  });
});

describe("toFormValue (grid cell → form)", () => {
  it.each<[FieldKind, unknown, string | boolean]>([
    ["bool", true, true],
    ["bool", false, false],
    ["bool", null, false],
    ["text", null, ""],
    ["text", undefined, ""],
    ["int", 3, "3"],
    ["required", "users", "users"],
    ["json", { read: "public" }, '{"read":"public"}'],
    ["json", [{ columns: ["email"], type: "UNIQUE" }], '[{"columns":["email"],"type":"UNIQUE"}]'],
    ["json", '{"already": "text"}', '{"already": "text"}'],
    ["json", null, ""],
  ])("%s %j → %j", (kind, value, form) => {
    expect(toFormValue(kind, value)).toEqual(form);
  });
});

describe("toDbValue (form → query parameter)", () => {
  it.each<[FieldKind, string | boolean, unknown]>([
    ["bool", true, true],
    ["bool", false, false],
    ["required", "  users ", "users"],
    ["text", "", null],
    ["text", "  ", null],
    ["text", "hello", "hello"],
    ["int", "", null],
    ["int", "42", 42],
    ["int", "-3", -3],
    ["json", "", null],
    ["json", '{ "read" : "public" }', '{"read":"public"}'],
  ])("%s %j → %j", (kind, value, db) => {
    expect(toDbValue(kind, value)).toEqual(db);
  });

  it("JSON arrays go as JSON text, never as a JS array (pg would send a PostgreSQL array)", () => {
    const db = toDbValue("json", '[{"columns": ["email"], "type": "UNIQUE"}]');
    expect(Array.isArray(db)).toBe(false);
    expect(db).toBe('[{"columns":["email"],"type":"UNIQUE"}]');
    expect(toDbValue("json", "[]")).toBe("[]");
  });
});

describe("fromDbValue (row → form)", () => {
  it("pretty-prints JSON, stringifies the rest, empties NULL", () => {
    expect(fromDbValue("json", { a: [1, 2] })).toBe('{\n  "a": [\n    1,\n    2\n  ]\n}');
    expect(fromDbValue("json", null)).toBe("");
    expect(fromDbValue("int", 0)).toBe("0");
    expect(fromDbValue("text", null)).toBe("");
    expect(fromDbValue("bool", null)).toBe(false);
    expect(fromDbValue("bool", true)).toBe(true);
  });

  it.each<[FieldKind, unknown]>([
    ["json", [{ value: "A", label: "에이" }, { value: "B", label: "비" }]],
    ["json", { checks: [{ name: "c", condition: "x > 0" }] }],
    ["json", []],
    ["int", 12],
    ["bool", false],
    ["text", "text with \"quotes\" and 한글"],
    ["text", null],
  ])("%s %j survives db → form → db", (kind, value) => {
    const db = toDbValue(kind, fromDbValue(kind, value));
    expect(kind === "json" ? JSON.parse(db as string) : db).toEqual(value);
  });
});
