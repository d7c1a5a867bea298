import { generateFormComponent } from "./form-component";
import { buildFormSpecs, type FormSpec } from "./form-spec";
import type { CodegenInput, Problem } from "./model";
import { resolveModel, type ResolvedModel } from "./resolve";
import { generateSdl } from "./sdl";
import { generateTypescript } from "./typescript";
import { generateZod } from "./zod-source";

export interface Analysis {
  model: ResolvedModel;
  problems: Problem[];
  forms: FormSpec[];
}

export interface GeneratedFile {
  /** Relative to the output directory, with "/" separators. */
  path: string;
  content: string;
}

export type Target = "sdl" | "typescript" | "zod" | "form";

export function analyze(input: CodegenInput): Analysis {
  const model = resolveModel(input);
  const problems = [...model.problems];
  const forms = buildFormSpecs(model, problems);
  return { model, problems: sortProblems(problems), forms };
}

function sortProblems(problems: Problem[]): Problem[] {
  const key = (p: Problem) => `${p.table}\u0000${p.tableId}\u0000${p.target.kind}\u0000${"columnId" in p.target ? p.target.columnId : "relationId" in p.target ? p.target.relationId : 0}`;
  return problems.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

export const formPath = (typeName: string) => `forms/${typeName}Form.tsx`;

/** Every target for the whole project, unformatted (format.ts applies prettier when the project asks for it). */
export function generateFiles(input: CodegenInput, analysis: Analysis = analyze(input)): GeneratedFile[] {
  const { model, forms } = analysis;
  return [
    { path: "schema.graphql", content: generateSdl(model, input.config) },
    { path: "types.ts", content: generateTypescript(model, input.config) },
    { path: "zod.ts", content: generateZod(model, input.config) },
    ...forms.map((f) => ({ path: formPath(f.typeName), content: generateFormComponent(f) })),
  ];
}

export interface TableCode {
  files: Record<Target, string>;
  /** Where each target goes in the generated output. */
  paths: Record<Target, string>;
  form: FormSpec | null;
  problems: Problem[];
}

/**
 * One table's code (a table page): the SDL and types of the model given (the table and its neighbours), its
 * zod schema and its form component; problems of this table only.
 */
export function generateTableCode(input: CodegenInput, tableId: number): TableCode {
  const analysis = analyze(input);
  const form = analysis.forms.find((f) => f.tableId === tableId) ?? null;
  return {
    files: {
      sdl: generateSdl(analysis.model, input.config),
      typescript: generateTypescript(analysis.model, input.config),
      zod: generateZod(analysis.model, input.config, tableId),
      form: form ? generateFormComponent(form) : "// This table has no generated form: see its problems.\n",
    },
    paths: { sdl: "schema.graphql", typescript: "types.ts", zod: "zod.ts", form: form ? formPath(form.typeName) : "forms/" },
    form,
    problems: analysis.problems.filter((p) => p.tableId === tableId),
  };
}
