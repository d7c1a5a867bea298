import { describe, expect, it } from "vitest";
import type { CellEditor } from "./types";
import { displayText, draftOf, isPrintableKey, jsonError, parseDraft } from "./values";

const number = (extra: Partial<Extract<CellEditor, { kind: "number" }>> = {}): CellEditor => ({
  kind: "number",
  ...extra,
});

describe("parseDraft", () => {
  it("treats an emptied text cell that was null as unchanged", () => {
    expect(parseDraft("", { kind: "text" }, null)).toEqual({ ok: true, value: "", changed: false });
    expect(parseDraft("a", { kind: "text" }, "a")).toMatchObject({ changed: false });
    expect(parseDraft("b", { kind: "text" }, "a")).toEqual({ ok: true, value: "b", changed: true });
  });

  it("validates numbers before anything is committed", () => {
    expect(parseDraft("abc", number(), 1)).toEqual({ ok: false, error: "Enter a number." });
    expect(parseDraft("0x10", number(), 1)).toEqual({ ok: false, error: "Enter a number." });
    expect(parseDraft("1.5", number({ integer: true }), 1)).toEqual({ ok: false, error: "Enter a whole number." });
    expect(parseDraft("-1", number({ min: 0 }), 1)).toEqual({ ok: false, error: "Must be at least 0." });
    expect(parseDraft("11", number({ max: 10 }), 1)).toEqual({ ok: false, error: "Must be at most 10." });
    expect(parseDraft(" 42 ", number(), 1)).toEqual({ ok: true, value: 42, changed: true });
    expect(parseDraft("2.5e1", number(), 25)).toEqual({ ok: true, value: 25, changed: false });
  });

  it("maps an empty number to null and compares numeric strings by value", () => {
    expect(parseDraft("", number(), 3)).toEqual({ ok: true, value: null, changed: true });
    expect(parseDraft("", number(), null)).toEqual({ ok: true, value: null, changed: false });
    expect(parseDraft("7", number(), "7")).toMatchObject({ changed: false });
  });

  it("commits the parsed JSON, null when empty, and refuses invalid text", () => {
    expect(parseDraft('{"a": [1]}', { kind: "json" }, null)).toEqual({ ok: true, value: { a: [1] }, changed: true });
    expect(parseDraft('{"a":[1]}', { kind: "json" }, { a: [1] })).toMatchObject({ changed: false });
    expect(parseDraft("  ", { kind: "json" }, { a: 1 })).toEqual({ ok: true, value: null, changed: true });
    const invalid = parseDraft("{a", { kind: "json" }, null);
    expect(invalid.ok).toBe(false);
    expect(!invalid.ok && invalid.error).toMatch(/^Invalid JSON: /);
  });

  it("maps the empty select choice to null and toggles checkboxes", () => {
    const select: CellEditor = { kind: "select", options: [{ value: "a" }], allowEmpty: true };
    expect(parseDraft("", select, "a")).toEqual({ ok: true, value: null, changed: true });
    expect(parseDraft("a", select, "a")).toMatchObject({ changed: false });
    expect(parseDraft("", { kind: "checkbox" }, null)).toEqual({ ok: true, value: true, changed: true });
    expect(parseDraft("", { kind: "checkbox" }, true)).toEqual({ ok: true, value: false, changed: true });
  });
});

describe("display and drafts", () => {
  it("shows select labels, JSON compactly and nothing for null", () => {
    expect(displayText("a", { kind: "select", options: [{ value: "a", label: "Alpha" }] })).toBe("Alpha");
    expect(displayText({ a: 1 }, { kind: "json" })).toBe('{"a":1}');
    expect(displayText(null, { kind: "text" })).toBe("");
    expect(draftOf({ a: 1 }, { kind: "json" })).toBe('{\n  "a": 1\n}');
    expect(draftOf(null, { kind: "number" })).toBe("");
  });

  it("reports JSON syntax errors live, but not for empty text", () => {
    expect(jsonError("")).toBeNull();
    expect(jsonError("[1, 2]")).toBeNull();
    expect(jsonError("[1,")).toEqual(expect.any(String));
  });

  it("starts editing only on printable keys without modifiers", () => {
    const key = (k: string, mods: Partial<Record<"ctrlKey" | "metaKey" | "altKey", boolean>> = {}) =>
      isPrintableKey({ key: k, ctrlKey: false, metaKey: false, altKey: false, ...mods });
    expect(key("a")).toBe(true);
    expect(key(" ")).toBe(true);
    expect(key("a", { ctrlKey: true })).toBe(false);
    expect(key("ArrowDown")).toBe(false);
    expect(key("Process")).toBe(false);
  });
});
