import { describe, expect, it } from "vitest";
import { identifierProblem, MAX_IDENTIFIER_BYTES } from "./identifier";

const CHARS = "Use letters, digits and underscores, starting with a letter or underscore (no spaces, quotes, - or $).";
const TOO_LONG = "At most 63 bytes.";

describe("identifierProblem", () => {
  it.each(["users", "_tmp", "order_items", "a1_b2", "x", "_", "t2024", "Users", "userName", "createdAt", "PK_Album", "_prisma_migrations", "A"])(
    "accepts %s (case-sensitive: always quoted in SQL)",
    (name) => {
      expect(identifierProblem(name)).toBeNull();
    },
  );

  it.each([
    ["a b", CHARS],
    ["a-b", CHARS],
    ["dollar$", CHARS],
    ['x"";drop', CHARS],
    ["é", CHARS],
    ["1abc", CHARS],
    ["9", CHARS],
    ["order-items", CHARS],
    ["has space", CHARS],
    ['quo"te', CHARS],
    ["drop table x;", CHARS],
    ["café", CHARS],
    ["", "Enter a name."],
  ])("refuses %j", (name, message) => {
    expect(identifierProblem(name)).toBe(message);
  });

  it("counts bytes, not characters: 63 bytes pass, 64 fail", () => {
    expect(MAX_IDENTIFIER_BYTES).toBe(63);
    expect(identifierProblem("a".repeat(63))).toBeNull();
    expect(identifierProblem("a".repeat(64))).toBe(TOO_LONG);
    // Multibyte: 62 + 2 bytes = 64 → the length rule speaks first; 61 + 2 = 63 bytes → only the character rule.
    expect(identifierProblem("a".repeat(62) + "é")).toBe(TOO_LONG);
    expect(identifierProblem("a".repeat(61) + "é")).toBe(CHARS);
    // 32 two-byte characters: 32 characters but 64 bytes.
    expect(identifierProblem("é".repeat(32))).toBe(TOO_LONG);
    expect(identifierProblem("한".repeat(21))).toBe(CHARS); // 63 bytes
    expect(identifierProblem("한".repeat(22))).toBe(TOO_LONG); // 66 bytes
  });
});
