import { z } from "zod";
import { text, longText, MAX_LONG_TEXT, identifier, intText, type FieldKind } from "./fields";
import { BOUNDED_IDENTIFIER_PATTERN, MAX_IDENTIFIER_BYTES } from "./identifier";
import { jsonText, jsonTextOf } from "./json-text";
import { boolField, castsOf, field, kindsOf, labelsOf, requiredField, schemaOf, textField, type FieldSpec, entityFields } from "./registry";
import { regexProblem } from "./regex";
import { say, translateLabel, vmsg } from "../i18n/messages";

export { regexProblem } from "./regex";

/**
 * A PostgreSQL type as written in DDL: an optional schema (an enum imported from another schema), name words, optional (n) or (p,s) with trailing words after it
 * (TIMESTAMP(3) WITH TIME ZONE), optional []s. A schema or a type name may be double-quoted, as format_type
 * prints a mixed-case enum (`"Role"`, `public."Role"`, `"Auth"."Role"[]`); inside the quotes only a name the
 * editor accepts, so no quote, space or `;` can get through. Each part can match a given character in one way only
 * (words after the parenthesis, never beside the leading ones; a quoted part starts with its quote), so matching is
 * linear; the server confirms the type (to_regtype).
 */
export const PG_TYPE_PATTERN =
  /^(?:(?:[A-Za-z_][A-Za-z0-9_]*|"[A-Za-z_][A-Za-z0-9_]*")\.)?(?:"[A-Za-z_][A-Za-z0-9_]*"|[A-Za-z_][A-Za-z0-9_]*(?: [A-Za-z_][A-Za-z0-9_]*)*(?:\( *\d+ *(?:, *\d+ *)?\)(?: [A-Za-z]+)*)?)(?:\[\])*$/;
const PG_TYPE_MESSAGE = { error: () => vmsg("pgType") };
const GRAPHQL_NAME: [RegExp, () => string] = [/^([_A-Za-z][_0-9A-Za-z]*)?$/, () => vmsg("graphqlName")];

export const enumOptionsValue = z
  .array(
    z.object(
      {
        value: z.string({ error: () => vmsg("textExpected") }).min(1, { error: () => say("server.optionValueRequired") }).max(500, { error: () => vmsg("atMostChars", { max: 500 }) }),
        label: z.string({ error: () => vmsg("textExpected") }).max(500, { error: () => vmsg("atMostChars", { max: 500 }) }),
      },
      { error: () => vmsg("jsonObject") },
    ),
    { error: () => vmsg("jsonArray") },
  )
  .max(1000, { error: () => say("server.tooManyOptions") })
  .superRefine((options, ctx) => {
    const seen = new Set<string>();
    options.forEach((o, i) => {
      if (seen.has(o.value)) ctx.addIssue({ code: "custom", path: [i, "value"], message: say("server.optionTwice", { value: o.value }) });
      seen.add(o.value);
    });
  });

// The type errors too: zod's own default messages are English.
const nonNegativeInt = z.number({ error: () => vmsg("wholeNumberExpected") }).int({ error: () => vmsg("wholeNumber") }).min(0, { error: () => say("server.notNegative") });
export const validationRulesValue = z
  .object({
    minLength: nonNegativeInt.optional(),
    maxLength: nonNegativeInt.optional(),
    pattern: z
      .string({ error: () => vmsg("textExpected") })
      .max(1000, { error: () => vmsg("atMostChars", { max: 1000 }), abort: true })
      .optional()
      .superRefine((p, ctx) => {
        const problem = p === undefined ? null : regexProblem(p);
        if (problem) ctx.addIssue({ code: "custom", message: `${problem}` });
      }),
    email: z.boolean({ error: () => vmsg("boolExpected") }).optional(),
    min: z.number({ error: () => vmsg("numberExpected") }).optional(),
    max: z.number({ error: () => vmsg("numberExpected") }).optional(),
  })
  .catchall(z.unknown())
  .superRefine((r, ctx) => {
    if (r.minLength !== undefined && r.maxLength !== undefined && r.minLength > r.maxLength) {
      ctx.addIssue({ code: "custom", path: ["maxLength"], message: vmsg("maxLengthBelow") });
    }
    if (r.min !== undefined && r.max !== undefined && r.min > r.max) {
      ctx.addIssue({ code: "custom", path: ["max"], message: vmsg("maxBelow") });
    }
  });

