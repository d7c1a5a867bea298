import { z } from "zod";
import { identifier, longText, MAX_LONG_TEXT, optionalIdentifier } from "./fields";
import { BOUNDED_IDENTIFIER_PATTERN, MAX_IDENTIFIER_BYTES } from "./identifier";
import { jsonTextOf } from "./json-text";
import { boolField, castsOf, field, kindsOf, labelsOf, requiredField, schemaOf, textField, entityFields } from "./registry";
import { vmsg } from "../i18n/messages";

export const INDEX_TYPES = ["BTREE", "UNIQUE", "GIN", "GIST", "HASH", "BRIN"] as const;

export const apiPermissionsValue = z
  .object({ read: z.string().max(100).optional(), write: z.string().max(100).optional(), delete: z.string().max(100).optional() })
  .catchall(z.string().max(100));
export const tableConstraintsValue = z.object({
  checks: z
    .array(
      z.object({
        name: z.string().regex(BOUNDED_IDENTIFIER_PATTERN, { error: () => vmsg("checkNameChars") }),
        condition: z
          .string({ error: () => vmsg("checkNeedsCondition") })
          .max(10_000, { error: () => vmsg("checkConditionTooLong", { max: 10_000 }), abort: true })
          .trim()
          .min(1, { error: () => vmsg("checkNeedsCondition") }),
      }),
    )
    .default([]),
});
export const indexesValue = z.array(
  z.object({
    columns: z.array(z.string().regex(BOUNDED_IDENTIFIER_PATTERN, { error: () => vmsg("indexColumnNames") })).min(1, { error: () => vmsg("indexNeedsColumn") }),
    type: z.enum(INDEX_TYPES, { error: () => vmsg("indexType", { types: INDEX_TYPES.join(", ") }) }),
    // Optional: the index's name (kept by an import) and a partial index's WHERE condition, an SQL expression
    // the server parses before it reaches DDL (lib/sync/probe.ts).
    name: z.string().regex(BOUNDED_IDENTIFIER_PATTERN, { error: () => vmsg("indexNameChars") }).optional(),
    where: z.string().trim().min(1, { error: () => vmsg("partialIndexEmpty") }).max(4000, { error: () => vmsg("atMostChars", { max: 4000 }) }).optional(),
  }),
);

export const GRAPHQL_TYPE_PATTERN = /^([A-Z][A-Za-z0-9]*)?$/;

export const JSON_HINTS = {
  api_permissions: '{"read": "public", "write": "authenticated", "delete": "admin"}',
  table_constraints: '{"checks": [{"name": "check_status", "condition": "status IN (\'ACTIVE\', \'INACTIVE\')"}]}',
  indexes: '[{"columns": ["email"], "type": "UNIQUE"}, {"columns": ["created_at"], "type": "BTREE"}]',
} as const;

/** mappings_table's editable fields, declared once (see registry.ts). */
export const TABLE_FIELDS = entityFields("table", {
  schema_name: field("required", "Schema", identifier("Schema"), { max: MAX_IDENTIFIER_BYTES, width: 110 }),
  table_name: field("required", "Table name", identifier("Table name"), {
    max: MAX_IDENTIFIER_BYTES,
    width: 200,
    hint: "e.g. order_items; case-sensitive (User and user are two tables), always quoted in SQL",
  }),
  label: requiredField("Label", 200, { width: 180, hint: "Shown in the UI, e.g. 사용자" }),
  graphql_type: textField("GraphQL type", 100, {
    pattern: [GRAPHQL_TYPE_PATTERN, () => vmsg("pascalCase")],
    width: 160,
    hint: "PascalCase; suggested from the name",
  }),
  description: field("text", "Description", longText, { max: MAX_LONG_TEXT, width: 260 }),
  primary_key: field("text", "Primary key", optionalIdentifier, { max: MAX_IDENTIFIER_BYTES, width: 120 }),
  is_api_enabled: boolField("API enabled", { width: 110 }),
  api_permissions: field("json", "API permissions", jsonTextOf(apiPermissionsValue), { hint: JSON_HINTS.api_permissions }),
  table_constraints: field("json", "Table constraints", jsonTextOf(tableConstraintsValue), { hint: JSON_HINTS.table_constraints }),
  indexes: field("json", "Indexes", jsonTextOf(indexesValue), { hint: JSON_HINTS.indexes }),
});

export const tableSchema = schemaOf(TABLE_FIELDS);
export type TableValues = z.infer<typeof tableSchema>;
export type TableField = keyof TableValues;
export const TABLE_FIELD_KINDS = kindsOf(TABLE_FIELDS);
export const TABLE_LABELS = labelsOf(TABLE_FIELDS);
export const TABLE_SQL_CASTS = castsOf(TABLE_FIELDS);

export const tableDefaults: TableValues = {
  schema_name: "public",
  table_name: "",
  graphql_type: "",
  label: "",
  description: "",
  primary_key: "id",
  is_api_enabled: true,
  api_permissions: "",
  table_constraints: "",
  indexes: "",
};
