import { generateFormComponent } from "./form-component";
import { buildFormSpec, buildFormSpecs, type FormSpec } from "./form-spec";
import type { CodegenInput, Problem } from "./model";
import { resolveModel, type ResolvedModel } from "./resolve";
import { assembleFiles, formPath, sortProblems, tableSections, type GeneratedFile } from "./project-files";
import { generateSdl, sdlHead } from "./sdl";
import { generateTypescript } from "./typescript";
import { generateZod, zodHead } from "./zod-source";

export { formPath, type GeneratedFile };

export interface Analysis {
  model: ResolvedModel;
  problems: Problem[];
  forms: FormSpec[];
}

export type Target = "sdl" | "typescript" | "zod" | "form";

export function analyze(input: CodegenInput): Analysis {
  const model = resolveModel(input);
  const problems = [...model.problems];
  const forms = buildFormSpecs(model, problems);
  return { model, problems: sortProblems(problems), forms };
}

/** Every target for the whole project, unformatted (projectFiles formats when the project asks for it). */
export function generateFiles(input: CodegenInput, analysis: Analysis = analyze(input)): GeneratedFile[] {
  const { model, forms } = analysis;
  const heads = { sdl: sdlHead(model, input.config), zod: zodHead(model.tables) };
  return assembleFiles(heads, model.tables.map((t, i) => tableSections(t, input.config, forms[i])), input.config);
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

/** One table's form (null when the table cannot be generated) and its problems. */
export interface TableForm {
  form: FormSpec | null;
  problems: Problem[];
}

/**
 * One table's form and problems (the Form preview): what `analyze` gives for it, without building the forms of
 * the neighbours it was loaded with.
 */
export function tableForm(input: CodegenInput, tableId: number): TableForm {
  const model = resolveModel(input);
  const problems = model.problems.filter((p) => p.tableId === tableId);
  const t = model.tables.find((x) => x.table.id === tableId);
  const form = t ? buildFormSpec(t, problems) : null;
  return { form, problems: sortProblems(problems) };
}
