import { describe, expect, it } from "vitest";
import { everything, usersPosts } from "./fixtures";
import { formatFiles } from "./format";
import { generateFiles } from "./generate";
import type { CodegenInput } from "./model";
import { GenerationCache, projectFiles } from "./project-files";
import { randomModel, rng } from "./random-model";

const models: [string, () => CodegenInput][] = [
  ["users/posts", usersPosts],
  ["everything", everything],
  ...[3, 17, 41].map((seed): [string, () => CodegenInput] => [`random model ${seed}`, () => randomModel(seed)]),
];

describe("project files from per-table sections", () => {
  it.each(models)("%s: unformatted, the same files and problems as generating the whole model", async (_, model) => {
    const input = model();
    const { files } = await projectFiles(input, { prettier: false });
    expect(files).toEqual(generateFiles(model()));
  });

  it.each(models)("%s: formatted section by section = the whole files formatted by prettier", { timeout: 120_000 }, async (_, model) => {
    const { files } = await projectFiles(model(), { prettier: true });
    expect(files).toEqual(await formatFiles(generateFiles(model()), true));
  });

  it("a cache reuses the sections of unchanged tables; a changed row, a changed relation or settings give a fresh run's output", { timeout: 120_000 }, async () => {
    for (const prettier of [false, true]) {
      const cache = new GenerationCache();
      const input = everything();
      const first = await projectFiles(input, { prettier, cache });
      const kept = input.tables.map((t) => cache.tables.get(t)!.raw);
      expect(await projectFiles(input, { prettier, cache })).toEqual(first);
      expect(input.tables.map((t) => cache.tables.get(t)!.raw)).toEqual(kept);
      expect(input.tables.every((t, i) => cache.tables.get(t)!.raw === kept[i])).toBe(true);

      // A changed table arrives as a new row object (the loader reads it again); the others stay.
      const [changed, ...others] = input.tables;
      const edited: CodegenInput = {
        ...input,
        tables: [{ ...changed, label: "바뀐 이름", columns: changed.columns.map((c, i) => (i === 1 ? { ...c, label: "새 라벨" } : c)) }, ...others],
      };
      const after = await projectFiles(edited, { prettier, cache });
      expect(after).toEqual(await projectFiles(structuredClone(edited), { prettier }));
      expect(after.files).not.toEqual(first.files);
      expect(others.every((t, i) => cache.tables.get(t)!.raw === kept[i + 1])).toBe(true);

      // A relation's change reaches its tables' sections even though their rows are the same objects.
      const unrelated = { ...edited, relations: edited.relations.slice(1) };
      expect(await projectFiles(unrelated, { prettier, cache })).toEqual(await projectFiles(structuredClone(unrelated), { prettier }));
      const noComments = { ...unrelated, config: { ...unrelated.config, includeComments: false } };
      expect(await projectFiles(noComments, { prettier, cache })).toEqual(await projectFiles(structuredClone(noComments), { prettier }));
    }
  });

  /**
   * What the watcher does: a changed table arrives as a new row object, the others as the same objects. Random
   * edits that move what the cache depends on (type names shared or freed, an enum type named like a table,
   * names that clash, a table added or gone, relations, settings): every step equals a run without a cache.
   */
  it("150 seeded edit sequences: a cache carried through the edits gives a fresh run's files and problems", { timeout: 120_000 }, async () => {
    for (let seed = 1; seed <= 150; seed++) {
      const r = rng(seed);
      let input = randomModel(seed);
      const cache = new GenerationCache();
      for (let step = 0; step < 6; step++) {
        const { files, problems } = await projectFiles(input, { prettier: false, cache });
        const fresh = await projectFiles(structuredClone(input), { prettier: false });
        expect(files, `seed ${seed}, step ${step}`).toEqual(fresh.files);
        expect(problems, `seed ${seed}, step ${step}`).toEqual(fresh.problems);
        input = randomEdit(r, input, seed * 10 + step);
      }
    }
  });
});

function randomEdit(r: ReturnType<typeof rng>, input: CodegenInput, nextId: number): CodegenInput {
  const tables = [...input.tables];
  const at = r.int(tables.length);
  const t = tables[at];
  const other = r.pick(input.tables);
  const otherType = other.graphql_type || other.table_name.replace(/(^|_)([a-z0-9])/g, (_, __, c: string) => c.toUpperCase());
  switch (r.int(8)) {
    case 0: // a label: only this table's sections change
      tables[at] = { ...t, label: `${t.label} ${nextId}`, columns: t.columns.map((c, i) => (i === 0 ? { ...c, label: `L${nextId}` } : c)) };
      break;
    case 1: // its type name taken from another table (shared), or given back
      tables[at] = { ...t, graphql_type: r.chance(0.5) ? otherType : null };
      break;
    case 2: // an enum column whose type gets a table's name, or another table renamed to an enum's name
      tables[at] = { ...t, columns: [...t.columns, { ...t.columns[0], id: nextId, pg_column: "kind", pg_type: "TEXT", graphql_field: null, graphql_type: null, is_primary_key: false, enum_options: [{ value: "A", label: "A" }], form_type: "select" }] };
      if (tables.length > 1) tables[(at + 1) % tables.length] = { ...tables[(at + 1) % tables.length], graphql_type: `${otherType}Kind` };
      break;
    case 3: // a table gone
      if (tables.length > 1) tables.splice(at, 1);
      break;
    case 4: // a table added: a copy of another under a new id (its names clash until renamed)
      tables.push({ ...other, id: nextId, table_name: r.chance(0.5) ? other.table_name : `${other.table_name}_x`, graphql_type: r.chance(0.5) ? `${otherType}Form` : null });
      break;
    case 5: // a column gone or the API switched
      tables[at] = r.chance(0.5) ? { ...t, columns: t.columns.slice(0, -1) } : { ...t, is_api_enabled: !t.is_api_enabled };
      break;
    case 6: // relations: one gone, or one added between two tables
      return {
        ...input,
        tables,
        relations: r.chance(0.5) && input.relations.length
          ? input.relations.slice(1)
          : [...input.relations, { id: nextId, from_table_id: t.id, from_column: r.pick(t.columns).pg_column, to_table_id: other.id, to_column: "id", relation_type: r.pick(["ManyToOne", "OneToMany", "ManyToMany"]), graphql_field: r.chance(0.5) ? null : "owner" }],
      };
    default: // the settings
      return { ...input, tables, config: { ...input.config, includeComments: !input.config.includeComments } };
  }
  return { ...input, tables };
}
