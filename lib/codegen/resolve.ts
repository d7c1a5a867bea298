import { camelCase, FORM_TYPES, formTypeFor, graphqlTypeFor, graphqlTypeForTable } from "../metadata/derive";
import { columnRule, parseEnumOptions, parseRules } from "./column-rule";
import type { CodegenInput, ColumnInput, Problem, TableInput } from "./model";
import { graphqlNameProblem, isSerialPg, parseTypeRef, pascal, pgInfo, RESERVED_TYPE_NAMES, SCALARS, type PgInfo, type ScalarName, type TypeRef } from "./names";
import { formTypeProblem } from "./form-spec";
import { resolveRelations, type RelationField } from "./resolve-relations";
import type { FieldRule } from "./rules";

export interface ResolvedColumn {
  col: ColumnInput;
  /** GraphQL field name (also the TypeScript and zod key). */
  name: string;
  /** The type reference; for enum columns `name` is the generated enum type. */
  ref: TypeRef;
  scalar: ScalarName | null;
  enumOptions: { value: string; label: string }[] | null;
  nonNull: boolean;
  hasDefault: boolean;
  /** Filled by the database (serial): not in the create input. */
  generated: boolean;
  pg: PgInfo;
  formType: string;
  rule: FieldRule;
}

export interface ResolvedTable {
  table: TableInput;
  typeName: string;
  /** In the GraphQL API (is_api_enabled and its root fields are unique). */
  api: boolean;
  columns: ResolvedColumn[];
  pk: ResolvedColumn | null;
  one: string;
  many: string;
  relationFields: RelationField[];
}

export interface ResolvedModel {
  tables: ResolvedTable[];
  problems: Problem[];
}

const ENUM_VALUE_RESERVED = new Set(["true", "false", "null"]);

export type ColumnOutcome = { ok: true; column: ResolvedColumn } | { ok: false; field: string; message: string };

function resolveColumn(table: TableInput, typeName: string, col: ColumnInput): ColumnOutcome {
  const name = col.graphql_field?.trim() || camelCase(col.pg_column);
  const nameProblem = graphqlNameProblem(name, "GraphQL field");
  if (nameProblem) return { ok: false, field: "graphql_field", message: nameProblem };
  const refText = col.graphql_type?.trim() || graphqlTypeFor(col.pg_type, col.pg_column);
  const ref = parseTypeRef(refText);
  if (!ref) return { ok: false, field: "graphql_type", message: `graphql_type "${refText}" is not a GraphQL type reference such as String, Int! or [ID].` };
  const options = parseEnumOptions(col.enum_options);
  if (!options.ok) return options;
  const pg = pgInfo(col.pg_type);
  let scalar: ScalarName | null = null;
  if (options.value) {
    const bad = options.value.find((o) => graphqlNameProblem(o.value, "x") || ENUM_VALUE_RESERVED.has(o.value));
    if (bad) return { ok: false, field: "enum_options", message: `Option "${bad.value}" cannot be a GraphQL enum value (letters, digits and _, not true/false/null).` };
    ref.name = `${typeName}${pascal(name)}`;
  } else if (SCALARS.includes(ref.name)) {
    scalar = ref.name as ScalarName;
  } else {
    return { ok: false, field: "graphql_type", message: `Unknown graphql_type "${ref.name}": use ${SCALARS.join(", ")} (relations give object fields).` };
  }
  if (pg.array !== ref.list) {
    return { ok: false, field: "graphql_type", message: pg.array ? `${col.pg_type} is an array: graphql_type must be a list such as [${ref.name}].` : `graphql_type "${refText}" is a list, but ${col.pg_type} is not an array.` };
  }
  const rules = parseRules(col.validation_rules);
  if (!rules.ok) return rules;
  const constraints = col.pg_constraints && typeof col.pg_constraints === "object" ? (col.pg_constraints as Record<string, unknown>) : {};
  const nonNull = col.is_required === true || col.is_primary_key === true || constraints.notNull === true || ref.nonNull || table.primary_key === col.pg_column;
  const formType = col.form_type?.trim() || formTypeFor(col.pg_type, col.pg_column, options.value !== null);
  if (!(FORM_TYPES as readonly string[]).includes(formType)) {
    return { ok: false, field: "form_type", message: `Unknown form_type "${formType}": one of ${FORM_TYPES.join(", ")}.` };
  }
  const made = columnRule({
    name,
    label: col.label || col.pg_column,
    scalar,
    list: ref.list,
    itemNonNull: ref.itemNonNull,
    pg,
    required: nonNull,
    rules: rules.value,
    email: formType === "email",
    enumValues: options.value?.map((o) => o.value) ?? null,
  });
  if ("problem" in made) return { ok: false, field: "validation_rules", message: made.problem };
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
      hasDefault: Boolean(col.default_value?.trim()) || (constraints.default !== undefined && constraints.default !== null) || isSerialPg(pg.base),
      generated: isSerialPg(pg.base),
      pg,
      formType,
      rule: made.rule,
    },
  };
}

