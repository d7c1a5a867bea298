import { PRINT_WIDTH, textWidth } from "./text-width";
import type { GenerationConfig } from "./model";
import { interleave } from "./file-parts";
import { memo } from "./memo";
import { TS_SCALARS } from "./names";
import { inputColumns, type ColumnShape, type ResolvedColumn, type ResolvedModel, type ResolvedTable } from "./resolve";

const HEADER = "// Generated from the _metadata schema by Metadata Editor. Do not edit: change the metadata and regenerate.\n";

/**
 * A JSDoc comment; "*\/" inside the text would end it early, so it is broken up. Computed once per distinct
 * text (a project repeats its labels in every table: three comments per column and target).
 */
export function docComment(indent: string, ...parts: (string | null | undefined)[]): string {
  return docCommentOf(JSON.stringify([indent, ...parts]));
}

const docCommentOf = memo((key: string): string => {
  const [indent, ...parts] = JSON.parse(key) as [string, ...(string | null)[]];
  const lines = parts
    .map((p) => p?.trim())
    .filter(Boolean)
    .join("\n\n")
    .replace(/\*\//g, "*\\/")
    .split("\n");
  if (lines.length === 1 && lines[0] === "") return "";
  if (lines.length === 1) return `${indent}/** ${lines[0]} */\n`;
  return `${indent}/**\n${lines.map((l) => `${indent} *${l ? ` ${l}` : ""}`).join("\n")}\n${indent} */\n`;
});

function tsType(c: ResolvedColumn): string {
  const item = c.scalar ? TS_SCALARS[c.scalar] : c.ref.name;
  const nullableItem = c.ref.list && !c.ref.itemNonNull && item !== "unknown" ? `(${item} | null)[]` : c.ref.list ? `${item}[]` : item;
  return c.nonNull || item === "unknown" ? nullableItem : `${nullableItem} | null`;
}

/**
 * A column's line in its interface (and in its create and update inputs), kept per shape (ColumnShape) and
 * comments setting: the same text for every column of that shape.
 */
type Line = "row" | "Create" | "Update";
const kept = new Map<string, WeakMap<ColumnShape, string>>();

function columnLine(c: ResolvedColumn, line: Line, config: GenerationConfig): string {
  const key = `${line}:${config.includeComments}`;
  let lines = kept.get(key);
  if (!lines) kept.set(key, (lines = new WeakMap()));
  let text = lines.get(c.shape);
  if (text === undefined) {
    const doc = docFor(config);
    const optional = line === "row" ? "" : line === "Create" && c.createRequired ? "" : "?";
    const comment = line === "row" ? doc("  ", c.col.label, c.col.help_text, c.col.comment) : doc("  ", c.col.label);
    lines.set(c.shape, (text = `${comment}  ${c.name}${optional}: ${tsType(c)};`));
  }
  return text;
}

const docFor = (config: GenerationConfig) => (indent: string, ...p: (string | null | undefined)[]) => (config.includeComments ? docComment(indent, ...p) : "");

/** One API table's types: its enum unions, its interface and its create / update inputs. */
export function typescriptTablePart(t: ResolvedTable, config: GenerationConfig): string {
  const doc = docFor(config);
  const out: string[] = [];
  for (const c of t.columns.filter((x) => x.enumOptions)) {
    out.push(`${doc("", c.col.label)}export type ${c.ref.name} = ${c.enumOptions!.map((o) => JSON.stringify(o.value)).join(" | ")};\n`);
  }
  const fields = t.columns.filter((c) => c.col.is_graphql_output !== false).map((c) => columnLine(c, "row", config));
  const relations = t.relationFields.map(
    (r) => `${doc("  ", r.description)}  ${r.name}?: ${r.list ? `${r.target}[]` : r.nonNull ? r.target : `${r.target} | null`};`,
  );
  out.push(`${doc("", t.table.label, t.table.description)}export interface ${t.typeName} {\n${[...fields, ...relations].join("\n")}\n}\n`);
  for (const kind of ["Create", "Update"] as const) {
    const lines = inputColumns(t, kind).map((c) => columnLine(c, kind, config));
    if (lines.length) out.push(`export interface ${kind}${t.typeName}Input {\n${lines.join("\n")}\n}\n`);
  }
  return out.join("\n");
}

/**
 * Whether a part typescriptTablePart wrote is exactly what prettier prints for it (then it is not formatted
 * again): it writes prettier's layout, and prettier changes nothing while every line but a comment's fits the
 * width (its widths known), no string literal holds a double quote (prettier would swap the quotes), no comment
 * line ends in spaces or holds a carriage return or line separator, and no interface is empty. Tested against
 * prettier on the fixtures, awkward texts, widths around the limit and random models (pretty-sections.test.ts).
 */
export function typescriptPartIsPretty(part: string): boolean {
  if (/[\r\u2028\u2029]/.test(part)) return false;
  const lines = part.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const body = line.trimStart();
    if (body.startsWith("/**") || body.startsWith("*")) {
      if (line.length && line.trimEnd() !== line) return false;
      continue;
    }
    if (line.endsWith("{") && lines[i + 1] === "") return false;
    const width = textWidth(line);
    if (width < 0 || width > PRINT_WIDTH || line.includes('\\"')) return false;
  }
  return true;
}

export const TYPESCRIPT_HEAD = HEADER;

/** The file from its parts (each table's kept while its metadata does not change). */
export function typescriptParts(parts: string[]): string[] {
  return interleave([HEADER, ...(parts.length ? parts : ["export {};\n"])], "\n");
}

export function assembleTypescript(parts: string[]): string {
  return typescriptParts(parts).join("");
}

/** TypeScript types mirroring the GraphQL schema: enum unions, a row type, create/update inputs. */
export function generateTypescript(model: ResolvedModel, config: GenerationConfig): string {
  return assembleTypescript(model.tables.filter((x) => x.api).map((t) => typescriptTablePart(t, config)));
}
