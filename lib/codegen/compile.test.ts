import path from "node:path";
import { pathToFileURL } from "node:url";
import { buildSchema, validateSchema } from "graphql";
import { afterAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import { outputDir, typecheck } from "../../test/helpers/codegen";
import { everything, usersPosts } from "./fixtures";
import { analyze, generateFiles } from "./generate";
import { randomModel, rng } from "./random-model";
import { runtimeObject } from "./zod-runtime";

const out = outputDir();
afterAll(() => out.cleanup());

const MODELS = 200;
const FORM_MODELS = 62;
const SAMPLES = [null, undefined, "", "x", "A_ONE", "not-an-email", "a@b.co", "2026-11-28", "09:30", "2026-11-28T09:30", 0, 1, -5, 1.5, 40000, true, false, [], ["a"], [1, null], { a: 1 }, Number.NaN];

describe("generated code compiles and agrees with the preview", () => {
  it(`fixtures and ${MODELS} seeded random models: SDL validates; TypeScript, zod (all) and forms (first ${FORM_MODELS}) pass tsc --strict`, { timeout: 240_000 }, async () => {
    const models = [usersPosts(), everything(), ...Array.from({ length: MODELS }, (_, i) => randomModel(i + 1))];
    let problems = 0;
    for (const [i, input] of models.entries()) {
      const analysis = analyze(input);
      problems += analysis.problems.length;
      for (const p of analysis.problems) expect(input.tables.map((t) => t.id)).toContain(p.tableId);
      // Nothing is dropped silently: every column of a generated table is in it or has a problem.
      for (const t of analysis.model.tables) {
        for (const c of t.table.columns) {
          const kept = t.columns.some((x) => x.col === c);
          const reported = analysis.problems.some((p) => p.target.kind === "column" && p.target.columnId === c.id);
          expect(kept || reported, `model ${i}: ${t.table.table_name}.${c.pg_column}`).toBe(true);
        }
      }
      const files = generateFiles(input, analysis);
      const sdl = files.find((f) => f.path === "schema.graphql")!.content;
      expect(validateSchema(buildSchema(sdl)), `model ${i}\n${sdl}`).toEqual([]);
      // tsc spends ~0.1 s on each form component (react-hook-form's and zod's generics): forms of the first
      // FORM_MODELS models are compiled, types and zod schemas of all of them.
      out.write(files.filter((f) => f.path !== "schema.graphql" && (i < FORM_MODELS || !f.path.startsWith("forms/"))), `m${i}`);
    }
    expect(problems).toBeGreaterThan(0); // the random models do exercise the problem paths
    const result = await typecheck(out.dir);
    expect(result.output).toBe("");
    expect(result.code).toBe(0);

    // The generated zod source and the preview's runtime schema give the same verdicts and messages.
    const r = rng(7);
    for (const [i, input] of models.slice(0, 60).entries()) {
      const generated = (await import(pathToFileURL(path.join(out.dir, `m${i}`, "zod.ts")).href)) as Record<string, z.ZodObject>;
      for (const t of analyze(input).model.tables) {
        const live = runtimeObject(t.columns.map((c) => c.rule));
        for (const c of t.columns) {
          for (let k = 0; k < 4; k++) {
            const value = r.pick(SAMPLES);
            const a = generated[`${t.typeName}Schema`].shape[c.name].safeParse(value);
            const b = live.shape[c.name].safeParse(value);
            expect([a.success, a.error?.issues[0].message], `${t.typeName}.${c.name} = ${String(value)}`).toEqual([b.success, b.error?.issues[0].message]);
          }
        }
      }
    }
  });
});
