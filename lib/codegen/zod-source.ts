import { interleave } from "./file-parts";
import { stringLiteral } from "./form-component";
import { formColumns } from "./form-spec";
import type { GenerationConfig } from "./model";
import type { ResolvedColumn, ResolvedModel, ResolvedTable } from "./resolve";
import type { FieldRule } from "./rules";
import { PRINT_WIDTH, textWidth } from "./text-width";
import { docComment, typescriptPartIsPretty } from "./typescript";

/** A call's argument: code as it is (`simple` as prettier's isSimpleCallArgument says), or an object literal. */
type Arg = { text: string; simple: boolean; literal?: boolean } | { props: Prop[] };
/** An object's property: `key: value` as it is, or the error callback with its two messages. */
type Prop = string | { required: string; type: string };
interface Call {
  name: string;
  args: Arg[];
}
/** `head.call(…).call(…)`; `ok` false when something in it is printed otherwise by prettier (a number with an exponent). */
interface Chain {
  head: string;
  calls: Call[];
  ok: boolean;
}

const lit = (s: string): Arg => ({ text: stringLiteral(s), simple: true, literal: true });
const code = (text: string, simple = true): { text: string; simple: boolean } => ({ text, simple });

/** One field's zod expression as calls: the same calls, in the same order, as runtimeField (zod-runtime.ts). */
function zodChain(rule: FieldRule): Chain {
  const chain: Chain = { head: "z", calls: [], ok: true };
  const errorProp: Prop = { required: stringLiteral(rule.requiredMessage), type: stringLiteral(rule.typeMessage) };
  const error: Arg = { props: [errorProp] };
  const call = (name: string, ...args: Arg[]) => chain.calls.push({ name, args });
  const num = (n: number): { text: string; simple: boolean } => {
    const text = String(n);
    if (!/^-?\d+(\.\d+)?$/.test(text)) chain.ok = false;
    return code(text);
  };
  switch (rule.base) {
    case "string":
      call("string", error);
      for (const c of rule.checks) {
        if (c.kind === "minLength") call("min", num(c.value), lit(c.message));
        else if (c.kind === "maxLength") call("max", num(c.value), lit(c.message));
        else if (c.kind === "pattern") call("regex", code(`new RegExp(${stringLiteral(c.value)})`), lit(c.message));
        else if (c.kind === "email") call("regex", code("z.regexes.email"), lit(c.message));
      }
      break;
    case "int":
    case "number":
      call("number", error);
      for (const c of rule.checks) {
        if (c.kind === "int") call("int", lit(c.message));
        else if (c.kind === "min") call("min", num(c.value), lit(c.message));
        else if (c.kind === "max") call("max", num(c.value), lit(c.message));
        else if (c.kind === "digits") {
          const limit = num(10 ** (c.precision - c.scale)).text;
          call("refine", code(`(v) => Math.abs(v) < ${limit} && Number(v.toFixed(${c.scale})) === v`, false), lit(c.message));
        }
      }
      break;
    case "intString":
      call("string", error);
      call("regex", code("/^-?(0|[1-9][0-9]{0,18})$/"), lit(rule.checks[0]?.message ?? ""));
      break;
    case "boolean":
      call("boolean", error);
      break;
    case "datetime":
      chain.head = "z.iso";
      call("datetime", { props: ["offset: true", "local: true", errorProp] });
      break;
    case "date":
    case "time":
      chain.head = "z.iso";
      call(rule.base, error);
      break;
    case "uuid":
      call("uuid", error);
      break;
    case "enum":
      call("enum", code(`[${rule.values!.map(stringLiteral).join(", ")}]`), error);
      break;
    case "json":
      call("unknown");
      if (rule.required && !rule.list) call("refine", code("(v) => v != null", false), { props: [`error: ${stringLiteral(rule.requiredMessage)}`, "abort: true"] });
      call("refine", code("isJsonValue"), lit(rule.typeMessage));
      break;
  }
  if (!rule.required) call("nullish");
  return chain;
}

const errorText = (p: { required: string; type: string }) => `error: (issue) => (issue.input == null ? ${p.required} : ${p.type})`;
const propText = (p: Prop) => (typeof p === "string" ? p : errorText(p));
const argText = (a: Arg): string => ("props" in a ? `{ ${a.props.map(propText).join(", ")} }` : a.text);
const isSimple = (a: Arg) => ("props" in a ? a.props.every((p) => typeof p === "string") : a.simple);
const callText = (c: Call) => `.${c.name}(${c.args.map(argText).join(", ")})`;