/**
 * A column's outcome depends on the column, its table's key and its type name only: kept per column row object by
 * a caller that keeps unchanged rows (`metadata:generate --watch`) and never mutates them. Outcomes are shared.
 */
export type ColumnCache = WeakMap<ColumnInput, { typeName: string; primaryKey: string | null; outcome: ColumnOutcome }>;

function resolveColumnOnce(table: TableInput, typeName: string, col: ColumnInput, cache: ColumnCache | undefined): ColumnOutcome {
  const hit = cache?.get(col);
  if (hit && hit.typeName === typeName && hit.primaryKey === table.primary_key) return hit.outcome;
  const outcome = resolveColumn(table, typeName, col);
  cache?.set(col, { typeName, primaryKey: table.primary_key, outcome });
  return outcome;
}

const byOrder = (a: ColumnInput, b: ColumnInput) => (a.sort_order ?? 0) - (b.sort_order ?? 0) || a.id - b.id;
const byName = (a: TableInput, b: TableInput) =>
  a.schema_name.localeCompare(b.schema_name) || a.table_name.localeCompare(b.table_name) || a.id - b.id;

export const typeNameOf = (t: Pick<TableInput, "graphql_type" | "table_name">) => t.graphql_type?.trim() || graphqlTypeForTable(t.table_name);

