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
import { zodTable } from "./zod-source";
import { prettierSdl } from "./pretty-sdl";
import { sdlHead, sdlTablePart } from "./sdl";
import { zodHead } from "./zod-source";

const format = (text: string) => prettier.format(text, { parser: "typescript", printWidth: 100 });
const formatGraphql = async (text: string) => (await prettier.format(text, { parser: "graphql", printWidth: 100 })).replace(/\n$/, "");
/** A root type's inner lines as prettier prints them inside their type (as project-files.ts formats them). */
const formatRootFields = async (lines: string) => {
  if (!lines) return lines;
  const text = await formatGraphql(`type Query {\n${lines}\n}`);
  return text.slice(text.indexOf("{\n") + 2, text.lastIndexOf("\n}"));
};

const AWKWARD = [
  'Has """ inside, and \\ a backslash',
  'Ends with a quote "',
  "ends with a backslash \\",
  "\n\nstarts with blank lines",
  "a\n  indented\n  lines",
  "x".repeat(69),
  "x".repeat(71),
  'Quote "x" and \'y\'',
  "  leading spaces\n\n\n  and blank lines  ",
  "탭\tand unicode ✓ and \u0007 a control character",
  "line one\r\nline two",
  "trailing spaces   \nnext",
  "ends */ here /* and `tick` ${x}",
  "제목 ".repeat(30),
];

/** The awkward texts but those whose lines end in spaces or carriage returns (left to prettier). */
const DESCRIBABLE = AWKWARD.filter((text) => !/\r|[ \t]\n/.test(text));

/** Awkward labels, descriptions and enum values, and names of every length around the print width. */
function awkward(): CodegenInput {
  const columns = AWKWARD.map((text, i) =>
    column(`c${i}`, i % 2 ? "TEXT" : "INTEGER", {
      label: text,
      help_text: AWKWARD[(i + 1) % AWKWARD.length],
      comment: i % 3 ? null : AWKWARD[(i + 2) % AWKWARD.length],
      graphql_resolver: i % 4 === 1 ? `resolver "${i}" \\ \n next` : i % 4 === 2 ? "r".repeat(30 + i * 2) : null,
      permission_read: i % 3 === 1 ? 'role "x"\nline' : "p".repeat(10 + i * 3),
    }),
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
    tables: [
      table(1, "awkward", "Awkward", AWKWARD[1], [column("id", "BIGSERIAL"), ...columns, ...enums], { description: AWKWARD[0] }),
      // Awkward descriptions alone (no escaped directive strings): the SDL's description lines are vouched for.
      table(2, "descriptions", "Descriptions", AWKWARD[8], [
        column("id", "BIGSERIAL"),
        ...DESCRIBABLE.map((text, i) => column(`d${i}`, "TEXT", { label: text, help_text: DESCRIBABLE[(i + 3) % DESCRIBABLE.length], permission_read: null, permission_write: null })),
      ], { description: AWKWARD[4] }),
      ...long,
      ...wideEnums,
      // SDL lines of every width around the limit: a field's directive, and the root fields of a long type name.
      ...Array.from({ length: 24 }, (_, i) =>
        table(300 + i, `sdl_${i}`, `S${"x".repeat(28 + i)}`, "폭", [column("id", "BIGSERIAL"), column("c", "TEXT", { label: "", permission_read: "p".repeat(30 + i) })]),
      ),
    ],
    relations: [],
  };
}

const models = (): [string, CodegenInput][] => [
  ["users/posts", usersPosts()],
  ["everything", everything()],
  ["awkward", awkward()],
  ["awkward, no comments", { ...awkward(), config: { ...awkward().config, includeComments: false } }],
  ...Array.from({ length: 50 }, (_, i): [string, CodegenInput] => [`random ${2000 + i}`, randomModel(2000 + i)]),
];

/** Column kinds with every rule the zod printer writes. */
const KINDS: [string, Partial<Parameters<typeof column>[2]> & { pg: string }][] = [
  ["text", { pg: "VARCHAR(200)", is_required: true, validation_rules: { minLength: 1, maxLength: 200, pattern: "^[a-z]+$", email: true } }],
  ["optional text", { pg: "TEXT", is_required: false }],
  ["int", { pg: "INTEGER", is_required: false, validation_rules: { min: -5, max: 1000 } }],
  ["digits", { pg: "NUMERIC(12,2)", is_required: true, validation_rules: { min: 0.5 } }],
  ["huge digits", { pg: "NUMERIC(40,2)", is_required: false }],
  ["bigint", { pg: "BIGINT", is_required: false }],
  ["boolean", { pg: "BOOLEAN", is_required: true }],
  ["dates", { pg: "TIMESTAMPTZ", is_required: false }],
  ["date", { pg: "DATE", is_required: true }],
  ["uuid", { pg: "UUID", is_required: false }],
  ["enum", { pg: "VARCHAR(40)", is_required: false, form_type: "select", enum_options: [{ value: "ACTIVE", label: "a" }, { value: 'Q"x', label: "q" }] }],
  ["json", { pg: "JSONB", is_required: true }],
  ["optional json", { pg: "JSONB", is_required: false }],
];

