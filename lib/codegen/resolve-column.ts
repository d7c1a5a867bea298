import { camelCase, FORM_TYPES, formTypeFor, graphqlTypeFor } from "../metadata/derive";
import { columnRule, parseEnumOptions, parseRules } from "./column-rule";
import { formTypeProblem } from "./form-spec";
import type { ColumnInput, TableInput } from "./model";
import { currentLocale, say } from "../i18n/messages";
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
  /**
   * The same object for every column whose row is the same but for its id and sort_order (in any table whose
   * key it is or is not alike; an enum column only within its table, whose type name names the enum): its text
   * in the generated files is the same, so the generators keep that text per shape (a project repeats id, name,
   * created_at… in every table). An enum column's rules and options are the same objects in every table
   * (resolveEnumShape): what does not name its type is kept per rule.
   */
  shape: ColumnShape;
}

/** What a column resolves to whatever its id and sort order. */
export type ColumnShape = Omit<ResolvedColumn, "col" | "shape">;

export type ColumnOutcome = { ok: true; column: ResolvedColumn } | { ok: false; field: string; message: string };

type ShapeOutcome = { ok: true; column: ColumnShape } | { ok: false; field: string; message: string };

function resolveShape(col: ColumnInput, isKey: boolean, typeName: string): ShapeOutcome {
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
  const nonNull = col.is_required === true || col.is_primary_key === true || constraints.notNull === true || ref.nonNull || isKey;
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
 * Columns alike but for id and sort_order share one resolution (the key is every other field of the row, whether
 * it is its table's key, and the language of the problems' messages). Emptied when full, as memo() is.
 */
const shapes = new Map<string, ShapeOutcome>();
const SHAPES_KEPT = 20_000;

/** For the tests: the next resolutions start afresh (and the text the generators keep per shape goes with the shapes). */
export function forgetColumnShapes() {
  shapes.clear();
}

/** Every field of a column row but id and sort_order: a field added to ColumnInput must be listed here (tsc checks). */
const SHAPE_FIELDS = Object.keys({
  pg_column: true,
  pg_type: true,
  pg_constraints: true,
  graphql_field: true,
  graphql_type: true,
  graphql_resolver: true,
  is_graphql_input: true,
  is_graphql_output: true,
  label: true,
  form_type: true,
  is_required: true,
  is_visible: true,
  default_value: true,
  enum_options: true,
  validation_rules: true,
  placeholder: true,
  help_text: true,
  permission_read: true,
  permission_write: true,
  is_primary_key: true,
  comment: true,
} satisfies { [K in Exclude<keyof ColumnInput, "id" | "sort_order">]: true }) as (keyof ColumnInput)[];

function shapeKey(col: ColumnInput, isKey: boolean, typeName: string): string {
  const enumType = col.enum_options === null || col.enum_options === undefined ? null : typeName;
  return JSON.stringify([currentLocale(), isKey, enumType, ...SHAPE_FIELDS.map((f) => col[f])]);
}

/**
 * An enum column's shape is its table's (its type is named after the table), but only its type's name depends on
 * the table: it is made from the shape resolved once for every table (its rules and options shared), so what the
 * generators keep per rule (zod lines, form blocks) serves the same enum column in every table. Whether a column
 * resolves does not depend on the type name; a problem's message may (it names the type), so a column with a
 * problem is resolved for its own table.
 */
function resolveEnumShape(col: ColumnInput, isKey: boolean, typeName: string): ShapeOutcome {
  const anyTable = shapeKey(col, isKey, "");
  let base = shapes.get(anyTable);
  if (!base) {
    base = resolveShape(col, isKey, "");
    if (shapes.size >= SHAPES_KEPT) shapes.clear();
    shapes.set(anyTable, base);
  }
  if (!base.ok) return resolveShape(col, isKey, typeName);
  return { ok: true, column: { ...base.column, ref: { ...base.column.ref, name: `${typeName}${pascal(base.column.name)}` } } };
}

function resolveColumn(table: TableInput, typeName: string, col: ColumnInput): ColumnOutcome {
  const isKey = table.primary_key === col.pg_column;
  const key = shapeKey(col, isKey, typeName);
  let outcome = shapes.get(key);
  if (!outcome) {
    outcome = col.enum_options === null || col.enum_options === undefined ? resolveShape(col, isKey, typeName) : resolveEnumShape(col, isKey, typeName);
    if (shapes.size >= SHAPES_KEPT) shapes.clear();
    shapes.set(key, outcome);
  }
  if (!outcome.ok) return outcome;
  const s = outcome.column;
  const column: ResolvedColumn = {
    col,
    shape: s,
    name: s.name,
    ref: s.ref,
    scalar: s.scalar,
    enumOptions: s.enumOptions,
    nonNull: s.nonNull,
    createRequired: s.createRequired,
    generated: s.generated,
    pg: s.pg,
    formType: s.formType,
    rule: s.rule,
    formRule: s.formRule,
  };
  return { ok: true, column };
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
