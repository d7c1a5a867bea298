import { formComponent } from "./form-component";
import { buildFormSpec, type FormSpec } from "./form-spec";
import type { CodegenInput, GenerationConfig, Problem, TableInput } from "./model";
import { fileOfParts } from "./file-parts";
import { prettierFormat, type PrettierParser } from "./format";
import { resolveModel, ResolveCache, type ResolvedTable } from "./resolve";
import type { RelationField } from "./resolve-relations";
import { sdlHead, sdlParts, sdlTablePart, type SdlPart } from "./sdl";
import { prettierSdl } from "./pretty-sdl";
import { typescriptPartIsPretty, typescriptParts, typescriptTablePart } from "./typescript";
import { zodHead, zodParts, zodTable } from "./zod-source";

export interface GeneratedFile {
  /** Relative to the output directory, with "/" separators. */
  path: string;
  content: string;
}

export const formPath = (typeName: string) => `forms/${typeName}Form.tsx`;

export function sortProblems(problems: Problem[]): Problem[] {
  const key = (p: Problem) => `${p.table}\u0000${p.tableId}\u0000${p.target.kind}\u0000${"columnId" in p.target ? p.target.columnId : "relationId" in p.target ? p.target.relationId : 0}`;
  // Each key built once (thousands of problems in a large project); a stable sort, as before.
  const keyed = problems.map((p, i) => ({ p, i, k: key(p) }));
  keyed.sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : a.i - b.i));
  keyed.forEach(({ p }, i) => (problems[i] = p));
  return problems;
}

/** Everything one table contributes to the generated files. */
export interface TableSections {
  sdl: SdlPart | null;
  ts: string | null;
  zod: string;
  form: FormSpec;
  formFile: string;
  /** Whether zod and formFile are exactly what prettier prints for them (then they are not formatted again). */
  zodPretty: boolean;
  formPretty: boolean;
  /** Problems found while building the form (defaults). */
  problems: Problem[];
}

interface CacheEntry {
  /** What the sections were made from besides the row (see sameInputs). */
  from: ResolvedTable;
  config: string;
  raw: TableSections;
  formatted?: Promise<TableSections>;
}

/**
 * What `metadata:generate --watch` keeps between runs: per table and column row, its resolution; per table row,
 * its sections, raw and formatted. The watcher's loader keeps the row objects of tables whose metadata did not
 * change, so only changed tables are resolved, generated and formatted again. A section is reused only when
 * everything else it depends on (its type name, API flag, key, kept columns, relation fields, the settings) is
 * unchanged.
 */
export class GenerationCache {
  readonly model = new ResolveCache();
  readonly tables = new WeakMap<TableInput, CacheEntry>();
}

export function tableSections(t: ResolvedTable, config: GenerationConfig, form?: FormSpec): TableSections {
  const problems: Problem[] = [];
  const spec = form ?? buildFormSpec(t, problems);
  const formFile = formComponent(spec);
  const zod = zodTable(t, config);
  return {
    sdl: t.api ? sdlTablePart(t, config) : null,
    ts: t.api ? typescriptTablePart(t, config) : null,
    zod: zod.text,
    zodPretty: zod.pretty,
    form: spec,
    formFile: formFile.text,
    formPretty: formFile.pretty,
    problems,
  };
}

const sameRelationField = (a: RelationField, b: RelationField) =>
  a.relationId === b.relationId && a.name === b.name && a.target === b.target && a.list === b.list && a.nonNull === b.nonNull && a.description === b.description;

/**
 * Whether a table's sections made from `before` fit `t` too (same row object, settings as JSON). Resolved columns
 * are compared as objects: a column's resolution is reused while its row and table are unchanged (ResolveCache),
 * and its sections hold nothing a different resolution would not change.
 */
function sameInputs(before: ResolvedTable, t: ResolvedTable): boolean {
  return (
    before.typeName === t.typeName &&
    before.api === t.api &&
    before.one === t.one &&
    before.many === t.many &&
    before.pk === t.pk &&
    (before.columns === t.columns || (before.columns.length === t.columns.length && before.columns.every((c, i) => c === t.columns[i]))) &&
    before.relationFields.length === t.relationFields.length &&
    before.relationFields.every((r, i) => sameRelationField(r, t.relationFields[i]))
  );
}

type Format = (text: string, parser: PrettierParser) => Promise<string>;

/**
 * Since the process started: sections the generators wrote in prettier's layout and vouched for (used as they
 * are) and texts prettier itself formatted. What scripts/bench/codegen-prettier.ts reports.
 */
export const formatStats = { vouched: 0, formatted: 0 };

/**
 * Prettier, loaded when a text needs it (prettierFormat): its module and parsers cost a first run ~0.2-0.4 s, and
 * when the generators vouch for every section, as for the bench's data, no text does.
 */
const format: Format = (text, parser) => {
  formatStats.formatted++;
  return prettierFormat(text, parser);
};

