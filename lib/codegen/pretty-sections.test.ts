/**
 * Sections the generators vouch for as prettier's layout (used as they are when prettier is on) must be exactly
 * what prettier prints for them: the fixtures, awkward texts, names and enum values of every length around the
 * print width, and seeded random models. What they do not vouch for goes through prettier itself.
 */
import * as prettier from "prettier";
import { describe, expect, it } from "vitest";
import { column, everything, table, usersPosts } from "./fixtures";
import type { CodegenInput } from "./model";
import { randomModel } from "./random-model";
import { resolveModel } from "./resolve";
import { typescriptPartIsPretty, typescriptTablePart } from "./typescript";

const format = (text: string) => prettier.format(text, { parser: "typescript", printWidth: 100 });

const AWKWARD = [
  'Quote "x" and \'y\'',
  "  leading spaces\n\n\n  and blank lines  ",
  "탭\tand unicode ✓ and \u0007 a control character",
  "line one\r\nline two",
  "trailing spaces   \nnext",
  "ends */ here /* and `tick` ${x}",
  "제목 ".repeat(30),
];

/** Awkward labels, descriptions and enum values, and names of every length around the print width. */
function awkward(): CodegenInput {
  const columns = AWKWARD.map((text, i) =>
    column(`c${i}`, i % 2 ? "TEXT" : "INTEGER", { label: text, help_text: AWKWARD[(i + 1) % AWKWARD.length], comment: i % 3 ? null : AWKWARD[(i + 2) % AWKWARD.length] }),
  );
  const values = ["A", 'Q"x', "it's", "역할", "\\back", "x".repeat(40)];
  const enums = values.map((v, i) => column(`e${i}`, "VARCHAR(60)", { enum_options: [{ value: v, label: v }, { value: "B", label: "b" }], form_type: "select" }));
  // One table per length, so that each width around the limit is vouched for (or not) on its own.
  const long = Array.from({ length: 24 }, (_, i) =>
    table(10 + i, `long_${i}`, `L${i}`, "긴 이름", [column("id", "BIGSERIAL"), column(`n${"x".repeat(72 + i)}`, "BIGINT", { label: "" })]),
  );
  const wideEnums = Array.from({ length: 24 }, (_, i) =>
    table(40 + i, `enum_${i}`, `E${i}`, "열거", [
      column("id", "BIGSERIAL"),
      column("w", "VARCHAR(99)", { enum_options: ["A", "B", "가".repeat(10 + i), "x".repeat(30 + i)].map((value) => ({ value, label: value })), form_type: "select" }),
    ]),
  );
  return {
    ...usersPosts(),
    tables: [table(1, "awkward", "Awkward", AWKWARD[1], [column("id", "BIGSERIAL"), ...columns, ...enums], { description: AWKWARD[0] }), ...long, ...wideEnums],
    relations: [],
  };
}

const models = (): [string, CodegenInput][] => [
  ["users/posts", usersPosts()],
  ["everything", everything()],
  ["awkward", awkward()],
  ["awkward, no comments", { ...awkward(), config: { ...awkward().config, includeComments: false } }],
  ...Array.from({ length: 80 }, (_, i): [string, CodegenInput] => [`random ${2000 + i}`, randomModel(2000 + i)]),
];

describe("sections written in prettier's layout", () => {
  it("types: vouched for only when prettier prints them as they are; nearly all random ones are", async () => {
    const count = { random: 0, randomVouched: 0, awkwardVouched: 0 };
    for (const [name, input] of models()) {
      for (const t of resolveModel(input).tables.filter((x) => x.api)) {
        const part = typescriptTablePart(t, input.config);
        if (name.startsWith("random")) count.random++;
        if (!typescriptPartIsPretty(part)) continue;
        if (name.startsWith("random")) count.randomVouched++;
        if (name.startsWith("awkward")) count.awkwardVouched++;
        expect(part, `${name} ${t.typeName}`).toBe(await format(part));
      }
    }
    expect(count.randomVouched).toBeGreaterThan(count.random * 0.9);
    // The long names and enums up to the width (not past it) in both settings.
    expect(count.awkwardVouched).toBeGreaterThanOrEqual(20);
  }, 60_000);

  it("types: what prettier would change is not vouched for", () => {
    expect(typescriptPartIsPretty(`export type A = "Q\\"x" | "B";\n`)).toBe(false);
    expect(typescriptPartIsPretty(`/**\n * trailing \n */\nexport interface A {\n  a: string;\n}\n`)).toBe(false);
    expect(typescriptPartIsPretty(`export interface A {\n\n}\n`)).toBe(false);
    expect(typescriptPartIsPretty(`export interface A {\n  ${"x".repeat(90)}: string | null;\n}\n`)).toBe(false);
    expect(typescriptPartIsPretty(`export interface A {\n  a: string;\n}\n`)).toBe(true);
  });
});
