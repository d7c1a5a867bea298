import { currentLocale } from "../i18n/messages";
import { camelCase, formTypeFor, graphqlTypeFor, graphqlTypeForTable, labelFor, pascalCase, singular, snakeCase } from "../metadata/derive";
import { columnDefaults, columnSchema, type ColumnField, type ColumnValues } from "../schemas/column";
import { tableDefaults, tableSchema, type TableField, type TableValues } from "../schemas/table";
import type { z } from "zod";
import { enumTypeName, type ColumnModel, type EnumModel, type ForeignKeyModel, type TableModel } from "./model";

/**
 * `schema.parse(row)` for rows that repeat their values (an import's 20,000 columns share a handful of types,
 * constraints, defaults and flags): each field's own schema runs once per distinct value. The entity schemas are
 * plain objects of per-field schemas (lib/schemas/registry.ts, no object-level refinement), so checking field by
 * field is the same check; a refused value re-parses the whole row, which throws its ZodError as before.
 */
function parserOf<S extends z.ZodObject>(schema: S): (row: Record<string, unknown>) => z.output<S> {
  const shape = schema.shape as Record<string, z.ZodType>;
  const fields = Object.keys(shape);
  // Per field, value → its parsed value (a Map tells the string "true" from the boolean true).
  const seen = fields.map(() => new Map<string | boolean, unknown>());
  return (row) => {
    const out: Record<string, unknown> = {};
    for (let i = 0; i < fields.length; i++) {
      const f = fields[i];
      const v = row[f];
      if (typeof v !== "string" && typeof v !== "boolean") return schema.parse(row);
      const known = seen[i];
      if (!known.has(v)) {
        const r = shape[f].safeParse(v);
        if (!r.success) return schema.parse(row);
        if (known.size >= 10_000) known.clear();
        known.set(v, r.data);
      }
      out[f] = known.get(v);
    }
    return out as z.output<S>;
  };
}
const parseTable = parserOf(tableSchema);
const parseColumn = parserOf(columnSchema);

/**
 * Catalog → metadata rows (as the edit forms' values, parsed by the same zod schemas). Only the
 * database-side fields below are ever refreshed on a row a person may have edited; everything else
 * (labels, help, placeholders, validation, permissions, API and GraphQL names) is derived once, on add.
 */
export const DATABASE_TABLE_FIELDS: TableField[] = ["primary_key", "table_constraints", "indexes", "description"];
export const DATABASE_COLUMN_FIELDS: ColumnField[] = ["pg_type", "pg_constraints", "is_primary_key", "is_unique", "is_indexed", "index_config", "enum_options", "comment"];

/** JSON with keys sorted, so two spellings of one value compare equal. */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

const json = (value: unknown) => (value === null || value === undefined ? "" : JSON.stringify(value));

/** Single-column, plain, non-unique indexes live on the column (is_indexed + index_config); the rest on the table. */
export function isColumnIndex(t: TableModel, i: TableModel["indexes"][number]): boolean {
  return i.columns.length === 1 && !i.unique && i.where === null && t.indexes.filter((x) => x.columns.length === 1 && x.columns[0] === i.columns[0] && !x.unique && x.where === null).length === 1;
}

export function tableValuesFrom(t: TableModel, existing: TableValues | null): TableValues {
  const tableIndexes = t.indexes.filter((i) => !isColumnIndex(t, i));
  const database: Partial<TableValues> = {
    primary_key: t.primaryKey.length === 1 ? t.primaryKey[0] : "",
    table_constraints: t.checks.length ? json({ checks: t.checks.map((c) => ({ name: c.name, condition: c.condition })) }) : "",
    indexes: tableIndexes.length
      ? json(
          tableIndexes.map((i) => ({
            columns: i.columns,
            type: i.unique ? "UNIQUE" : i.method.toUpperCase(),
            ...(i.name ? { name: i.name } : {}),
            ...(i.where ? { where: i.where } : {}),
          })),
        )
      : "",
  };
  // A comment in the database wins; without one, a description a person wrote stays (the plan writes it).
  if (t.comment || !existing) database.description = t.comment ?? "";
  const base: TableValues = existing ?? {
    ...tableDefaults,
    schema_name: t.schema,
    table_name: t.name,
    graphql_type: graphqlTypeForTable(t.name),
    label: labelFor(t.name),
  };
  return parseTable({ ...base, ...database });
}

