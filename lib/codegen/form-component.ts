import type { FormFieldSpec, FormSpec } from "./form-spec";

const q = JSON.stringify;
const HTML_TYPES: Record<string, string> = { datetime: "datetime-local", text: "text", email: "email", password: "password", url: "url", tel: "tel", number: "number", date: "date", time: "time" };

export const kebab = (s: string) => s.replace(/([a-z0-9])([A-Z])/g, "$1-$2").replace(/_/g, "-").toLowerCase();

const CONVERTERS = {
  text: `const asText = (v: unknown) => (v === "" ? null : v);`,
  number: `const asNumber = (v: unknown) => (typeof v === "string" && v.trim() !== "" ? Number(v) : v === "" ? null : v);`,
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

/** An id quoted: ids are [a-z0-9-] (kebab-cased GraphQL names) and PREFIX, which JSON.stringify would escape. */
const qid = (id: string) => `"${id}"`;

function control(f: FormFieldSpec, id: string): string {
  const reg = f.valueAs === "boolean" ? `{...register(${q(f.name)})}` : `{...register(${q(f.name)}, { setValueAs: ${f.valueAs === "number" ? "asNumber" : f.valueAs === "json" ? "asJson" : "asText"} })}`;
  const aria = `aria-invalid={errors.${f.name} ? true : undefined} aria-describedby={${qid(`${id}-error`)}}`;
  const placeholder = f.placeholder ? ` placeholder={${q(f.placeholder)}}` : "";
  if (f.formType === "checkbox") return `<input id=${qid(id)} type="checkbox" ${aria} ${reg} />`;
  if (f.formType === "textarea" || f.formType === "json") return `<textarea id=${qid(id)} rows={${f.formType === "json" ? 4 : 3}}${placeholder} ${aria} ${reg} />`;
  if (f.formType === "select") {
    const options = f.options!.map((o) => `<option value={${q(o.value)}}>{${q(o.label || o.value)}}</option>`).join("\n            ");
    return `<select id=${qid(id)} ${aria} ${reg}>
            <option value="">{${q(f.placeholder || "—")}}</option>
            ${options}
          </select>`;
  }
  if (f.formType === "radio") {
    const radios = f.options!.map((o) => `<label><input type="radio" value={${q(o.value)}} ${reg} /> {${q(o.label || o.value)}}</label>`).join("\n            ");
    return `<div role="radiogroup" id=${qid(id)} aria-labelledby={${qid(`${id}-label`)}}>
            ${radios}
          </div>`;
  }
  return `<input id=${qid(id)} type=${q(HTML_TYPES[f.formType] ?? "text")}${f.valueAs === "number" && f.rule.base === "number" ? ` step="any"` : ""}${placeholder} ${aria} ${reg} />`;
}

/**
 * Where the form's id prefix (its type name in kebab case) goes in a field's block. Every text from the metadata
 * passes through JSON.stringify, which writes a NUL as `\\u0000`, and a field's name is a GraphQL name: a NUL in
 * a block is this one.
 */
const PREFIX = "\u0000";

/** A field's block, with PREFIX where the form's id prefix goes. */
function fieldBlock(f: FormFieldSpec): string {
  const id = `${PREFIX}-${kebab(f.name)}`;
  const label = f.formType === "radio"
    ? `<span id=${qid(`${id}-label`)}>{${q(f.label)}}${f.required ? ` <span aria-hidden="true">*</span>` : ""}</span>`
    : `<label htmlFor=${qid(id)}>{${q(f.label)}}${f.required ? ` <span aria-hidden="true">*</span>` : ""}</label>`;
  return `      <div className="field">
        ${label}
        ${control(f, id)}
${f.help ? `        <p className="help">{${q(f.help)}}</p>\n` : ""}        {errors.${f.name}?.message ? <p id=${qid(`${id}-error`)} role="alert">{String(errors.${f.name}.message)}</p> : null}
      </div>`;
}

/**
 * Each field's block as pieces around PREFIX, kept per rule object (a column shape's: see ColumnShape) with the
 * field it was made from; reused only for a field equal in everything the block shows.
 */
const blocks = new WeakMap<FormFieldSpec["rule"], { f: FormFieldSpec; pieces: string[] }>();
const sameBlock = (a: FormFieldSpec, b: FormFieldSpec) =>
  a.name === b.name && a.label === b.label && a.formType === b.formType && a.placeholder === b.placeholder && a.help === b.help &&
  a.options === b.options && a.required === b.required && a.valueAs === b.valueAs;

function blockPieces(f: FormFieldSpec): string[] {
  const hit = blocks.get(f.rule);
  if (hit && sameBlock(hit.f, f)) return hit.pieces;
  const pieces = fieldBlock(f).split(PREFIX);
  blocks.set(f.rule, { f, pieces });
  return pieces;
}

/** A React component for one table's form: react-hook-form with the table's generated zod form schema. */
export function generateFormComponent(spec: FormSpec): string {
  const T = spec.typeName;
  const prefix = kebab(T);
  const used = new Set(spec.fields.map((f) => f.valueAs));
  const defaults = spec.fields.filter((f) => f.defaultValue !== undefined || f.valueAs === "boolean");
  return `// Generated from the _metadata schema by Metadata Editor. Do not edit: change the metadata and regenerate.
"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { ${T}FormSchema } from "../zod";

export type ${T}FormInput = z.input<typeof ${T}FormSchema>;
export type ${T}FormValues = z.output<typeof ${T}FormSchema>;

${(["text", "number", "json"] as const).filter((k) => used.has(k)).map((k) => CONVERTERS[k]).join("\n")}

/** ${(spec.label || T).replace(/\*\//g, "*\\/")} */
export function ${T}Form({
  onSubmit,
  defaultValues,
}: {
  onSubmit: (values: ${T}FormValues) => void | Promise<void>;
  defaultValues?: Partial<${T}FormInput>;
}) {
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<${T}FormInput, unknown, ${T}FormValues>({
    resolver: zodResolver(${T}FormSchema),
    defaultValues: { ${defaults.map((f) => `${f.name}: ${q(f.defaultValue ?? false)}`).join(", ")}${defaults.length ? ", " : ""}...defaultValues },
  });
  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate>
${spec.fields.map((f) => blockPieces(f).join(prefix)).join("\n")}
      <button type="submit" disabled={isSubmitting}>
        Save
      </button>
    </form>
  );
}
`;
}
