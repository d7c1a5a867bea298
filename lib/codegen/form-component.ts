import type { FormFieldSpec, FormSpec } from "./form-spec";
import { PRINT_WIDTH as WIDTH, textWidth } from "./text-width";

const HTML_TYPES: Record<string, string> = { datetime: "datetime-local", text: "text", email: "email", password: "password", url: "url", tel: "tel", number: "number", date: "date", time: "time" };

export const kebab = (s: string) => s.replace(/([a-z0-9])([A-Z])/g, "$1-$2").replace(/_/g, "-").toLowerCase();

/** Each converter as prettier prints it. */
const CONVERTERS = {
  text: `const asText = (v: unknown) => (v === "" ? null : v);`,
  number: `const asNumber = (v: unknown) =>
  typeof v === "string" && v.trim() !== "" ? Number(v) : v === "" ? null : v;`,
  json: `const asJson = (v: unknown) => {
  if (typeof v !== "string") return v;
  if (v.trim() === "") return null;
  try {
    return JSON.parse(v) as unknown;
  } catch {
    return Number.NaN;
  }
};`,
} as const;

/**
 * A string literal as prettier prints it: JSON.stringify's escapes, in double quotes unless the text holds more
 * double quotes than single ones (then single quotes, a single quote escaped and a double one not).
 */
export function stringLiteral(s: string): string {
  const json = JSON.stringify(s);
  let double = 0;
  let single = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 34) double++;
    else if (c === 39) single++;
  }
  if (double <= single) return json;
  return `'${json.slice(1, -1).replace(/\\"/g, '"').replace(/'/g, "\\'")}'`;
}

/** An id quoted: ids are [a-z0-9-] (kebab-cased GraphQL names) and PREFIX, which JSON.stringify would escape. */
const qid = (id: string) => `"${id}"`;

/**
 * Where the form's id prefix (its type name in kebab case) goes in a field's block. Every text from the metadata
 * passes through JSON.stringify, which writes a NUL as `\\u0000`, and a field's name is a GraphQL name: a NUL in
 * a block is this one.
 */
const PREFIX = "\u0000";

const INDENTS = Array.from({ length: 24 }, (_, i) => " ".repeat(i));

/** An attribute: `name="value"` as it is, or `name={literal}`, a string literal in braces (which prettier may break). */
type Attr = string | { name: string; literal: string };

/**
 * Lines in prettier's layout for the JSX and TypeScript this file writes. `pretty` stays true while every choice
 * made is one this printer makes as prettier does (tested against prettier: lib/codegen/pretty-form.test.ts); a
 * line that does not fit where prettier would break it some other way, or a character whose width is not known,
 * makes it false, and prettier formats the file itself. `nulWidth` is the width of the id prefix PREFIX stands for.
 */
class Printer {
  readonly lines: string[] = [];
  pretty = true;
  constructor(private readonly nulWidth = -1) {}

  width(s: string): number {
    const w = textWidth(s, this.nulWidth);
    if (w < 0) this.pretty = false;
    return w;
  }

  /** A line prettier leaves as it is when it fits; past the width, this printer does not know what it does. */
  line(indent: number, text: string): void {
    if (indent + this.width(text) > WIDTH) this.pretty = false;
    this.lines.push(INDENTS[indent] + text);
  }

  /** `before{literal}after`: the literal on a line of its own between the braces when `before{literal}` does not fit. */
  braced(indent: number, before: string, literal: string, after: string): void {
    if (indent + this.width(`${before}{${literal}}`) <= WIDTH) {
      this.lines.push(`${INDENTS[indent]}${before}{${literal}}${after}`);
    } else {
      this.lines.push(`${INDENTS[indent]}${before}{`);
      this.width(literal);
      this.lines.push(INDENTS[indent + 2] + literal);
      this.lines.push(`${INDENTS[indent]}}${after}`);
    }
  }

  attrText = (a: Attr) => (typeof a === "string" ? a : `${a.name}={${a.literal}}`);

  /** An opening tag (or a self-closing one: close " />"), on one line when it fits, else an attribute a line. */
  open(indent: number, tag: string, attrs: Attr[], close: " />" | ">", after = ""): void {
    const flat = `<${tag} ${attrs.map(this.attrText).join(" ")}${close}`;
    if (indent + this.width(flat) <= WIDTH) {
      this.lines.push(INDENTS[indent] + flat + after);
      return;
    }
    this.lines.push(`${INDENTS[indent]}<${tag}`);
    for (const a of attrs) {
      if (typeof a === "string") this.line(indent + 2, a);
      else this.braced(indent + 2, `${a.name}=`, a.literal, "");
    }
    this.lines.push(INDENTS[indent] + close.trim() + after);
  }

  /** `<tag attr>{literal}</tag>`: one line when it fits, else the literal on a line of its own. */
  element(indent: number, tag: string, attr: Attr, literal: string): void {
    const flat = `<${tag} ${this.attrText(attr)}>{${literal}}</${tag}>`;
    if (indent + this.width(flat) <= WIDTH) {
      this.lines.push(INDENTS[indent] + flat);
      return;
    }
    this.open(indent, tag, [attr], ">");
    this.braced(indent + 2, "", literal, "");
    this.lines.push(`${INDENTS[indent]}</${tag}>`);
  }

