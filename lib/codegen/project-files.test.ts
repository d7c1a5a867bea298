import { describe, expect, it } from "vitest";
import { everything, usersPosts } from "./fixtures";
import { formatFiles } from "./format";
import { generateFiles } from "./generate";
import type { CodegenInput } from "./model";
import { GenerationCache, projectFiles } from "./project-files";
import { randomModel } from "./random-model";

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
});
