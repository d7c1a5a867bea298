import { describe, expect, it } from "vitest";
import { analyze, generateFiles } from "./generate";
import type { CodegenInput, ColumnInput } from "./model";
import { column, table, usersPosts } from "./fixtures";
import { rng, randomModel } from "./random-model";
import { resolveModel } from "./resolve";
import { forgetColumnShapes } from "./resolve-column";

/** Every file's text and every problem: what a run gives. */
const run = (input: CodegenInput) => ({ files: generateFiles(input).map((f) => [f.path, f.content]), problems: analyze(input).problems });

/**
 * The model's tables again under other names (so other type names, enum names and form ids) with the same columns
 * under other ids and sort orders, some of them changed in one field: they share shapes with the model's columns,
 * or differ from them in that one field only.
 */
function sibling(input: CodegenInput, seed: number): CodegenInput {
  const r = rng(seed);
  const changes: ((c: ColumnInput) => void)[] = [
    (c) => (c.label = `${c.label} 2`),
    (c) => (c.help_text = "Other help"),
    (c) => (c.placeholder = "Other placeholder"),
    (c) => (c.comment = "A comment"),
    (c) => (c.graphql_resolver = "other"),
    (c) => (c.permission_read = "staff"),
    (c) => (c.is_visible = c.is_visible === false),
    (c) => (c.is_graphql_output = c.is_graphql_output === false),
    (c) => (c.default_value = "2"),
    (c) => (c.is_required = c.is_required !== true),
  ];
  const tables = input.tables.map((t, i) => ({
    ...t,
    id: t.id + 50,
    table_name: `${t.table_name}_copy${i}`,
    graphql_type: t.graphql_type ? `${t.graphql_type}Copy` : t.graphql_type,
    columns: t.columns.map((c) => {
      const copy = { ...c, id: c.id + 5000, sort_order: r.int(20) };
      if (r.chance(0.5)) r.pick(changes)(copy);
      return copy;
    }),
  }));
  return { ...input, tables };
}

describe("columns alike share their resolution and generated text", () => {
  it("150 seeded models: generated after their siblings (shapes shared or one field apart) as when generated afresh", { timeout: 120_000 }, () => {
    for (let seed = 1; seed <= 150; seed++) {
      const input = randomModel(seed);
      forgetColumnShapes();
      const fresh = run(input);
      forgetColumnShapes();
      run(sibling(input, seed));
      run({ ...input, tables: [...input.tables, ...sibling(input, seed + 1000).tables] });
      expect(run(input), `seed ${seed}`).toEqual(fresh);
    }
  });

  it("an enum column alike in two tables: its type named after each table, its rules and options shared; a problem names its own table's type", () => {
    const status = (extra: Partial<ColumnInput> = {}) =>
      column("status", "VARCHAR(20)", { enum_options: [{ value: "A", label: "a" }], form_type: "select", ...extra });
    const twoTables = (extra?: Partial<ColumnInput>): CodegenInput => ({
      ...usersPosts(),
      tables: [1, 2].map((id) => table(id, `t${id}`, `T${id}`, "T", [column("id", "BIGSERIAL"), status(extra)])),
      relations: [],
    });
    const [a, b] = resolveModel(twoTables()).tables.map((t) => t.columns[1]);
    expect([a.ref.name, b.ref.name]).toEqual(["T1Status", "T2Status"]);
    expect(a.shape).not.toBe(b.shape);
    expect(a.rule).toBe(b.rule);
    expect(a.formRule).toBe(b.formRule);
    expect(a.enumOptions).toBe(b.enumOptions);
    // An array column whose graphql_type is not a list: the message names the enum type, its own table's.
    const problems = analyze(twoTables({ pg_type: "VARCHAR(20)[]", graphql_type: "String" })).problems.map((p) => p.message);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toContain("[T1Status]");
    expect(problems[1]).toContain("[T2Status]");
  });
});
