/**
 * Metadata models for the generators' tests (and the bench): the issue's users/posts example and a model that
 * uses every type, rule and form control. Plain rows, as the loader returns them.
 */
import { deriveColumnDefaults } from "../metadata/derive";
import { DEFAULT_GENERATION_CONFIG, type CodegenInput, type ColumnInput, type RelationInput, type TableInput } from "./model";

let nextColumnId = 1;

/** A column with the editor's derived defaults (Add column), then the given fields. */
export function column(pg_column: string, pg_type: string, extra: Partial<ColumnInput> = {}): ColumnInput {
  const d = deriveColumnDefaults(pg_column, pg_type);
  return {
    id: nextColumnId++,
    pg_column,
    pg_type,
    pg_constraints: null,
    graphql_field: d.graphql_field,
    graphql_type: d.graphql_type,
    graphql_resolver: null,
    is_graphql_input: true,
    is_graphql_output: true,
    label: d.label,
    form_type: d.form_type,
    is_required: d.is_required,
    is_visible: true,
    sort_order: nextColumnId,
    default_value: null,
    enum_options: null,
    validation_rules: null,
    placeholder: null,
    help_text: null,
    permission_read: "public",
    permission_write: "authenticated",
    is_primary_key: d.is_primary_key,
    comment: null,
    ...extra,
  };
}

export function table(id: number, table_name: string, graphql_type: string, label: string, columns: ColumnInput[], extra: Partial<TableInput> = {}): TableInput {
  return { id, schema_name: "public", table_name, graphql_type, label, description: null, primary_key: "id", is_api_enabled: true, api_permissions: null, columns, ...extra };
}

export function relation(id: number, from: number, fromColumn: string, to: number, toColumn: string, type: string, field: string | null): RelationInput {
  return { id, from_table_id: from, from_column: fromColumn, to_table_id: to, to_column: toColumn, relation_type: type, graphql_field: field };
}

/** users 사용자 (email VARCHAR(255) required + unique, name); posts with user_id → users ManyToOne as author. */
export function usersPosts(): CodegenInput {
  return {
    config: DEFAULT_GENERATION_CONFIG,
    tables: [
      table(1, "users", "User", "사용자", [
        column("id", "BIGSERIAL", { sort_order: 1 }),
        column("email", "VARCHAR(255)", { label: "이메일", is_required: true, sort_order: 2, placeholder: "you@example.com" }),
        column("name", "VARCHAR(100)", { label: "이름", sort_order: 3 }),
      ]),
      table(2, "posts", "Post", "게시글", [
        column("id", "BIGSERIAL", { sort_order: 1 }),
        column("title", "VARCHAR(200)", { label: "제목", is_required: true, sort_order: 2 }),
        column("user_id", "BIGINT", { label: "작성자", sort_order: 3 }),
      ]),
    ],
    relations: [relation(1, 2, "user_id", 1, "id", "ManyToOne", "author")],
  };
}

/** Every scalar, rule, enum and form control the generators know. */
export function everything(): CodegenInput {
  const status = [{ value: "ACTIVE", label: "활성" }, { value: "INACTIVE", label: "비활성" }];
  return {
    config: DEFAULT_GENERATION_CONFIG,
    tables: [
      table(10, "products", "Product", "Product", [
        column("id", "UUID", { is_primary_key: true, is_required: true, form_type: "hidden" }),
        column("sku", "VARCHAR(20)", { is_required: true, validation_rules: { minLength: 3, maxLength: 12, pattern: "^[A-Z0-9-]+$" } }),
        column("contact", "TEXT", { form_type: "email", validation_rules: { email: true } }),
        column("quantity", "INTEGER", { is_required: true, validation_rules: { min: 0, max: 1000 }, default_value: "1" }),
        column("small", "SMALLINT"),
        column("price", "NUMERIC(8,2)", { validation_rules: { min: 0 } }),
        column("ratio", "DOUBLE PRECISION"),
        column("stock_total", "BIGINT", { graphql_type: "BigInt" }),
        column("active", "BOOLEAN", { is_required: true, default_value: "true" }),
        column("released_on", "DATE"),
        column("opens_at", "TIME"),
        column("updated_at", "TIMESTAMPTZ", { default_value: "now()" }),
        column("attributes", "JSONB"),
        column("tags", "TEXT[]"),
        column("status", "VARCHAR(20)", { enum_options: status, is_required: true, default_value: "ACTIVE", form_type: "select" }),
        column("grade", "VARCHAR(1)", { enum_options: [{ value: "A", label: "A" }, { value: "B", label: "B" }], form_type: "radio" }),
        column("notes", "TEXT", { help_text: "Shown to staff only.", is_visible: true }),
        column("secret", "VARCHAR(50)", { is_visible: false }),
        column("computed_score", "INTEGER", { graphql_resolver: "productScore", is_graphql_input: false, permission_read: "admin" }),
      ], { description: "Things we sell.", api_permissions: { read: "public", write: "staff", delete: "admin" } }),
      table(11, "categories", "Category", "분류", [column("id", "SERIAL"), column("name", "VARCHAR(50)", { is_required: true, label: "이름" })]),
      table(12, "product_categories", "ProductCategory", "Product category", [
        column("id", "BIGSERIAL"),
        column("product_id", "UUID", { graphql_type: "ID" }),
        column("category_id", "INTEGER"),
      ]),
      table(13, "audit_entries", "AuditEntry", "Audit entry", [column("id", "BIGSERIAL"), column("message", "TEXT")], { is_api_enabled: false }),
    ],
    relations: [
      relation(20, 12, "product_id", 10, "id", "ManyToOne", "product"),
      relation(21, 12, "category_id", 11, "id", "ManyToOne", null),
      relation(22, 10, "id", 11, "id", "ManyToMany", "categories"),
    ],
  };
}
