import { print } from "graphql";
import { describe, expect, it } from "vitest";
import { column, everything, table, usersPosts } from "./fixtures";
import { analyze } from "./generate";
import type { CodegenInput } from "./model";
import { randomModel } from "./random-model";
import { generateSdl } from "./sdl";

/** The SDL printed by printSdl and by graphql-js's own `print`, from the same definitions. */
const both = (input: CodegenInput) => {
  const { model } = analyze(input);
  return { ours: generateSdl(model, input.config), graphql: generateSdl(model, input.config, print) };
};

/** Descriptions and directive arguments that exercise graphql-js's string printing: quotes, blank lines, indents. */
function awkwardStrings(): CodegenInput {
  const texts = [
    'Ends with a quote "',
    'Has """ inside, and \\ a backslash',
    "  leading spaces\n\n\n  and blank lines  ",
    "탭\tand unicode ✓ and \u0007 a control character",
    "line one\r\nline two",
    "\n\nstarts with blank lines",
    '"""',
    "ends with a backslash \\",
  ];
  const columns = texts.map((text, i) =>
    column(`c${i}`, i % 2 ? "TEXT" : "INTEGER", {
      label: text,
      help_text: texts[(i + 1) % texts.length],
      comment: i % 3 ? null : texts[(i + 2) % texts.length],
      graphql_resolver: i % 2 ? `resolver "${i}" \\ \n next` : null,
      permission_read: i % 3 === 1 ? 'role "x"\nline' : null,
      enum_options: i === 4 ? [{ value: "A_ONE", label: texts[3] }, { value: "B", label: "" }] : null,
    }),
  );
  return { ...usersPosts(), tables: [table(1, "awkward", "Awkward", texts[2], [column("id", "BIGSERIAL"), ...columns], { description: texts[1] })], relations: [] };
}

describe("printSdl prints what graphql-js's print does", () => {
  it.each([
    ["users/posts", usersPosts],
    ["every type and rule", everything],
    ["awkward strings", awkwardStrings],
    ["no tables", () => ({ ...usersPosts(), tables: [], relations: [] })],
    ["without comments", () => ({ ...everything(), config: { ...everything().config, includeComments: false } })],
  ])("%s: byte for byte", (_, fixture) => {
    const { ours, graphql } = both(fixture());
    expect(ours).toBe(graphql);
  });

  it("200 seeded random models: byte for byte", () => {
    for (let seed = 1; seed <= 200; seed++) {
      const { ours, graphql } = both(randomModel(seed));
      expect(ours, `seed ${seed}`).toBe(graphql);
    }
  });

  it("refuses a node kind it does not print rather than printing it wrong", async () => {
    const { printSdl } = await import("./print-sdl");
    expect(() => printSdl({ kind: "Document", definitions: [] } as never)).toThrow(/not printed here/);
  });
});