  /** A field's label (`tag` label or span): with the required mark, JSX children filled as prettier fills them. */
  label(indent: number, tag: string, attr: string, literal: string, required: boolean): void {
    if (!required) return this.element(indent, tag, attr, literal);
    const mark = `<span aria-hidden="true">*</span>`;
    this.lines.push(`${INDENTS[indent]}<${tag} ${attr}>`);
    if (indent + 2 + this.width(`{${literal}} ${mark}`) <= WIDTH) this.lines.push(`${INDENTS[indent + 2]}{${literal}} ${mark}`);
    else {
      this.braced(indent + 2, "", literal, `{" "}`);
      this.lines.push(INDENTS[indent + 2] + mark);
    }
    this.lines.push(`${INDENTS[indent]}</${tag}>`);
  }

  /** `<label>` around a radio input, a space and its label: filled as prettier fills JSX children. */
  radio(indent: number, value: string, reg: string, literal: string): void {
    this.lines.push(`${INDENTS[indent]}<label>`);
    const input: Attr[] = [`type="radio"`, { name: "value", literal: value }, reg];
    const flat = `<input ${input.map(this.attrText).join(" ")} />`;
    const at = indent + 2;
    const w = this.width(flat);
    if (at + w + 1 + this.width(`{${literal}}`) <= WIDTH) this.lines.push(`${INDENTS[at]}${flat} {${literal}}`);
    else {
      if (at + w <= WIDTH) this.lines.push(`${INDENTS[at]}${flat}{" "}`);
      else this.open(at, "input", input, " />", `{" "}`);
      this.braced(at, "", literal, "");
    }
    this.lines.push(`${INDENTS[indent]}</label>`);
  }
}

function control(p: Printer, f: FormFieldSpec, id: string): void {
  const reg = f.valueAs === "boolean" ? `{...register("${f.name}")}` : `{...register("${f.name}", { setValueAs: ${f.valueAs === "number" ? "asNumber" : f.valueAs === "json" ? "asJson" : "asText"} })}`;
  const aria: Attr[] = [`aria-invalid={errors.${f.name} ? true : undefined}`, { name: "aria-describedby", literal: qid(`${id}-error`) }];
  const placeholder: Attr[] = f.placeholder ? [{ name: "placeholder", literal: stringLiteral(f.placeholder) }] : [];
  if (f.formType === "checkbox") return p.open(8, "input", [`id=${qid(id)}`, `type="checkbox"`, ...aria, reg], " />");
  if (f.formType === "textarea" || f.formType === "json") return p.open(8, "textarea", [`id=${qid(id)}`, `rows={${f.formType === "json" ? 4 : 3}}`, ...placeholder, ...aria, reg], " />");
  if (f.formType === "select") {
    p.open(8, "select", [`id=${qid(id)}`, ...aria, reg], ">");
    p.element(10, "option", `value=""`, stringLiteral(f.placeholder || "—"));
    for (const o of f.options!) p.element(10, "option", { name: "value", literal: stringLiteral(o.value) }, stringLiteral(o.label || o.value));
    p.lines.push(`        </select>`);
    return;
  }
  if (f.formType === "radio") {
    p.open(8, "div", [`role="radiogroup"`, `id=${qid(id)}`, { name: "aria-labelledby", literal: qid(`${id}-label`) }], ">");
    for (const o of f.options!) p.radio(10, stringLiteral(o.value), reg, stringLiteral(o.label || o.value));
    p.lines.push(`        </div>`);
    return;
  }
  const type = HTML_TYPES[f.formType] ?? "text";
  p.open(8, "input", [`id=${qid(id)}`, `type="${type}"`, ...(f.valueAs === "number" && f.rule.base === "number" ? [`step="any"`] : []), ...placeholder, ...aria, reg], " />");
}

/** A field's block, with PREFIX where the form's id prefix (`prefixWidth` characters) goes. */
function fieldBlock(f: FormFieldSpec, prefixWidth: number): Block {
  const p = new Printer(prefixWidth);
  const id = `${PREFIX}-${kebab(f.name)}`;
  p.lines.push(`      <div className="field">`);
  if (f.formType === "radio") p.label(8, "span", `id=${qid(`${id}-label`)}`, stringLiteral(f.label), f.required);
  else p.label(8, "label", `htmlFor=${qid(id)}`, stringLiteral(f.label), f.required);
  control(p, f, id);
  if (f.help) p.element(8, "p", `className="help"`, stringLiteral(f.help));
  p.line(8, `{errors.${f.name}?.message ? (`);
  p.line(10, `<p id=${qid(`${id}-error`)} role="alert">`);
  p.line(12, `{String(errors.${f.name}.message)}`);
  p.lines.push(`          </p>`, `        ) : null}`, `      </div>`);
  return { pieces: p.lines.join("\n").split(PREFIX), pretty: p.pretty };
}

interface Block {
  pieces: string[];
  pretty: boolean;
}

