import { z } from "zod";
import { catalogMessage, currentLocale, translateLabel, vmsg } from "../i18n/messages";
import type { Locale } from "../i18n/locale";
import { type FieldKind, requiredText, text, toFormValue } from "./fields";
import { jsonValueProblem } from "./json-text";

/**
 * One field of an entity, declared once: everything else (the zod schema, the kinds that drive SQL
 * parameters and casts, labels, grid columns and their limits, form hints) is derived from these.
 * Code generation and translation read `label`, `hint` and `group` from here too: `label` and `hint` are
 * the English text, `key` ("table.table_name", stamped by entityFields) finds their translations
 * (messages/*.json: fields.<key>, hints.<key>); fieldLabel / fieldHint give them in a locale.
 */
export interface FieldSpec<S extends z.ZodType = z.ZodType> {
  kind: FieldKind;
  label: string;
  /** "<entity>.<field>": the message key of the label and hint (set by entityFields). */
  key?: string;
  /** Validates the form value (text or boolean); inline edits, forms and server actions all use it. */
  schema: S;
  /** Most characters the field takes (informative: the schema enforces it). */
  max?: number;
  hint?: string;
  /** The group the field is shown under (forms, grid header bands). */
  group?: string;
  /** Grid column width in px. */
  width?: number;
  /** The SQL cast its query parameter needs ("::jsonb", an enum type). */
  cast?: string;
  /** A closed list of values (a select). */
  options?: readonly string[];
}

export type FieldRegistry = Record<string, FieldSpec>;

/** An entity's registry, each field given its message key "<entity>.<field>". */
export function entityFields<R extends FieldRegistry>(entity: string, fields: R): R {
  for (const [name, spec] of Object.entries(fields)) spec.key = `${entity}.${name}`;
  return fields;
}

/** The field's label in `locale` (the page's, by default). */
export const fieldLabel = (spec: FieldSpec, locale: Locale = currentLocale()) =>
  spec.key ? catalogMessage(`fields.${spec.key}`, spec.label, locale) : translateLabel(spec.label, locale);

/** The field's hint in `locale`; JSON examples are not translated (they have no catalog entry). */
export const fieldHint = (spec: FieldSpec, locale: Locale = currentLocale()) =>
  spec.hint && spec.key ? catalogMessage(`hints.${spec.key}`, spec.hint, locale) : spec.hint;
type Extra = Partial<Pick<FieldSpec, "hint" | "group" | "width">>;

const CASTS: Partial<Record<FieldKind, string>> = { json: "::jsonb" };

/** A field whose schema is given; `cast` defaults from the kind (JSON goes as jsonb). */
export function field<S extends z.ZodType>(kind: FieldKind, label: string, schema: S, extra: Extra & { max?: number; cast?: string; options?: readonly string[] } = {}): FieldSpec<S> {
  return { kind, label, schema, cast: CASTS[kind], ...extra };
}

/** Optional text of at most `max` characters, optionally matching a (linear) pattern. */
export function textField(label: string, max: number, extra: Extra & { pattern?: [RegExp, string | (() => string)] } = {}) {
  const { pattern, ...rest } = extra;
  const message = pattern?.[1];
  const schema = pattern ? text(max).regex(pattern[0], typeof message === "function" ? { error: message } : message) : text(max);
  return field("text", label, schema, { max, ...rest });
}

/** Required text of at most `max` characters. */
export function requiredField(label: string, max: number, extra: Extra = {}) {
  return field("required", label, requiredText(max, label), { max, ...extra });
}

export function boolField(label: string, extra: Extra = {}) {
  return field("bool", label, z.boolean({ error: () => vmsg("boolExpected") }), extra);
}

/** One of a closed list of values, cast to the database's enum type. */
export function enumField<const O extends readonly [string, ...string[]]>(
  label: string,
  options: O,
  cast: string,
  { message, ...extra }: Extra & { message?: () => string } = {},
) {
  const schema = z.enum(options, {
    error: () => message?.() ?? vmsg("choose", { label: translateLabel(label).toLowerCase(), options: options.join(", ") }),
  });
  return field("required", label, schema, { options, cast, ...extra });
}

export type SchemaOf<R extends FieldRegistry> = z.ZodObject<{ [K in keyof R]: R[K]["schema"] }>;

const mapFields = <R extends FieldRegistry, V>(fields: R, f: (spec: FieldSpec, name: string) => V) =>
  Object.fromEntries(Object.entries(fields).map(([name, spec]) => [name, f(spec, name)])) as { [K in keyof R]: V };

export function schemaOf<R extends FieldRegistry>(fields: R): SchemaOf<R> {
  return z.object(mapFields(fields, (spec) => spec.schema)) as unknown as SchemaOf<R>;
}
export const kindsOf = <R extends FieldRegistry>(fields: R) => mapFields(fields, (spec) => spec.kind);
export const labelsOf = <R extends FieldRegistry>(fields: R) => mapFields(fields, (spec) => spec.label);
export const castsOf = <R extends FieldRegistry>(fields: R) => mapFields(fields, (spec) => spec.cast ?? "");

/** The JS types an inline edit may carry for each kind: exactly what the grid's editors commit. */
function typeProblem(spec: FieldSpec, value: unknown): string | null {
  switch (spec.kind) {
    case "bool":
      return typeof value === "boolean" ? null : vmsg("boolExpected");
    case "int":
      return value === null || (typeof value === "number" && Number.isSafeInteger(value)) ? null : vmsg("wholeNumberExpected");
    case "json": {
      if (value === null) return null;
      // Depth first: turning the value into text recurses.
      return typeof value === "object" ? jsonValueProblem(value) : vmsg("jsonValueExpected");
    }
    default:
      return value === null || typeof value === "string" ? null : vmsg("textExpected");
  }
}

/**
 * An inline (grid cell) value checked against its field: the exact JS type first, then the field's own
 * schema on the form representation. The browser runs this before the round trip; the action runs it again.
 */
export function parseFieldValue(spec: FieldSpec, value: unknown): { ok: true; value: string | boolean } | { ok: false; message: string } {
  const wrongType = typeProblem(spec, value);
  if (wrongType) return { ok: false, message: wrongType };
  const parsed = spec.schema.safeParse(toFormValue(spec.kind, value));
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0].message };
  return { ok: true, value: parsed.data as string | boolean };
}
