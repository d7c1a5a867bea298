import { camelCase, FORM_TYPES, formTypeFor, graphqlTypeFor } from "../metadata/derive";
import { columnRule, parseEnumOptions, parseRules } from "./column-rule";
import { formTypeProblem } from "./form-spec";
import type { ColumnInput, TableInput } from "./model";
import { say } from "../i18n/messages";
import { enumValueNames, graphqlNameProblem, isSerialPg, parseTypeRef, pascal, pgInfo, SCALARS, type PgInfo, type ScalarName, type TypeRef } from "./names";
import type { FieldRule } from "./rules";

/** One column checked and resolved on its own (its table's type name and key are all it needs of the rest). */
export interface ResolvedColumn {
  col: ColumnInput;
  /** GraphQL field name (also the TypeScript and zod key). */
  name: string;
  /** The type reference; for enum columns `name` is the generated enum type. */
  ref: TypeRef;
  scalar: ScalarName | null;
  enumOptions: { value: string; label: string }[] | null;
  nonNull: boolean;
  /** Required in a create (input types, form): NOT NULL and not filled by the database (no default, not serial). */
  createRequired: boolean;
  /** Filled by the database (serial): not in the create input. */
  generated: boolean;
  pg: PgInfo;
  formType: string;
  rule: FieldRule;
  /** The rule a form (create) checks: `rule`, required only when `createRequired`. */
  formRule: FieldRule;
}

export type ColumnOutcome = { ok: true; column: ResolvedColumn } | { ok: false; field: string; message: string };

function resolveColumn(table: TableInput, typeName: string, col: ColumnInput): ColumnOutcome {
  const name = col.graphql_field?.trim() || camelCase(col.pg_column);
  const nameProblem = graphqlNameProblem(name, "field");
  if (nameProblem) return { ok: false, field: "graphql_field", message: nameProblem };
  const refText = col.graphql_type?.trim() || graphqlTypeFor(col.pg_type, col.pg_column);
  const ref = parseTypeRef(refText);
  if (!ref) return { ok: false, field: "graphql_type", message: say("codegen.badRef", { ref: refText }) };
  const options = parseEnumOptions(col.enum_options);
  if (!options.ok) return options;
  const pg = pgInfo(col.pg_type);
  let scalar: ScalarName | null = null;
  if (options.value) {
    const names = enumValueNames(options.value.map((o) => o.value));
    const clash = names.findIndex((n, i) => names.indexOf(n) !== i);
    if (clash >= 0) {
      const first = options.value[names.indexOf(names[clash])].value;
      return { ok: false, field: "enum_options", message: say("codegen.optionClash", { a: first, b: options.value[clash].value, name: names[clash] }) };
    }
    ref.name = `${typeName}${pascal(name)}`;
  } else if (SCALARS.includes(ref.name)) {
    scalar = ref.name as ScalarName;
  } else {
    return { ok: false, field: "graphql_type", message: say("codegen.unknownType", { name: ref.name, scalars: SCALARS.join(", ") }) };
  }
  if (pg.array !== ref.list) {
    return { ok: false, field: "graphql_type", message: pg.array ? say("codegen.arrayNeedsList", { pgType: col.pg_type, name: ref.name }) : say("codegen.listNotArray", { ref: refText, pgType: col.pg_type }) };
  }
  const rules = parseRules(col.validation_rules);
  if (!rules.ok) return rules;
  const constraints = col.pg_constraints && typeof col.pg_constraints === "object" ? (col.pg_constraints as Record<string, unknown>) : {};
  const nonNull = col.is_required === true || col.is_primary_key === true || constraints.notNull === true || ref.nonNull || table.primary_key === col.pg_column;
  const formType = col.form_type?.trim() || formTypeFor(col.pg_type, col.pg_column, options.value !== null);
  if (!(FORM_TYPES as readonly string[]).includes(formType)) {
    return { ok: false, field: "form_type", message: say("codegen.unknownFormType", { formType, formTypes: FORM_TYPES.join(", ") }) };
  }
  const ruleFor = (required: boolean) =>
    columnRule({
      name,
      label: col.label || col.pg_column,
      scalar,
      list: ref.list,
      itemNonNull: ref.itemNonNull,
      pg,
      required,
      rules: rules.value,
      email: formType === "email",
      enumValues: options.value?.map((o) => o.value) ?? null,
    });
  const made = ruleFor(nonNull);
  if ("problem" in made) return { ok: false, field: "validation_rules", message: made.problem };
  const serial = isSerialPg(pg.base);
  const hasDefault = Boolean(col.default_value?.trim()) || (constraints.default !== undefined && constraints.default !== null) || serial;
  const createRequired = nonNull && !hasDefault;
  const forForm = createRequired === nonNull ? made : ruleFor(false);
  if ("problem" in forForm) return { ok: false, field: "validation_rules", message: forForm.problem };
  const formProblem = formTypeProblem(formType, made.rule, options.value !== null);
  if (formProblem) return { ok: false, field: "form_type", message: formProblem };
  return {
    ok: true,
    column: {
      col,
      name,
      ref: { ...ref, nonNull },
      scalar,
      enumOptions: options.value,
      nonNull,
      createRequired,
      generated: serial,
      pg,
      formType,
      rule: made.rule,
      formRule: forForm.rule,
    },
  };
}

/**
 * A column's outcome depends on the column, its table's key and its type name only: kept per column row object by
 * a caller that keeps unchanged rows (`metadata:generate --watch`) and never mutates them. Outcomes are shared.
 */
export type ColumnCache = WeakMap<ColumnInput, { typeName: string; primaryKey: string | null; outcome: ColumnOutcome }>;

export function resolveColumnOnce(table: TableInput, typeName: string, col: ColumnInput, cache: ColumnCache | undefined): ColumnOutcome {
  const hit = cache?.get(col);
  if (hit && hit.typeName === typeName && hit.primaryKey === table.primary_key) return hit.outcome;
  const outcome = resolveColumn(table, typeName, col);
  cache?.set(col, { typeName, primaryKey: table.primary_key, outcome });
  return outcome;
}