/**
 * Each field's block as pieces around PREFIX, kept per rule object (a column shape's: see ColumnShape) with the
 * field it was made from and per width of the prefix (the layout depends on it); reused only for a field equal
 * in everything the block shows.
 */
const blocks = new WeakMap<FormFieldSpec["rule"], { f: FormFieldSpec; byWidth: Map<number, Block> }>();
const sameBlock = (a: FormFieldSpec, b: FormFieldSpec) =>
  a.name === b.name && a.label === b.label && a.formType === b.formType && a.placeholder === b.placeholder && a.help === b.help &&
  a.options === b.options && a.required === b.required && a.valueAs === b.valueAs;

function blockFor(f: FormFieldSpec, prefixWidth: number): Block {
  let hit = blocks.get(f.rule);
  if (!hit || !sameBlock(hit.f, f)) {
    hit = { f, byWidth: new Map() };
    blocks.set(f.rule, hit);
  }
  let block = hit.byWidth.get(prefixWidth);
  if (!block) {
    block = fieldBlock(f, prefixWidth);
    hit.byWidth.set(prefixWidth, block);
  }
  return block;
}

/** A default value as prettier prints it; not pretty for what this does not print as prettier does (objects, exponents). */
function defaultLiteral(p: Printer, v: unknown): string {
  if (typeof v === "string") return stringLiteral(v);
  if (typeof v === "boolean") return String(v);
  const json = JSON.stringify(v);
  if (typeof v !== "number" || !/^-?\d+(\.\d+)?$/.test(json)) p.pretty = false;
  return json;
}

/**
 * A React component for one table's form (react-hook-form with the table's generated zod form schema), in
 * prettier's layout; `pretty` says whether it is exactly what prettier prints for it (else prettier formats it
 * when the project asks for prettier).
 */
export function formComponent(spec: FormSpec): { text: string; pretty: boolean } {
  const T = spec.typeName;
  const prefix = kebab(T);
  const used = new Set(spec.fields.map((f) => f.valueAs));
  const p = new Printer();
  const comment = (spec.label || T).replace(/\*\//g, "*\\/");
  // A comment is printed as it is, unless it spans lines.
  if (/[\n\r\u2028\u2029]/.test(comment)) p.pretty = false;
  p.lines.push(
    `// Generated from the _metadata schema by Metadata Editor. Do not edit: change the metadata and regenerate.`,
    `"use client";`,
    ``,
    `import { zodResolver } from "@hookform/resolvers/zod";`,
    `import { useForm } from "react-hook-form";`,
    `import type { z } from "zod";`,
  );
  p.line(0, `import { ${T}FormSchema } from "../zod";`);
  p.lines.push(``);
  p.line(0, `export type ${T}FormInput = z.input<typeof ${T}FormSchema>;`);
  p.line(0, `export type ${T}FormValues = z.output<typeof ${T}FormSchema>;`);
  p.lines.push(``);
  const converters = (["text", "number", "json"] as const).filter((k) => used.has(k));
  if (converters.length) p.lines.push(...converters.map((k) => CONVERTERS[k]), ``);
  p.lines.push(`/** ${comment} */`);
  if (p.width(comment) < 0) p.pretty = false;
  p.line(0, `export function ${T}Form({`);
  p.lines.push(`  onSubmit,`, `  defaultValues,`, `}: {`);
  p.line(2, `onSubmit: (values: ${T}FormValues) => void | Promise<void>;`);
  p.line(2, `defaultValues?: Partial<${T}FormInput>;`);
  p.lines.push(`}) {`, `  const {`, `    register,`, `    handleSubmit,`, `    formState: { errors, isSubmitting },`);
  p.line(2, `} = useForm<${T}FormInput, unknown, ${T}FormValues>({`);
  p.line(4, `resolver: zodResolver(${T}FormSchema),`);
  const defaults = spec.fields
    .filter((f) => f.defaultValue !== undefined || f.valueAs === "boolean")
    .map((f) => `${f.name}: ${defaultLiteral(p, f.defaultValue ?? false)}`);
  defaults.push("...defaultValues");
  const flat = `defaultValues: { ${defaults.join(", ")} },`;
  if (4 + p.width(flat) <= WIDTH) p.lines.push(`    ${flat}`);
  else {
    p.lines.push(`    defaultValues: {`);
    for (const d of defaults) p.line(6, `${d},`);
    p.lines.push(`    },`);
  }
  p.lines.push(`  });`, `  return (`, `    <form onSubmit={handleSubmit(onSubmit)} noValidate>`);
  for (const f of spec.fields) {
    const block = blockFor(f, prefix.length);
    if (!block.pretty) p.pretty = false;
    p.lines.push(block.pieces.join(prefix));
  }
  p.lines.push(`      <button type="submit" disabled={isSubmitting}>`, `        Save`, `      </button>`, `    </form>`, `  );`, `}`, ``);
  return { text: p.lines.join("\n"), pretty: p.pretty };
}

/** The form component's text (formComponent). */
export const generateFormComponent = (spec: FormSpec): string => formComponent(spec).text;