/** Checks the whole model, lists every problem, and keeps only what can be generated correctly. */
export function resolveModel(input: CodegenInput, cache?: ColumnCache): ResolvedModel {
  const problems: Problem[] = [];
  const tableProblem = (t: TableInput, field: string, message: string) =>
    problems.push({ tableId: t.id, table: t.table_name, target: { kind: "table", field }, message });
  const counts = new Map<string, number>();
  for (const { typeName } of input.allTypeNames ?? input.tables.map((t) => ({ typeName: typeNameOf(t) }))) {
    counts.set(typeName, (counts.get(typeName) ?? 0) + 1);
  }
  const tables: ResolvedTable[] = [];
  for (const table of [...input.tables].sort(byName)) {
    const typeName = typeNameOf(table);
    const problem =
      graphqlNameProblem(typeName, "GraphQL type") ??
      (RESERVED_TYPE_NAMES.has(typeName) ? `GraphQL type "${typeName}" is reserved (a scalar or root type).` : null) ??
      ((counts.get(typeName) ?? 0) > 1 ? `GraphQL type "${typeName}" is used by more than one table.` : null);
    if (problem) {
      tableProblem(table, "graphql_type", problem);
      continue;
    }
    const outcomes = [...table.columns].sort(byOrder).map((col) => ({ col, outcome: resolveColumnOnce(table, typeName, col, cache) }));
    const names = new Map<string, number>();
    for (const { outcome } of outcomes) if (outcome.ok) names.set(outcome.column.name, (names.get(outcome.column.name) ?? 0) + 1);
    const columns: ResolvedColumn[] = [];
    for (const { col, outcome } of outcomes) {
      const fail = !outcome.ok
        ? outcome
        : names.get(outcome.column.name)! > 1
          ? { field: "graphql_field", message: `Two columns map to the GraphQL field "${outcome.column.name}".` }
          : counts.has(outcome.column.ref.name) && outcome.column.scalar === null
            ? { field: "graphql_field", message: `The enum type "${outcome.column.ref.name}" has the name of a table's type.` }
            : null;
      if (fail) {
        problems.push({ tableId: table.id, table: table.table_name, target: { kind: "column", columnId: col.id, column: col.pg_column, field: fail.field }, message: fail.message });
      } else if (outcome.ok) columns.push(outcome.column);
    }
    let pk = columns.find((c) => c.col.pg_column === table.primary_key) ?? null;
    if (!table.primary_key) pk = columns.find((c) => c.col.is_primary_key) ?? null;
    if (table.primary_key && !table.columns.some((c) => c.pg_column === table.primary_key)) {
      tableProblem(table, "primary_key", `The primary key "${table.primary_key}" is not a column of ${table.table_name}.`);
    }
    const one = typeName[0].toLowerCase() + typeName.slice(1);
    const plural = table.table_name.split(/[^A-Za-z0-9]+/).filter(Boolean).map((p, i) => (i ? pascal(p) : p)).join("");
    const many = plural && plural !== one && !/^[0-9]/.test(plural) ? plural : `${one}List`;
    tables.push({ table, typeName, api: table.is_api_enabled === true, columns, pk, one, many, relationFields: [] });
  }
  dropClashingNames(tables, problems);
  const rootNames = new Map<string, number>();
  for (const t of tables.filter((x) => x.api)) for (const n of [t.one, t.many]) rootNames.set(n, (rootNames.get(n) ?? 0) + 1);
  for (const t of tables) {
    if (t.api && (rootNames.get(t.one)! > 1 || rootNames.get(t.many)! > 1)) {
      tableProblem(t.table, "table_name", `The query fields "${t.one}" / "${t.many}" of ${t.typeName} clash with another table's.`);
      t.api = false;
    }
  }
  problems.push(...resolveRelations(tables, input));
  return { tables, problems };
}

/** Every name a table puts into the generated files (types, schemas, inputs, form component, enums). */
function generatedNames(t: ResolvedTable): string[] {
  const T = t.typeName;
  return [T, `${T}Schema`, `${T}Row`, `${T}FormSchema`, `${T}Form`, `${T}FormValues`, `${T}FormInput`, `Create${T}Input`, `Update${T}Input`, ...t.columns.filter((c) => c.enumOptions).map((c) => c.ref.name)];
}

/** Two tables whose generated names meet (User + UserForm → UserFormSchema twice) are both left out, with a problem. */
function dropClashingNames(tables: ResolvedTable[], problems: Problem[]) {
  const owners = new Map<string, number>();
  for (const t of tables) for (const n of new Set(generatedNames(t))) owners.set(n, (owners.get(n) ?? 0) + 1);
  for (let i = tables.length - 1; i >= 0; i--) {
    const t = tables[i];
    const names = generatedNames(t);
    const clash = names.find((n, at) => owners.get(n)! > 1 || names.indexOf(n) !== at || (n !== t.typeName && RESERVED_TYPE_NAMES.has(n)));
    if (!clash) continue;
    problems.push({ tableId: t.table.id, table: t.table.table_name, target: { kind: "table", field: "graphql_type" }, message: `The generated name "${clash}" of ${t.typeName} clashes with another generated name; rename the type or the field.` });
    tables.splice(i, 1);
  }
}

/** The fields of a create or update input: the key is never updated, serial values never sent. */
export function inputColumns(t: ResolvedTable, kind: "Create" | "Update"): ResolvedColumn[] {
  return t.columns.filter((c) => c.col.is_graphql_input !== false && !(kind === "Create" ? c.generated : c === t.pk));
}