const INDENTS = Array.from({ length: 16 }, (_, i) => " ".repeat(i));

/**
 * Lines in prettier's layout for the zod this file writes; `pretty` stays true while every choice made is one
 * this printer makes as prettier does (tested against prettier: pretty-sections.test.ts).
 */
class Printer {
  readonly lines: string[] = [];
  pretty = true;

  fits(indent: number, s: string): boolean {
    // Every character this printer knows is at least one column wide: too long is too wide, without measuring.
    // What is not measured here is measured in the lines it is then broken into.
    if (indent + s.length > PRINT_WIDTH) return false;
    const w = textWidth(s);
    if (w < 0) this.pretty = false;
    return w >= 0 && indent + w <= PRINT_WIDTH;
  }

  /** A line prettier leaves as it is when it fits; past the width, this printer does not know what it does. */
  line(indent: number, s: string): void {
    if (!this.fits(indent, s)) this.pretty = false;
    this.lines.push(INDENTS[indent] + s);
  }

  /** A line prettier leaves as it is however long (nothing in it can break): its width only has to be known. */
  whole(indent: number, s: string): void {
    if (textWidth(s) < 0) this.pretty = false;
    this.lines.push(INDENTS[indent] + s);
  }

  prop(indent: number, p: Prop, after: string): void {
    if (typeof p === "string") return this.line(indent, p + after);
    const flat = errorText(p) + after;
    if (this.fits(indent, flat)) return this.whole(indent, flat);
    // The arrow's body on the next line (without its parentheses), then the conditional broken too.
    this.whole(indent, "error: (issue) =>");
    const body = `issue.input == null ? ${p.required} : ${p.type}${after}`;
    if (this.fits(indent + 2, body)) return this.whole(indent + 2, body);
    this.whole(indent + 2, "issue.input == null");
    this.whole(indent + 4, `? ${p.required}`);
    this.whole(indent + 4, `: ${p.type}${after}`);
  }

  /** `before(args)after`: flat when it fits, else the last object hugged, else an argument a line. */
  call(indent: number, before: string, c: Call, after: string): void {
    const flat = `${before}(${c.args.map(argText).join(", ")})${after}`;
    if (this.fits(indent, flat)) return this.whole(indent, flat);
    const last = c.args[c.args.length - 1];
    if (last && "props" in last && c.args.slice(0, -1).every((a) => !("props" in a))) {
      this.line(indent, `${before}(${[...c.args.slice(0, -1).map(argText), "{"].join(", ")}`);
      for (const p of last.props) this.prop(indent + 2, p, ",");
      this.whole(indent, `})${after}`);
      return;
    }
    this.whole(indent, `${before}(`);
    for (const a of c.args) {
      if ("props" in a) this.pretty = false;
      if ("literal" in a && a.literal) this.whole(indent + 2, `${a.text},`);
      else this.line(indent + 2, `${argText(a)},`);
    }
    this.whole(indent, `)${after}`);
  }

  /** `name: chain,` as prettier prints a member chain: on one line, or a call a line. */
  field(indent: number, name: string, chain: Chain): void {
    if (!chain.ok) this.pretty = false;
    const n = chain.calls.length;
    if (n === 1) return this.call(indent, `${name}: ${chain.head}.${chain.calls[0].name}`, chain.calls[0], ",");
    const forced = n > 2 && chain.calls.some((c) => !c.args.every(isSimple));
    const flat = `${name}: ${chain.head}${chain.calls.map(callText).join("")},`;
    if (!forced && this.fits(indent, flat)) return this.whole(indent, flat);
    this.line(indent, `${name}: ${chain.head}`);
    chain.calls.forEach((c, i) => this.call(indent + 2, `.${c.name}`, c, i === n - 1 ? "," : ""));
  }
}

/** A field's line(s) and whether they are prettier's: a list's item is a chain in an argument, left to prettier. */
function fieldLines(name: string, rule: FieldRule): { text: string; pretty: boolean } {
  if (rule.list) return { text: `  ${name}: ${listSource(rule)},`, pretty: false };
  const p = new Printer();
  p.field(2, name, zodChain(rule));
  return { text: p.lines.join("\n"), pretty: p.pretty };
}

/** A list field's zod expression, on one line. */
function listSource(rule: FieldRule): string {
  const item = zodChain({ ...rule, list: false, required: true });
  const itemText = `${item.head}${item.calls.map(callText).join("")}`;
  const error = argText({ props: [{ required: stringLiteral(rule.requiredMessage), type: stringLiteral(rule.typeMessage) }] });
  const out = `z.array(${rule.itemNullable && rule.base !== "json" ? `${itemText}.nullable()` : itemText}, ${error})`;
  return rule.required ? out : `${out}.nullish()`;
}