export const pgConstraintsValue = z
  .object({
    notNull: z.boolean().optional(),
    default: z.union([z.string(), z.number(), z.boolean(), z.null()]).optional(),
    check: z.string().optional(),
  })
  .catchall(z.unknown());

/** index_config: a JSON object whose name, when given, becomes the index's name in DDL, so it must be one. */
const indexConfigText = jsonText("object", (value) => {
  const name = (value as { name?: unknown }).name;
  return name !== undefined && (typeof name !== "string" || !BOUNDED_IDENTIFIER_PATTERN.test(name)) ? `name: ${vmsg("indexNameChars")}` : null;
});

export const COLUMN_JSON_HINTS: Partial<Record<ColumnField, string>> = {
  pg_constraints: '{"notNull": true, "default": "ACTIVE", "check": "status IN (\'ACTIVE\', \'INACTIVE\')"}',
  enum_options: '[{"value": "ACTIVE", "label": "활성"}, {"value": "INACTIVE", "label": "비활성"}]',
  validation_rules: '{"minLength": 3, "maxLength": 50, "pattern": "^[a-zA-Z0-9]+$", "email": true}',
  search_config: '{"weight": "A", "language": "korean", "boost": 2.0}',
  data_transformation: '{"type": "map", "from": "user.email"}',
  api_endpoints: '["github_user_api"]',
  index_config: '{"type": "BTREE", "name": "idx_users_email"}',
};

const group = (id: string) => ({ group: id });
const json = (label: string, schema: z.ZodString, groupId: string, extra: Partial<FieldSpec> = {}) =>
  field("json", label, schema, { ...group(groupId), ...extra });

/** mappings_column's editable fields, declared once, in the spec's order (see registry.ts). */
export const COLUMN_FIELDS = entityFields("column", {
  pg_column: field("required", "Column name", identifier("Column name"), { max: MAX_IDENTIFIER_BYTES, width: 180, ...group("database") }),
  pg_type: field("text", "PostgreSQL type", text(100).regex(PG_TYPE_PATTERN, PG_TYPE_MESSAGE), { max: 100, ...group("database") }),
  pg_constraints: json("PG constraints", jsonTextOf(pgConstraintsValue), "database"),
  graphql_field: textField("GraphQL field", 100, { pattern: GRAPHQL_NAME, ...group("graphql") }),
  graphql_type: textField("GraphQL type", 50, {
    pattern: [/^(\[?[_A-Za-z][_0-9A-Za-z]*!?\]?!?)?$/, () => vmsg("graphqlType")],
    ...group("graphql"),
  }),
  graphql_resolver: field("text", "GraphQL resolver", longText, { max: MAX_LONG_TEXT, ...group("graphql") }),
  is_graphql_input: boolField("GraphQL input", group("graphql")),
  is_graphql_output: boolField("GraphQL output", group("graphql")),
  label: requiredField("Label", 200, { width: 180, ...group("ui") }),
  form_type: textField("Form type", 50, group("ui")),
  is_required: boolField("Required", group("ui")),
  is_visible: boolField("Visible", group("ui")),
  sort_order: field("int", "Sort order", intText, group("ui")),
  default_value: field("text", "Default value", longText, { max: MAX_LONG_TEXT, ...group("validation") }),
  enum_options: json("Enum options", jsonTextOf(enumOptionsValue), "validation"),
  validation_rules: json("Validation rules", jsonTextOf(validationRulesValue), "validation"),
  placeholder: textField("Placeholder", 200, group("help")),
  help_text: field("text", "Help text", longText, { max: MAX_LONG_TEXT, ...group("help") }),
  api_source_key: textField("API source key", 200, group("api")),
  api_source_path: textField("API source path", 500, group("api")),
  api_source_type: textField("API source type", 100, group("api")),
  data_transformation: json("Data transformation", jsonText(), "api"),
  is_api_field: boolField("API field", group("api")),
  api_default_value: field("text", "API default value", longText, { max: MAX_LONG_TEXT, ...group("api") }),
  api_endpoints: json("API endpoints", jsonText(), "api"),
  permission_read: textField("Permission read", 100, group("permissions")),
  permission_write: textField("Permission write", 100, group("permissions")),
  is_searchable: boolField("Searchable", group("search")),
  is_sortable: boolField("Sortable", group("search")),
  is_filterable: boolField("Filterable", group("search")),
  search_config: json("Search config", jsonText("object"), "search"),
  is_primary_key: boolField("Primary key", group("index")),
  is_unique: boolField("Unique", group("index")),
  is_indexed: boolField("Indexed", group("index")),
  index_config: json("Index config", indexConfigText, "index"),
  comment: field("text", "Comment", longText, { max: MAX_LONG_TEXT, ...group("notes") }),
  remark: field("text", "Remark", longText, { max: MAX_LONG_TEXT, ...group("notes") }),
});
for (const [name, hint] of Object.entries(COLUMN_JSON_HINTS)) COLUMN_FIELDS[name as keyof typeof COLUMN_FIELDS].hint = hint;