const dropFinalNewline = (s: string) => (s.endsWith("\n") ? s.slice(0, -1) : s);

/** A root type's inner lines, formatted inside their type (alone they are not a document). */
async function formatFields(lines: string, format: Format): Promise<string> {
  if (!lines) return lines;
  const text = await format(`type Query {\n${lines}\n}\n`, "graphql");
  return text.slice(text.indexOf("{\n") + 2, text.lastIndexOf("\n}"));
}

/** A section the generator wrote in prettier's layout and vouched for: used as it is. */
function vouched(text: string): string {
  formatStats.vouched++;
  return text;
}

/** The text in prettier's layout when the generator could vouch for it, else what `formatted` gives. */
const prettyOr = (pretty: string | null, formatted: () => Promise<string>) => (pretty === null ? formatted() : vouched(pretty));

/** Each section formatted on its own: the joined file is what formatting it whole gives (tested). */
async function formatSections(s: TableSections, format: Format): Promise<TableSections> {
  const [sdl, ts, zod, formFile] = await Promise.all([
    s.sdl
      ? Promise.all([
          prettyOr(s.sdl.prettyDefs ? s.sdl.prettyDefs() : prettierSdl(s.sdl.defs), () => format(s.sdl!.defs, "graphql").then(dropFinalNewline)),
          prettyOr(prettierSdl(s.sdl.query), () => formatFields(s.sdl!.query, format)),
          prettyOr(prettierSdl(s.sdl.mutation), () => formatFields(s.sdl!.mutation, format)),
        ]).then(([defs, query, mutation]) => ({ defs, query, mutation }))
      : null,
    s.ts === null ? null : typescriptPartIsPretty(s.ts) ? vouched(s.ts) : format(s.ts, "typescript"),
    s.zodPretty ? vouched(s.zod) : format(s.zod, "typescript"),
    s.formPretty ? vouched(s.formFile) : format(s.formFile, "typescript"),
  ]);
  return { ...s, sdl, ts, zod, formFile };
}

/** The files from every table's sections (sdl and ts of API tables only), in the model's table order. */
export function assembleFiles(
  heads: { sdl: string; zod: string[] },
  sections: TableSections[],
  config: GenerationConfig,
): GeneratedFile[] {
  return [
    fileOfParts("schema.graphql", sdlParts(heads.sdl, sections.flatMap((s) => (s.sdl ? [s.sdl] : [])), config)),
    fileOfParts("types.ts", typescriptParts(sections.flatMap((s) => (s.ts === null ? [] : [s.ts])))),
    fileOfParts("zod.ts", zodParts(heads.zod, sections.map((s) => s.zod))),
    ...sections.map((s) => ({ path: formPath(s.form.typeName), content: s.formFile })),
  ];
}

/**
 * Tables formatted at a time. Prettier's work is CPU on this one thread, so more at once gains nothing, while every
 * table started holds its syntax trees until it ends: all 5,000 at once ran the heap out after ~12 minutes.
 */
const FORMATS_AT_ONCE = 4;

/** `work` over `items`, at most `limit` running at a time; the results in the items' order. */
async function inOrder<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/**
 * The whole project's files and problems, formatted when `prettier` (section by section), reusing what `cache`
 * holds for unchanged tables. `metadata:generate`, its watch mode and the project download all come here.
 */
export async function projectFiles(
  input: CodegenInput,
  options: { prettier: boolean; cache?: GenerationCache },
): Promise<{ files: GeneratedFile[]; problems: Problem[] }> {
  const { cache } = options;
  const model = resolveModel(input, cache?.model);
  const config = JSON.stringify(input.config);
  const raw = model.tables.map((t) => {
    const hit = cache?.tables.get(t.table);
    if (hit && hit.config === config && sameInputs(hit.from, t)) return { t, entry: hit };
    const entry: CacheEntry = { from: t, config, raw: tableSections(t, input.config) };
    cache?.tables.set(t.table, entry);
    return { t, entry };
  });
  const heads = { sdl: sdlHead(model, input.config), zod: zodHead(model.tables) };
  const problems = [...model.problems, ...raw.flatMap(({ entry }) => entry.raw.problems)];
  if (!options.prettier) return { files: assembleFiles(heads, raw.map(({ entry }) => entry.raw), input.config), problems: sortProblems(problems) };

  const sections = await inOrder(raw, FORMATS_AT_ONCE, ({ entry }) => (entry.formatted ??= formatSections(entry.raw, format)));
  // The heads: the SDL's directives and scalars in prettier's layout (every variant is tested), zod's written in it.
  const formattedHeads = {
    sdl: await prettyOr(prettierSdl(heads.sdl), () => format(heads.sdl, "graphql").then(dropFinalNewline)),
    zod: heads.zod.map(vouched),
  };
  const files = assembleFiles(formattedHeads, sections, input.config);
  // The TypeScript header is a comment alone, and `export {};` when no table is in the API: already formatted.
  return { files, problems: sortProblems(problems) };
}
