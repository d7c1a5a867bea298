/**
 * The Form preview's form as sent to the browser: what drawing and validating it needs, without what the
 * browser can derive. On the 2,000-column table the full FormSpec was 0.97 MB of JSON, mostly each field's
 * messages (every message names the field's label) and values stated twice (the rule repeats the field's name,
 * required flag and options). Messages are rebuilt from the label by the same `messagesFor` the generators
 * use; a message that is not the one the label gives (none today) is sent as it is, so decoding is exact:
 * decodeForm(encodeForm(spec)) equals the spec without the column ids (tested on random models).
 * Client-safe: no server imports.
 */
import { valueAsFor, type FormFieldSpec, type FormSpec, type ValueAs } from "./form-spec";
import type { Problem } from "./model";
import { messagesFor, type Check, type FieldRule, type Messages, type RuleBase } from "./rules";

/** A form field as the preview draws it (the column id is only the generated file's business). */
export type PreviewField = Omit<FormFieldSpec, "columnId">;
export type PreviewForm = Omit<FormSpec, "fields"> & { fields: PreviewField[] };

/** A check: its kind and values; `m` only when its message is not the label's message for that kind. */
type WireCheck = { k: Check["kind"]; v?: number | string; s?: number; m?: WireMessage };
/** "required": the label's required message (a required text field's min length 1); else the text itself. */
type WireMessage = "required" | { text: string };

/** A field; keys are short and a value the browser would derive (or a default) is left out. */
export interface WireField {
  n: string;
  l: string;
  t: string;
  p?: string;
  h?: string;
  o?: { value: string; label: string }[];
  d?: unknown;
  /** required */
  r?: 1;
  b: RuleBase;
  /** list, and whether a list item may be null */
  li?: 1;
  ln?: 1;
  c?: WireCheck[];
  /** Only where they differ from what the field's other values give. */
  x?: { valueAs?: ValueAs; ruleName?: string; ruleRequired?: boolean; requiredMessage?: string; typeMessage?: string; values?: string[] | null };
}

export interface WireForm {
  tableId: number;
  typeName: string;
  label: string;
  fields: WireField[];
}

/** What the Form preview's action sends: the table's form (null when it cannot be generated) and its problems. */
export interface PreviewFormData {
  form: WireForm | null;
  problems: Problem[];
}

/** The message the label gives a check of this kind (what columnRule writes). */
function labelMessage(m: Messages, c: Check): string {
  switch (c.kind) {
    case "minLength":
      return m.minLength(c.value);
    case "maxLength":
      return m.maxLength(c.value);
    case "min":
      return m.min(c.value);
    case "max":
      return m.max(c.value);
    case "pattern":
      return m.pattern;
    case "email":
      return m.email;
    case "int":
    case "intString":
      return m.int;
    case "digits":
      return m.digits(c.precision, c.scale);
  }
}

const typeMessageOf = (m: Messages, base: RuleBase) => (base === "enum" ? m.option : m.invalid);
const sameList = (a: string[] | undefined, b: string[] | undefined) => a === b || (!!a && !!b && a.length === b.length && a.every((x, i) => x === b[i]));

function encodeCheck(m: Messages, c: Check): WireCheck {
  const w: WireCheck = { k: c.kind };
  if (c.kind === "digits") Object.assign(w, { v: c.precision, s: c.scale });
  else if ("value" in c) w.v = c.value;
  if (c.message !== labelMessage(m, c)) w.m = c.message === m.required ? "required" : { text: c.message };
  return w;
}

function decodeCheck(m: Messages, w: WireCheck): Check {
  const c = (w.k === "digits" ? { kind: w.k, precision: w.v, scale: w.s } : w.v === undefined ? { kind: w.k } : { kind: w.k, value: w.v }) as Check;
  c.message = w.m === undefined ? labelMessage(m, c) : w.m === "required" ? m.required : w.m.text;
  return c;
}

export function encodeField(f: FormFieldSpec): WireField {
  const m = messagesFor(f.label);
  const { rule } = f;
  const w: WireField = { n: f.name, l: f.label, t: f.formType, b: rule.base };
  if (f.placeholder) w.p = f.placeholder;
  if (f.help) w.h = f.help;
  if (f.options) w.o = f.options;
  if ("defaultValue" in f) w.d = f.defaultValue;
  if (f.required) w.r = 1;
  if (rule.list) w.li = 1;
  if (rule.itemNullable) w.ln = 1;
  if (rule.checks.length) w.c = rule.checks.map((c) => encodeCheck(m, c));
  const x: NonNullable<WireField["x"]> = {};
  if (f.valueAs !== valueAsFor(rule)) x.valueAs = f.valueAs;
  if (rule.name !== f.name) x.ruleName = rule.name;
  if (rule.required !== f.required) x.ruleRequired = rule.required;
  if (rule.requiredMessage !== m.required) x.requiredMessage = rule.requiredMessage;
  if (rule.typeMessage !== typeMessageOf(m, rule.base)) x.typeMessage = rule.typeMessage;
  if (!sameList(rule.values, f.options?.map((o) => o.value))) x.values = rule.values ?? null;
  if (Object.keys(x).length) w.x = x;
  return w;
}

export function decodeField(w: WireField): PreviewField {
  const m = messagesFor(w.l);
  const values = w.x && "values" in w.x ? w.x.values : w.o?.map((o) => o.value);
  const required = w.r === 1;
  const rule: FieldRule = {
    name: w.x?.ruleName ?? w.n,
    base: w.b,
    list: w.li === 1,
    itemNullable: w.ln === 1,
    required: w.x?.ruleRequired ?? required,
    requiredMessage: w.x?.requiredMessage ?? m.required,
    typeMessage: w.x?.typeMessage ?? typeMessageOf(m, w.b),
    ...(values ? { values } : {}),
    checks: (w.c ?? []).map((c) => decodeCheck(m, c)),
  };
  const field: PreviewField = {
    name: w.n,
    label: w.l,
    formType: w.t,
    placeholder: w.p ?? "",
    help: w.h ?? "",
    options: w.o ?? null,
    required,
    valueAs: w.x?.valueAs ?? valueAsFor(rule),
    rule,
  };
  return "d" in w ? { ...field, defaultValue: w.d } : field;
}

export function encodeForm(spec: FormSpec): WireForm {
  return { tableId: spec.tableId, typeName: spec.typeName, label: spec.label, fields: spec.fields.map(encodeField) };
}

export function decodeForm(wire: WireForm): PreviewForm {
  return { tableId: wire.tableId, typeName: wire.typeName, label: wire.label, fields: wire.fields.map(decodeField) };
}