/**
 * Per kind: a table whose columns' labels (so messages) take every width from 1 to 70 columns (past it, all that
 * can break has broken). A label is in a message twice, so its widths step by two: the Korean messages around
 * ASCII labels ("가x…") take the other parity.
 */
function zodSweep(label: (i: number) => string): CodegenInput {
  const tables = KINDS.map(([, { pg, ...extra }], k) =>
    table(100 + k, `sweep_${k}`, `Sweep${k}`, "스윕", [
      column("id", "BIGSERIAL"),
      ...Array.from({ length: 70 }, (_, i) => column(`c${"x".repeat(i % 7)}${i}`, pg, { ...extra, label: label(i) })),
    ]),
  );
  return { ...usersPosts(), tables, relations: [] };
}

/** Form schemas that pick one field and extend it (a required column with a default), names of every length. */
function pickAndExtend(): CodegenInput {
  const tables = Array.from({ length: 40 }, (_, i) =>
    table(200 + i, `pick_${i}`, `P${i}`, "픽", [column("id", "BIGSERIAL"), column(`s${"x".repeat(20 + i)}`, "VARCHAR(20)", { is_required: true, default_value: "A" })]),
  );
  return { ...usersPosts(), tables, relations: [] };
}

describe("sections written in prettier's layout", () => {
  it("SDL: vouched for only when prettier prints it so; nearly all random parts are", async () => {
    const count = { random: 0, randomVouched: 0, awkwardVouched: 0, descriptions: 0 };
    for (const [name, input] of models()) {
      for (const t of resolveModel(input).tables.filter((x) => x.api)) {
        const part = sdlTablePart(t, input.config);
        for (const [text, formatted] of [[part.defs, formatGraphql], [part.query, formatRootFields], [part.mutation, formatRootFields]] as const) {
          const pretty = prettierSdl(text);
          if (name.startsWith("random")) count.random++;
          if (pretty === null) continue;
          if (name.startsWith("random")) count.randomVouched++;
          if (name.startsWith("awkward")) count.awkwardVouched++;
          if (t.typeName === "Descriptions" && text === part.defs) count.descriptions++;
          expect(pretty, `${name} ${t.typeName}`).toBe(await formatted(text));
        }
      }
    }
    expect(count.randomVouched).toBeGreaterThan(count.random * 0.95);
    expect(count.awkwardVouched).toBeGreaterThanOrEqual(100);
    // With and without comments: descriptions over lines, blank lines, quotes, backslashes, 69 and 71 characters.
    expect(count.descriptions).toBe(2);
  }, 60_000);


  it("SDL: a part put in prettier's layout piece by piece (each column's lines once per shape) is prettierSdl's whole", async () => {
    // Type lines `type X @auth(…) {` of every width around the limit, with and without a description.
    const heads: CodegenInput = {
      ...usersPosts(),
      tables: Array.from({ length: 40 }, (_, i) =>
        table(500 + i, `head_${i}`, `H${i}`, i % 2 ? "머리" : "", [column("id", "BIGSERIAL"), column("c", "TEXT", { label: "x" })], {
          api_permissions: { read: "r".repeat(45 + i), write: "w" },
        }),
      ),
      relations: [],
    };
    let vouched = 0;
    let refused = 0;
    const sweep = { vouched: 0, refused: 0 };
    for (const [name, input] of [...models(), ["heads", heads] as [string, CodegenInput]]) {
      for (const t of resolveModel(input).tables.filter((x) => x.api)) {
        const part = sdlTablePart(t, input.config);
        const whole = prettierSdl(part.defs);
        expect(part.prettyDefs!(), `${name} ${t.typeName}`).toBe(whole);
        if (whole === null) refused++;
        else vouched++;
        if (name !== "heads") continue;
        if (whole === null) sweep.refused++;
        else {
          sweep.vouched++;
          expect(whole, t.typeName).toBe(await formatGraphql(part.defs));
        }
      }
    }
    // Both outcomes are seen: a type line past the width, an escaped string, … are refused.
    expect(vouched).toBeGreaterThan(200);
    expect(refused).toBeGreaterThan(20);
    expect(sweep.vouched).toBeGreaterThan(10);
    expect(sweep.refused).toBeGreaterThan(10);
  }, 60_000);

  it("zod: vouched for only when prettier prints it as it is; the bench's tables and nearly all random ones are", async () => {
    const count = { random: 0, randomVouched: 0, sweepVouched: 0, pickVouched: 0 };
    const all: [string, CodegenInput][] = [...models(), 
      ["sweep ASCII", zodSweep((i) => "x".repeat(i + 1))],
      ["sweep Korean", zodSweep((i) => "가".repeat(1 + (i >> 1)))],
      ["sweep mixed", zodSweep((i) => `가${"x".repeat(i)}`)],
      ["sweep quotes", zodSweep((i) => `'"`.repeat(1 + (i >> 1)))],
      ["pick and extend", pickAndExtend()],
    ];
    for (const [name, input] of all) {
      for (const t of resolveModel(input).tables) {
        const { text, pretty } = zodTable(t, input.config);
        const random = name.startsWith("random") && !t.columns.some((c) => c.rule.list);
        if (random) count.random++;
        if (!pretty) continue;
        if (random) count.randomVouched++;
        if (name.startsWith("sweep")) count.sweepVouched++;
        if (name === "pick and extend") count.pickVouched++;
        expect(text, `${name} ${t.typeName}`).toBe(await format(text));
      }
    }
    // Lists (an item's chain inside z.array) are left to prettier; without them, every random table is vouched for.
    expect(count.randomVouched).toBe(count.random);
    // Every kind in four texts but the huge NUMERIC (10 ** 38 prints with an exponent) and, when its messages
    // grow long, the required JSON (a message as an object property, which prettier breaks after the colon).
    expect(count.sweepVouched).toBeGreaterThanOrEqual((KINDS.length - 2) * 4);
    expect(count.sweepVouched).toBeLessThan((KINDS.length - 1) * 4);
    expect(count.pickVouched).toBe(40);
  }, 60_000);


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

  it("heads: the SDL's directives and scalars in every variant, and zod's import and JSON helper, as prettier prints them", async () => {
    // What the SDL head holds: comments on or off, the @value directive or not, any set of the custom scalars.
    const SCALAR_COLUMNS: [string, string, string][] = [["b", "BIGINT", "BigInt"], ["dt", "TIMESTAMPTZ", "DateTime"], ["d", "DATE", "Date"], ["t", "TIME", "Time"], ["j", "JSONB", "JSON"]];
    const heads = new Set<string>();
    for (const includeComments of [true, false]) {
      for (const renamed of [true, false]) {
        for (let set = 0; set < 1 << SCALAR_COLUMNS.length; set++) {
          const columns = [
            column("id", "INTEGER"),
            ...SCALAR_COLUMNS.filter((_, i) => set & (1 << i)).map(([n, pg, graphql_type]) => column(n, pg, { graphql_type })),
            column("e", "VARCHAR(10)", { enum_options: [{ value: renamed ? "PG-13" : "PG", label: "x" }], form_type: "select" }),
          ];
          const input: CodegenInput = { ...usersPosts(), tables: [table(1, "t", "T", "T", columns)], relations: [] };
          const text = sdlHead(resolveModel(input), { ...input.config, includeComments });
          heads.add(text);
          expect(prettierSdl(text), text).toBe(await formatGraphql(text));
        }
      }
    }
    expect(heads.size).toBe(2 * 2 * 32);
    const json = table(1, "t", "T", "T", [column("id", "INTEGER"), column("j", "JSONB")]);
    const zodHeads = zodHead(resolveModel({ ...usersPosts(), tables: [json], relations: [] }).tables);
    expect(zodHeads).toHaveLength(2);
    for (const text of zodHeads) expect(text).toBe(await format(text));
  });

  it("types: what prettier would change is not vouched for", () => {
    expect(typescriptPartIsPretty(`export type A = "Q\\"x" | "B";\n`)).toBe(false);
    expect(typescriptPartIsPretty(`/**\n * trailing \n */\nexport interface A {\n  a: string;\n}\n`)).toBe(false);
    expect(typescriptPartIsPretty(`export interface A {\n\n}\n`)).toBe(false);
    expect(typescriptPartIsPretty(`export interface A {\n  ${"x".repeat(90)}: string | null;\n}\n`)).toBe(false);
    expect(typescriptPartIsPretty(`export interface A {\n  a: string;\n}\n`)).toBe(true);
  });
});
