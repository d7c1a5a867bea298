import { enumOptionsValue, validationRulesValue } from "../schemas/column";
import { INT_STRING, messagesFor, type Check, type FieldRule, type RuleBase } from "./rules";
import { currentLocale, say } from "../i18n/messages";
import { memo } from "./memo";
import { INTEGER_RANGES, isIntegerPg, type PgInfo, type ScalarName } from "./names";

/** A column's validation_rules as the editor's schema accepts them. */
export type Rules = { minLength?: number; maxLength?: number; pattern?: string; email?: boolean; min?: number; max?: number };

type Parsed<T> = { ok: true; value: T } | { ok: false; field: string; message: string };

/** Parsed values are shared between equal inputs (memo): callers never mutate them. */
export function parseEnumOptions(value: unknown): Parsed<{ value: string; label: string }[] | null> {
  if (value === null || value === undefined) return { ok: true, value: null };
  return enumOptionsOf(inLocaleKey(JSON.stringify(value)));
}

// A refusal's message is in the language in force: the cache keeps one entry per language ("ko\0[...]").
const inLocaleKey = (json: string) => `${currentLocale()}\u0000${json}`;
const jsonOf = (key: string) => key.slice(key.indexOf("\u0000") + 1);

const enumOptionsOf = memo((key: string): Parsed<{ value: string; label: string }[] | null> => {
  const parsed = enumOptionsValue.safeParse(JSON.parse(jsonOf(key)));
  if (!parsed.success) return { ok: false, field: "enum_options", message: `enum_options: ${parsed.error.issues[0].message}` };
  return { ok: true, value: parsed.data.length ? parsed.data : null };
});

export function parseRules(value: unknown): Parsed<Rules> {
  if (value === null || value === undefined) return { ok: true, value: {} };
  return rulesOf(inLocaleKey(JSON.stringify(value)));
}

const rulesOf = memo((key: string): Parsed<Rules> => {
  const parsed = validationRulesValue.safeParse(JSON.parse(jsonOf(key)));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, field: "validation_rules", message: `validation_rules${issue.path.length ? `.${issue.path.join(".")}` : ""}: ${issue.message}` };
  }
  return { ok: true, value: parsed.data };
});

function baseFor(scalar: ScalarName | null, pg: PgInfo): RuleBase {
  if (scalar === null) return "enum";
  switch (scalar) {
    case "ID":
      return isIntegerPg(pg.base) ? "intString" : pg.base === "UUID" ? "uuid" : "string";
    case "String":
      return pg.base === "UUID" ? "uuid" : "string";
    case "Int":
      return "int";
    case "BigInt":
      return "intString";
    case "Float":
      return "number";
    case "Boolean":
      return "boolean";
    case "DateTime":
      return "datetime";
    case "Date":
      return "date";
    case "Time":
      return "time";
    case "JSON":
      return "json";
  }
}

const TEXT_RULES = ["minLength", "maxLength", "pattern", "email"] as const;
const NUMBER_RULES = ["min", "max"] as const;

/**
 * The field's validation from its type, PostgreSQL type, is_required and validation_rules. A rule that does not
 * apply to the type (minLength on a number) is a problem, never silently dropped.
 */
export function columnRule(input: {
  name: string;
  label: string;
  scalar: ScalarName | null;
  list: boolean;
  itemNonNull: boolean;
  pg: PgInfo;
  required: boolean;
  rules: Rules;
  email: boolean;
  enumValues: string[] | null;
}): { rule: FieldRule } | { problem: string } {
  const { label, pg, rules } = input;
  const m = messagesFor(label);
  const base = baseFor(input.scalar, pg);
  const textual = base === "string";
  const numeric = base === "int" || base === "number";
  for (const r of TEXT_RULES) {
    if (rules[r] !== undefined && rules[r] !== false && !textual) return { problem: say("codegen.textRule", { rule: r, base }) };
  }
  for (const r of NUMBER_RULES) {
    if (rules[r] !== undefined && !numeric) return { problem: say("codegen.numberRule", { rule: r, base }) };
  }
  const checks: Check[] = [];
  if (textual) {
    if (input.required && !input.list) checks.push({ kind: "minLength", value: 1, message: m.required });
    if (rules.minLength !== undefined && rules.minLength > 0) checks.push({ kind: "minLength", value: rules.minLength, message: m.minLength(rules.minLength) });
    const max = [rules.maxLength, pg.length ?? undefined].filter((n): n is number => n !== undefined);
    if (max.length) checks.push({ kind: "maxLength", value: Math.min(...max), message: m.maxLength(Math.min(...max)) });
    if (rules.pattern !== undefined) checks.push({ kind: "pattern", value: rules.pattern, message: m.pattern });
    if (rules.email === true || input.email) checks.push({ kind: "email", message: m.email });
  }
  if (base === "int") {
    checks.push({ kind: "int", message: m.int });
    const [lo, hi] = INTEGER_RANGES[pg.base] ?? [-2147483648, 2147483647];
    const min = Math.max(lo, rules.min ?? lo);
    const max = Math.min(hi, rules.max ?? hi);
    checks.push({ kind: "min", value: min, message: m.min(min) }, { kind: "max", value: max, message: m.max(max) });
  }
  if (base === "number") {
    if (rules.min !== undefined) checks.push({ kind: "min", value: rules.min, message: m.min(rules.min) });
    if (rules.max !== undefined) checks.push({ kind: "max", value: rules.max, message: m.max(rules.max) });
    if (pg.precision !== null && pg.scale !== null && pg.precision >= pg.scale && pg.precision > 0) {
      checks.push({ kind: "digits", precision: pg.precision, scale: pg.scale, message: m.digits(pg.precision, pg.scale) });
    }
  }
  if (base === "intString") checks.push({ kind: "intString", message: m.int });
  return {
    rule: {
      name: input.name,
      base,
      list: input.list,
      itemNullable: input.list && !input.itemNonNull,
      required: input.required,
      requiredMessage: m.required,
      typeMessage: base === "enum" ? m.option : m.invalid,
      ...(input.enumValues ? { values: input.enumValues } : {}),
      checks,
    },
  };
}

export { INT_STRING };
