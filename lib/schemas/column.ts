import { z } from "zod";
import { type FieldKind, identifier, intText, longText, requiredText, text } from "./fields";
import { jsonText, jsonTextOf } from "./json-text";

/**
 * A PostgreSQL type as written in DDL: an optional schema (an enum imported from another schema), name words,
 * optional (n) or (p,s), optional []s. The server confirms it.
 */
export const PG_TYPE_PATTERN = /^([a-z_][a-z0-9_]*\.)?[A-Za-z_][A-Za-z0-9_]*( [A-Za-z_][A-Za-z0-9_]*)*(\(\s*\d+\s*(,\s*\d+\s*)?\))?( [A-Za-z ]+)?(\[\])*$/;

export function regexProblem(pattern: string): string | null {
  try {
    new RegExp(pattern);
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

export const enumOptionsValue = z
  .array(z.object({ value: z.string().min(1, "Each option needs a value."), label: z.string() }))
  .superRefine((options, ctx) => {
    const seen = new Set<string>();
    options.forEach((o, i) => {
      if (seen.has(o.value)) ctx.addIssue({ code: "custom", path: [i, "value"], message: `Option value "${o.value}" appears twice.` });
      seen.add(o.value);
    });
  });

const nonNegativeInt = z.number().int("A whole number.").min(0, "Not negative.");
export const validationRulesValue = z
  .object({
    minLength: nonNegativeInt.optional(),
    maxLength: nonNegativeInt.optional(),
    pattern: z
      .string()
      .optional()
      .superRefine((p, ctx) => {
        const problem = p === undefined ? null : regexProblem(p);
        if (problem) ctx.addIssue({ code: "custom", message: `pattern does not compile: ${problem}` });
      }),
    email: z.boolean().optional(),
    min: z.number().optional(),
    max: z.number().optional(),
  })
  .catchall(z.unknown())
  .superRefine((r, ctx) => {
    if (r.minLength !== undefined && r.maxLength !== undefined && r.minLength > r.maxLength) {
      ctx.addIssue({ code: "custom", path: ["maxLength"], message: "maxLength is below minLength." });
    }
    if (r.min !== undefined && r.max !== undefined && r.min > r.max) {
      ctx.addIssue({ code: "custom", path: ["max"], message: "max is below min." });
    }
  });

export const pgConstraintsValue = z
  .object({
    notNull: z.boolean().optional(),
    default: z.union([z.string(), z.number(), z.boolean(), z.null()]).optional(),
    check: z.string().optional(),
  })
  .catchall(z.unknown());

export const columnSchema = z.object({
  pg_column: identifier("Column name"),
  pg_type: text(100).regex(PG_TYPE_PATTERN, "A PostgreSQL type such as VARCHAR(255), BIGINT or TIMESTAMPTZ."),
  pg_constraints: jsonTextOf(pgConstraintsValue),
  graphql_field: text(100).regex(/^([_A-Za-z][_0-9A-Za-z]*)?$/, "A GraphQL name: letters, digits, _ (camelCase)."),
  graphql_type: text(50).regex(/^(\[?[_A-Za-z][_0-9A-Za-z]*!?\]?!?)?$/, "A GraphQL type such as String, Int!, [ID]."),
  graphql_resolver: longText,
  is_graphql_input: z.boolean(),
  is_graphql_output: z.boolean(),
  label: requiredText(200, "Label"),
  form_type: text(50),
  is_required: z.boolean(),
  is_visible: z.boolean(),
  sort_order: intText,
  default_value: longText,
  enum_options: jsonTextOf(enumOptionsValue),
  validation_rules: jsonTextOf(validationRulesValue),
  placeholder: text(200),
  help_text: longText,
  api_source_key: text(200),
  api_source_path: text(500),
  api_source_type: text(100),
  data_transformation: jsonText(),
  is_api_field: z.boolean(),
  api_default_value: longText,
  api_endpoints: jsonText(),
  permission_read: text(100),
  permission_write: text(100),
  is_searchable: z.boolean(),
  is_sortable: z.boolean(),
  is_filterable: z.boolean(),
  search_config: jsonText("object"),
  is_primary_key: z.boolean(),
  is_unique: z.boolean(),
  is_indexed: z.boolean(),
  index_config: jsonText("object"),
  comment: longText,
  remark: longText,
});
export type ColumnValues = z.infer<typeof columnSchema>;
export type ColumnField = keyof ColumnValues;

const KIND_BY_SCHEMA = (field: ColumnField): FieldKind => {
  if (field === "pg_column" || field === "label") return "required";
  if (field === "sort_order") return "int";
  const schema = columnSchema.shape[field];
  if (schema instanceof z.ZodBoolean) return "bool";
  return JSON_COLUMN_FIELDS.includes(field) ? "json" : "text";
};

export const JSON_COLUMN_FIELDS: ColumnField[] = [
  "pg_constraints",
  "enum_options",
  "validation_rules",
  "data_transformation",
  "api_endpoints",
  "search_config",
  "index_config",
];

export const COLUMN_FIELD_KINDS = Object.fromEntries(
  (Object.keys(columnSchema.shape) as ColumnField[]).map((f) => [f, KIND_BY_SCHEMA(f)]),
) as Record<ColumnField, FieldKind>;

/** The column groups of the seed's DDL, used to toggle grid columns and to lay out the form. */
export const COLUMN_GROUPS: { id: string; title: string; fields: ColumnField[] }[] = [
  { id: "database", title: "Database", fields: ["pg_column", "pg_type", "pg_constraints"] },
  { id: "graphql", title: "GraphQL", fields: ["graphql_field", "graphql_type", "graphql_resolver", "is_graphql_input", "is_graphql_output"] },
  { id: "ui", title: "UI", fields: ["label", "form_type", "is_required", "is_visible", "sort_order"] },
  { id: "validation", title: "Validation", fields: ["default_value", "enum_options", "validation_rules"] },
  { id: "help", title: "Help", fields: ["placeholder", "help_text"] },
  {
    id: "api",
    title: "API source",
    fields: ["api_source_key", "api_source_path", "api_source_type", "data_transformation", "is_api_field", "api_default_value", "api_endpoints"],
  },
  { id: "permissions", title: "Permissions", fields: ["permission_read", "permission_write"] },
  { id: "search", title: "Search", fields: ["is_searchable", "is_sortable", "is_filterable", "search_config"] },
  { id: "index", title: "Index", fields: ["is_primary_key", "is_unique", "is_indexed", "index_config"] },
  { id: "notes", title: "Notes", fields: ["comment", "remark"] },
];

export const COLUMN_JSON_HINTS: Partial<Record<ColumnField, string>> = {
  pg_constraints: '{"notNull": true, "default": "ACTIVE", "check": "status IN (\'ACTIVE\', \'INACTIVE\')"}',
  enum_options: '[{"value": "ACTIVE", "label": "활성"}, {"value": "INACTIVE", "label": "비활성"}]',
  validation_rules: '{"minLength": 3, "maxLength": 50, "pattern": "^[a-zA-Z0-9]+$", "email": true}',
  search_config: '{"weight": "A", "language": "korean", "boost": 2.0}',
  data_transformation: '{"type": "map", "from": "user.email"}',
  api_endpoints: '["github_user_api"]',
  index_config: '{"type": "BTREE", "name": "idx_users_email"}',
};

/** A new column row: the seed's defaults. */
export const columnDefaults: ColumnValues = {
  pg_column: "",
  pg_type: "",
  pg_constraints: "",
  graphql_field: "",
  graphql_type: "",
  graphql_resolver: "",
  is_graphql_input: true,
  is_graphql_output: true,
  label: "",
  form_type: "text",
  is_required: false,
  is_visible: true,
  sort_order: "0",
  default_value: "",
  enum_options: "",
  validation_rules: "",
  placeholder: "",
  help_text: "",
  api_source_key: "",
  api_source_path: "",
  api_source_type: "",
  data_transformation: "",
  is_api_field: false,
  api_default_value: "",
  api_endpoints: "",
  permission_read: "public",
  permission_write: "authenticated",
  is_searchable: false,
  is_sortable: true,
  is_filterable: true,
  search_config: "",
  is_primary_key: false,
  is_unique: false,
  is_indexed: false,
  index_config: "",
  comment: "",
  remark: "",
};

/** Add-column form: the essentials; everything else gets derived or default values. */
export const newColumnSchema = columnSchema.pick({
  pg_column: true,
  pg_type: true,
  label: true,
  graphql_field: true,
  graphql_type: true,
  form_type: true,
  is_required: true,
  is_unique: true,
  is_primary_key: true,
}).extend({ pg_type: text(100).min(1, "PostgreSQL type is required.").regex(PG_TYPE_PATTERN, "A PostgreSQL type such as VARCHAR(255), BIGINT or TIMESTAMPTZ.") });
export type NewColumnValues = z.infer<typeof newColumnSchema>;