export const columnSchema = schemaOf(COLUMN_FIELDS);
export type ColumnValues = z.infer<typeof columnSchema>;
export type ColumnField = keyof ColumnValues;
export const COLUMN_FIELD_KINDS: Record<ColumnField, FieldKind> = kindsOf(COLUMN_FIELDS);
export const COLUMN_LABELS: Record<ColumnField, string> = labelsOf(COLUMN_FIELDS);
export const COLUMN_SQL_CASTS = castsOf(COLUMN_FIELDS);
export const JSON_COLUMN_FIELDS = (Object.keys(COLUMN_FIELDS) as ColumnField[]).filter((f) => COLUMN_FIELD_KINDS[f] === "json");

const GROUP_TITLES = {
  database: "Database",
  graphql: "GraphQL",
  ui: "UI",
  validation: "Validation",
  help: "Help",
  api: "API source",
  permissions: "Permissions",
  search: "Search",
  index: "Index",
  notes: "Notes",
} as const;

/** The column groups of the spec's DDL, used to toggle grid columns and to lay out the form. */
export const COLUMN_GROUPS: { id: string; title: string; fields: ColumnField[] }[] = Object.entries(GROUP_TITLES).map(
  ([id, title]) => ({ id, title, fields: (Object.keys(COLUMN_FIELDS) as ColumnField[]).filter((f) => COLUMN_FIELDS[f].group === id) }),
);

/** A new column row: the spec's defaults. */
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
export const newColumnSchema = columnSchema
  .pick({
    pg_column: true,
    pg_type: true,
    label: true,
    graphql_field: true,
    graphql_type: true,
    form_type: true,
    is_required: true,
    is_unique: true,
    is_primary_key: true,
  })
  .extend({
    pg_type: text(100).min(1, { error: () => vmsg("required", { label: translateLabel("PostgreSQL type") }), abort: true }).regex(PG_TYPE_PATTERN, PG_TYPE_MESSAGE),
    // Paste rows may carry a help text and a default (pg_constraints); the Add-column form leaves them out.
    help_text: COLUMN_FIELDS.help_text.schema.optional(),
    pg_constraints: COLUMN_FIELDS.pg_constraints.schema.optional(),
  });
export type NewColumnValues = z.infer<typeof newColumnSchema>;
