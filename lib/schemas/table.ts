import { z } from "zod";
import { type FieldKind, identifier, longText, optionalIdentifier, requiredText, text } from "./fields";
import { jsonTextOf } from "./json-text";

export const INDEX_TYPES = ["BTREE", "UNIQUE", "GIN", "GIST", "HASH", "BRIN"] as const;

export const apiPermissionsValue = z
  .object({ read: z.string().max(100).optional(), write: z.string().max(100).optional(), delete: z.string().max(100).optional() })
  .catchall(z.string().max(100));
export const tableConstraintsValue = z.object({
  checks: z
    .array(
      z.object({
        name: z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/, "A check's name is a snake_case identifier."),
        condition: z.string({ error: "A check needs a condition." }).trim().min(1, "A check needs a condition."),
      }),
    )
    .default([]),
});
export const indexesValue = z.array(
  z.object({
    columns: z.array(z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/, "Index columns are snake_case column names.")).min(1, "An index needs at least one column."),
    type: z.enum(INDEX_TYPES, { error: `Index type is one of ${INDEX_TYPES.join(", ")}.` }),
    // Optional: the index's name (kept by an import) and a partial index's WHERE condition, an SQL expression
    // the server parses before it reaches DDL (lib/sync/probe.ts).
    name: z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/, "An index name is a snake_case identifier.").optional(),
    where: z.string().trim().min(1, "A partial index's condition cannot be empty.").max(4000, "At most 4,000 characters.").optional(),
  }),
);

export const GRAPHQL_TYPE_PATTERN = /^([A-Z][A-Za-z0-9]*)?$/;

export const tableSchema = z.object({
  schema_name: identifier("Schema"),
  table_name: identifier("Table name"),
  graphql_type: text(100).regex(GRAPHQL_TYPE_PATTERN, "PascalCase, e.g. OrderItem."),
  label: requiredText(200, "Label"),
  description: longText,
  primary_key: optionalIdentifier,
  is_api_enabled: z.boolean(),
  api_permissions: jsonTextOf(apiPermissionsValue),
  table_constraints: jsonTextOf(tableConstraintsValue),
  indexes: jsonTextOf(indexesValue),
});
export type TableValues = z.infer<typeof tableSchema>;
export type TableField = keyof TableValues;

export const TABLE_FIELD_KINDS: Record<TableField, FieldKind> = {
  schema_name: "required",
  table_name: "required",
  graphql_type: "text",
  label: "required",
  description: "text",
  primary_key: "text",
  is_api_enabled: "bool",
  api_permissions: "json",
  table_constraints: "json",
  indexes: "json",
};

export const JSON_HINTS = {
  api_permissions: '{"read": "public", "write": "authenticated", "delete": "admin"}',
  table_constraints: '{"checks": [{"name": "check_status", "condition": "status IN (\'ACTIVE\', \'INACTIVE\')"}]}',
  indexes: '[{"columns": ["email"], "type": "UNIQUE"}, {"columns": ["created_at"], "type": "BTREE"}]',
} as const;

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
