import { describe, expect, it } from "vitest";
import { quoteIdent } from "./identifiers";

describe("quoteIdent", () => {
  it.each([
    ["users", '"users"'],
    ["_tmp", '"_tmp"'],
    ["order_items_2", '"order_items_2"'],
    ["select", '"select"'], // reserved words are safe once quoted
    ["User", '"User"'], // case is kept: "User" and "user" are two tables
    ["createdAt", '"createdAt"'],
    ["a".repeat(63), `"${"a".repeat(63)}"`],
  ])("quotes %s", (name, quoted) => {
    expect(quoteIdent(name)).toBe(quoted);
  });

  it.each(["", "a-b", "dollar$", "1abc", 'x"; DROP TABLE users; --', "a b", "a".repeat(64), "café"])("throws on %j", (name) => {
    expect(() => quoteIdent(name)).toThrow(`Invalid identifier "${name}"`);
  });

  it("names the rule that was broken", () => {
    expect(() => quoteIdent("a".repeat(64))).toThrow("At most 63 bytes.");
    expect(() => quoteIdent("a b")).toThrow("Use letters, digits and underscores");
  });
});
