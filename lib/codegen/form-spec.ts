import type { Problem } from "./model";
import type { ResolvedModel, ResolvedTable } from "./resolve";
import type { FieldRule } from "./rules";
import { say } from "../i18n/messages";
import { memo } from "./memo";
import { runtimeField } from "./zod-runtime";

/** How an input's text becomes the field's value (the generated component and the preview do the same). */
export type ValueAs = "text" | "number" | "boolean" | "json";

export interface FormFieldSpec {
  name: string;
  columnId: number;
  label: string;
  formType: string;
  placeholder: string;
  help: string;
  options: { value: string; label: string }[] | null;
  /** undefined: no default (the input starts empty). */
  defaultValue?: unknown;
  required: boolean;
  valueAs: ValueAs;
  rule: FieldRule;
}

export interface FormSpec {
  tableId: number;
  typeName: string;
  label: string;
  fields: FormFieldSpec[];
}

export function valueAsFor(rule: FieldRule): ValueAs {
  if (rule.list || rule.base === "json") return "json";
  if (rule.base === "int" || rule.base === "number") return "number";
  if (rule.base === "boolean") return "boolean";
  return "text";
}

/** An input's value → the field's value: empty is null, numbers are numbers, JSON is parsed (NaN when it does not parse). */
export function convertInput(valueAs: ValueAs, v: unknown): unknown {
  if (valueAs === "boolean" || typeof v !== "string") return v;
  if (v.trim() === "") return null;
  if (valueAs === "number") return Number(v);
  if (valueAs === "json") {
    try {
      return JSON.parse(v);
    } catch {
      return Number.NaN;
    }
  }
  return v;
}

/**
 * Whether a default is valid does not depend on the rule's name or messages, and those differ on every column
 * (the messages name the label): keyed without them, the 2,000-column table's 400 defaults share a handful of
 * validators instead of building 400 zod schemas.
 */
const fieldValidator = memo((rule: string) => runtimeField(JSON.parse(rule) as FieldRule), 2_000);
const validatorKey = (rule: FieldRule) =>
  JSON.stringify({ ...rule, name: "", requiredMessage: "", typeMessage: "", checks: rule.checks.map((c) => ({ ...c, message: "" })) });

const TEMPORAL: Record<string, string> = { date: "date", datetime: "datetime", time: "time" };

/** A form control that cannot hold the field's value would make a form that never validates: a problem. */
export function formTypeProblem(formType: string, rule: FieldRule, hasOptions: boolean): string | null {
  const valueAs = valueAsFor(rule);
  if (formType === "file") return say("codegen.fileForm");
  if ((formType === "select" || formType === "radio") && !hasOptions) return say("codegen.needsOptions", { formType });
  if (formType === "checkbox" && valueAs !== "boolean") return say("codegen.checkboxBoolean");
  if (valueAs === "boolean" && formType !== "checkbox" && formType !== "hidden") return say("codegen.booleanCheckbox");
  if (formType === "number" && valueAs !== "number" && rule.base !== "intString") return say("codegen.numberNumeric");
  if (TEMPORAL[formType] && rule.base !== TEMPORAL[formType] && rule.base !== "string") return say("codegen.temporalMismatch", { formType, base: rule.base });
  if (TEMPORAL[rule.base] && !rule.list && ![rule.base, "text", "hidden"].includes(formType)) return say("codegen.temporalNeeds", { base: rule.base });
  if (valueAs === "json" && ["select", "radio", "number", "date", "datetime", "time"].includes(formType)) return say("codegen.jsonForm", { formType });
  return null;
}

function defaultFor(t: ResolvedTable, field: Omit<FormFieldSpec, "defaultValue">, text: string | null, problems: Problem[]): unknown {
  if (!text?.trim()) return undefined;
  const value = field.valueAs === "boolean" ? (text.trim() === "true" ? true : text.trim() === "false" ? false : text) : convertInput(field.valueAs, text);
  if (fieldValidator(validatorKey(field.rule)).safeParse(value).success) return value;
  // An SQL expression (now(), CURRENT_DATE, nextval(...)) is the database's default, not the form's.
  if (/\(|^\s*current_|^\s*localtime/i.test(text)) return undefined;
  problems.push({
    tableId: t.table.id,
    table: t.table.table_name,
    target: { kind: "column", columnId: field.columnId, column: t.columns.find((c) => c.col.id === field.columnId)!.col.pg_column, field: "default_value" },
    message: say("codegen.badDefault", { text, label: field.label }),
  });
  return undefined;
}

/** The columns a table's form edits (visible, not hidden), in sort order: the form spec's and the form schema's. */
export const formColumns = (t: ResolvedTable) => t.columns.filter((c) => c.col.is_visible !== false && c.formType !== "hidden");

/** A table's visible fields in sort order with everything a form needs. Problems with defaults are added. */
export function buildFormSpec(t: ResolvedTable, problems: Problem[]): FormSpec {
  return {
    tableId: t.table.id,
    typeName: t.typeName,
    label: t.table.label,
    fields: formColumns(t).map((c) => {
      const field = {
        name: c.name,
        columnId: c.col.id,
        label: c.col.label || c.col.pg_column,
        formType: c.formType,
        placeholder: c.col.placeholder ?? "",
        help: c.col.help_text ?? "",
        options: c.enumOptions,
        required: c.formRule.required,
        valueAs: valueAsFor(c.formRule),
        rule: c.formRule,
      };
      const defaultValue = defaultFor(t, field, c.col.default_value, problems);
      return defaultValue === undefined ? field : { ...field, defaultValue };
    }),
  };
}

/** Per table, its form (buildFormSpec). */
export function buildFormSpecs(model: ResolvedModel, problems: Problem[]): FormSpec[] {
  return model.tables.map((t) => buildFormSpec(t, problems));
}
