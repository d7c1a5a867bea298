import { interleave } from "./file-parts";
import { formColumns } from "./form-spec";
import type { GenerationConfig } from "./model";
import type { ColumnShape, ResolvedColumn, ResolvedModel, ResolvedTable } from "./resolve";
import type { FieldRule } from "./rules";
import { docComment } from "./typescript";

const q = JSON.stringify;

/** One field's zod expression: the same calls, in the same order, as runtimeField (zod-runtime.ts). */
export function zodFieldSource(rule: FieldRule): string {
  const error = `{ error: (issue) => (issue.input == null ? ${q(rule.requiredMessage)} : ${q(rule.typeMessage)}) }`;
  const withError = (opts: string) => `{ ${opts}error: (issue) => (issue.input == null ? ${q(rule.requiredMessage)} : ${q(rule.typeMessage)}) }`;
  let item: string;
  switch (rule.base) {
    case "string":
      item = `z.string(${error})`;
      for (const c of rule.checks) {
        if (c.kind === "minLength") item += `.min(${c.value}, ${q(c.message)})`;
        else if (c.kind === "maxLength") item += `.max(${c.value}, ${q(c.message)})`;
        else if (c.kind === "pattern") item += `.regex(new RegExp(${q(c.value)}), ${q(c.message)})`;
        else if (c.kind === "email") item += `.regex(z.regexes.email, ${q(c.message)})`;
      }
      break;
    case "int":
    case "number":
      item = `z.number(${error})`;
      for (const c of rule.checks) {
        if (c.kind === "int") item += `.int(${q(c.message)})`;
        else if (c.kind === "min") item += `.min(${c.value}, ${q(c.message)})`;
        else if (c.kind === "max") item += `.max(${c.value}, ${q(c.message)})`;
        else if (c.kind === "digits") {
          item += `.refine((v) => Math.abs(v) < ${10 ** (c.precision - c.scale)} && Number(v.toFixed(${c.scale})) === v, ${q(c.message)})`;
        }
      }
      break;
    case "intString":
      item = `z.string(${error}).regex(/^-?(0|[1-9][0-9]{0,18})$/, ${q(rule.checks[0]?.message)})`;
      break;
    case "boolean":
      item = `z.boolean(${error})`;
      break;
    case "datetime":
      item = `z.iso.datetime(${withError("offset: true, local: true, ")})`;
      break;
    case "date":
      item = `z.iso.date(${error})`;
      break;
    case "time":
      item = `z.iso.time(${error})`;
      break;
    case "uuid":
      item = `z.uuid(${error})`;
      break;
    case "enum":
      item = `z.enum([${rule.values!.map((v) => q(v)).join(", ")}], ${error})`;
      break;
    case "json":
      item = rule.required && !rule.list
        ? `z.unknown().refine((v) => v != null, { error: ${q(rule.requiredMessage)}, abort: true }).refine(isJsonValue, ${q(rule.typeMessage)})`
        : `z.unknown().refine(isJsonValue, ${q(rule.typeMessage)})`;
      break;
  }
  let out = item;
  if (rule.list) out = `z.array(${rule.itemNullable && rule.base !== "json" ? `${item}.nullable()` : item}, ${error})`;
  return rule.required ? out : `${out}.nullish()`;
}

const JSON_HELPER = `/** Any JSON value: plain objects, arrays, strings, finite numbers, booleans, null. */
function isJsonValue(v: unknown): boolean {
  if (v === null || typeof v === "string" || typeof v === "boolean") return true;
  if (typeof v === "number") return Number.isFinite(v);
  if (Array.isArray(v)) return v.every(isJsonValue);
  return typeof v === "object" && Object.getPrototypeOf(v) === Object.prototype && Object.values(v as object).every(isJsonValue);
}
`;

const ZOD_HEAD = '// Generated from the _metadata schema by Metadata Editor. Do not edit: change the metadata and regenerate.\nimport { z } from "zod";\n';

/** Each column's lines, kept per shape (ColumnShape): with and without its comment, and its form schema's. */
const rowLines = { comments: new WeakMap<ColumnShape, string>(), plain: new WeakMap<ColumnShape, string>() };
const formLines = new WeakMap<ColumnShape, string>();

function rowLine(c: ResolvedColumn, config: GenerationConfig): string {
  const kept = config.includeComments ? rowLines.comments : rowLines.plain;
  let line = kept.get(c.shape);
  if (line === undefined) {
    line = `${config.includeComments ? docComment("  ", c.col.label) : ""}  ${c.name}: ${zodFieldSource(c.rule)},`;
    kept.set(c.shape, line);
  }
  return line;
}

function formLine(c: ResolvedColumn): string {
  let line = formLines.get(c.shape);
  if (line === undefined) formLines.set(c.shape, (line = `  ${c.name}: ${zodFieldSource(c.formRule)},`));
  return line;
}

/** One table's row schema, row type and form schema. */
export function zodTablePart(t: ResolvedTable, config: GenerationConfig): string {
  const doc = (indent: string, ...p: (string | null | undefined)[]) => (config.includeComments ? docComment(indent, ...p) : "");
  const fields = t.columns.map((c) => rowLine(c, config));
  const form = formColumns(t);
  // A NOT NULL column the database fills (a default, a serial) may be left empty in the form, as the create input
  // types make it optional: the form schema takes that field's formRule instead of the row schema's.
  const filled = form.filter((c) => c.formRule !== c.rule);
  const extend = filled.length ? `.extend({\n${filled.map(formLine).join("\n")}\n})` : "";
  return [
    `${doc("", t.table.label, t.table.description)}export const ${t.typeName}Schema = z.object({\n${fields.join("\n")}\n});`,
    `export type ${t.typeName}Row = z.output<typeof ${t.typeName}Schema>;`,
    `export const ${t.typeName}FormSchema = ${t.typeName}Schema.pick({ ${form.map((c) => `${c.name}: true`).join(", ")} })${extend};\n`,
  ].join("\n");
}

/** The import, and the JSON check when a table has a JSON field. */
export function zodHead(tables: ResolvedTable[]): string[] {
  return tables.some((t) => t.columns.some((c) => c.rule.base === "json")) ? [ZOD_HEAD, JSON_HELPER] : [ZOD_HEAD];
}

export function zodParts(head: string[], parts: string[]): string[] {
  return interleave([...head, ...parts], "\n");
}

export function assembleZod(head: string[], parts: string[]): string {
  return zodParts(head, parts).join("");
}

/** One schema per table (every generated table, API or not) and its form schema. */
export function generateZod(model: ResolvedModel, config: GenerationConfig, only?: number): string {
  const tables = model.tables.filter((t) => only === undefined || t.table.id === only);
  return assembleZod(zodHead(tables), tables.map((t) => zodTablePart(t, config)));
}