/** One field's zod expression (on one line). */
export function zodFieldSource(rule: FieldRule): string {
  if (rule.list) return listSource(rule);
  const chain = zodChain(rule);
  return `${chain.head}${chain.calls.map(callText).join("")}`;
}

/**
 * The heads are written in prettier's layout (prettier leaves them as they are: tested in
 * pretty-sections.test.ts), so with prettier on they are used as they are.
 */
const JSON_HELPER = `/** Any JSON value: plain objects, arrays, strings, finite numbers, booleans, null. */
function isJsonValue(v: unknown): boolean {
  if (v === null || typeof v === "string" || typeof v === "boolean") return true;
  if (typeof v === "number") return Number.isFinite(v);
  if (Array.isArray(v)) return v.every(isJsonValue);
  return (
    typeof v === "object" &&
    Object.getPrototypeOf(v) === Object.prototype &&
    Object.values(v as object).every(isJsonValue)
  );
}
`;

const ZOD_HEAD = '// Generated from the _metadata schema by Metadata Editor. Do not edit: change the metadata and regenerate.\nimport { z } from "zod";\n';

/**
 * Each column's lines, with and without its comment, and its form schema's: kept per rule object, which a column
 * shares only with columns alike in all but their id, sort order and enum type name (see ColumnShape and
 * resolveEnumShape), whose lines are the same (their name, rule and label are).
 */
type Lines = { text: string; pretty: boolean };
const rowLines = { comments: new WeakMap<FieldRule, Lines>(), plain: new WeakMap<FieldRule, Lines>() };
const formLines = new WeakMap<FieldRule, Lines>();

function rowLine(c: ResolvedColumn, config: GenerationConfig): Lines {
  const kept = config.includeComments ? rowLines.comments : rowLines.plain;
  let line = kept.get(c.rule);
  if (line === undefined) {
    const field = fieldLines(c.name, c.rule);
    const comment = config.includeComments ? docComment("  ", c.col.label) : "";
    line = { text: comment + field.text, pretty: field.pretty && typescriptPartIsPretty(comment) };
    kept.set(c.rule, line);
  }
  return line;
}

function formLine(c: ResolvedColumn): Lines {
  let line = formLines.get(c.formRule);
  if (line === undefined) formLines.set(c.formRule, (line = fieldLines(c.name, c.formRule)));
  return line;
}

/**
 * One table's row schema, row type and form schema, in prettier's layout; `pretty` when it is exactly what
 * prettier prints for it (then it is not formatted again).
 */
export function zodTable(t: ResolvedTable, config: GenerationConfig): Lines {
  const doc = config.includeComments ? docComment("", t.table.label, t.table.description) : "";
  const fields = t.columns.map((c) => rowLine(c, config));
  const form = formColumns(t);
  // A NOT NULL column the database fills (a default, a serial) may be left empty in the form, as the create input
  // types make it optional: the form schema takes that field's formRule instead of the row schema's.
  const filled = form.filter((c) => c.formRule !== c.rule).map(formLine);
  const p = new Printer();
  p.pretty = fields.length > 0 && typescriptPartIsPretty(doc) && fields.every((f) => f.pretty) && filled.every((f) => f.pretty);
  const T = t.typeName;
  p.line(0, `export const ${T}Schema = z.object({`);
  p.lines.push(...fields.map((f) => f.text), "});");
  p.line(0, `export type ${T}Row = z.output<typeof ${T}Schema>;`);
  const keys = form.map((c) => `${c.name}: true`);
  const pick = `export const ${T}FormSchema = ${T}Schema.pick(${keys.length ? `{ ${keys.join(", ")} }` : "{}"})`;
  const extend = filled.length ? ".extend({" : ";";
  if (p.fits(0, pick + extend)) p.lines.push(pick + extend);
  else {
    p.line(0, `export const ${T}FormSchema = ${T}Schema.pick({`);
    for (const k of keys) p.line(2, `${k},`);
    p.lines.push(`})${extend}`);
  }
  if (filled.length) p.lines.push(...filled.map((f) => f.text), "});");
  return { text: `${doc}${p.lines.join("\n")}\n`, pretty: p.pretty };
}

/** One table's row schema, row type and form schema (zodTable's text). */
export const zodTablePart = (t: ResolvedTable, config: GenerationConfig): string => zodTable(t, config).text;

/** The import, and the JSON check when a table has a JSON field: in prettier's layout (see JSON_HELPER). */
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