/**
 * The Add-column form's derived names for a column; 20,000 imported columns repeat a few hundred (name, type) pairs.
 * The label is in the request's language (labelFor), so the locale is part of the key.
 */
const derived = new Map<string, Pick<ColumnValues, "graphql_field" | "graphql_type" | "form_type" | "label">>();
function derivedColumnFields(name: string, pgType: string, isEnum: boolean) {
  const locale = currentLocale();
  const key = `${locale}\u0000${name}\u0000${pgType}\u0000${isEnum}`;
  let fields = derived.get(key);
  if (!fields) {
    fields = { graphql_field: camelCase(name), graphql_type: graphqlTypeFor(pgType, name), form_type: formTypeFor(pgType, name, isEnum), label: labelFor(name, locale) };
    if (derived.size >= 10_000) derived.clear();
    derived.set(key, fields);
  }
  return fields;
}

export function columnValuesFrom(
  t: TableModel,
  c: ColumnModel,
  position: number,
  enums: Map<string, EnumModel>,
  existing: ColumnValues | null,
): ColumnValues {
  const columnIndex = t.indexes.find((i) => i.columns[0] === c.name && isColumnIndex(t, i));
  const enumType = enums.get(c.type);
  const previous = existing?.pg_constraints ? (JSON.parse(existing.pg_constraints) as Record<string, unknown>) : {};
  const { notNull: _n, default: _d, identity: _i, check: _c, ...kept } = previous;
  void [_n, _d, _i, _c];
  const pgConstraints = { ...kept, notNull: c.notNull, ...(c.default !== null ? { default: c.default } : {}), ...(c.identity ? { identity: c.identity } : {}) };
  const pgType = c.serial ? c.serial.toUpperCase() : c.type;
  let enumOptions = existing?.enum_options ?? "";
  if (enumType) {
    const before = new Map<string, string>(
      existing?.enum_options ? (JSON.parse(existing.enum_options) as { value: string; label: string }[]).map((o) => [o.value, o.label]) : [],
    );
    enumOptions = json(enumType.labels.map((value) => ({ value, label: before.get(value) ?? value })));
  }
  const database: Partial<ColumnValues> = {
    pg_type: pgType,
    pg_constraints: json(pgConstraints),
    is_primary_key: t.primaryKey.includes(c.name),
    is_unique: t.uniques.some((u) => u.column === c.name),
    is_indexed: columnIndex !== undefined,
    index_config: columnIndex ? json({ type: columnIndex.method.toUpperCase(), ...(columnIndex.name ? { name: columnIndex.name } : {}) }) : "",
    enum_options: enumOptions,
  };
  if (c.comment || !existing) database.comment = c.comment ?? "";
  const base: ColumnValues = existing ?? {
    ...columnDefaults,
    ...derivedColumnFields(c.name, pgType, enumType !== undefined),
    pg_column: c.name,
    is_required: c.notNull && c.default === null && !c.serial && !c.identity,
    sort_order: String(position),
  };
  return parseColumn({ ...base, ...database });
}

/**
 * A new relation's fields: ManyToOne (OneToOne when the column is unique, by a constraint or, as Prisma makes it, a
 * unique index), named after the column without its id (author_id, authorId → author). A column that names no id
 * (Prisma's "A", Chinook's "ReportsTo") would give the column's own field: the target table names the relation
 * instead (category), and on a self-reference both (reportsToEmployee), since the table's own name is taken.
 */
export function relationFieldsFrom(fk: ForeignKeyModel, from: TableModel) {
  const unique =
    from.uniques.some((u) => u.column === fk.column) ||
    from.indexes.some((i) => i.unique && i.where === null && i.columns.length === 1 && i.columns[0] === fk.column) ||
    (from.primaryKey.length === 1 && from.primaryKey[0] === fk.column);
  const own = camelCase(fk.column);
  let field = camelCase(snakeCase(fk.column).replace(/_id$/, "")) || camelCase(fk.toTable);
  if (field === own) field = fk.toSchema === fk.schema && fk.toTable === fk.table ? own + pascalCase(singular(snakeCase(fk.toTable))) : camelCase(singular(snakeCase(fk.toTable)));
  return { relation_type: unique ? ("OneToOne" as const) : ("ManyToOne" as const), graphql_field: field };
}

/** Enum types by the spelling format_type gives columns of that type. */
export function enumsByType(enums: EnumModel[]): Map<string, EnumModel> {
  return new Map(enums.map((e) => [enumTypeName(e), e]));
}
