/**
 * What the generators read: the metadata rows as the database holds them (JSONB already parsed, NULLs as
 * null). The generators never trust these shapes: resolve.ts checks every value and reports what it cannot use.
 */

export interface GenerationConfig {
  outputDir: string;
  includeComments: boolean;
  prettier: boolean;
}

export interface ColumnInput {
  id: number;
  pg_column: string;
  pg_type: string;
  pg_constraints: unknown;
  graphql_field: string | null;
  graphql_type: string | null;
  graphql_resolver: string | null;
  is_graphql_input: boolean | null;
  is_graphql_output: boolean | null;
  label: string;
  form_type: string | null;
  is_required: boolean | null;
  is_visible: boolean | null;
  sort_order: number | null;
  default_value: string | null;
  enum_options: unknown;
  validation_rules: unknown;
  placeholder: string | null;
  help_text: string | null;
  permission_read: string | null;
  permission_write: string | null;
  is_primary_key: boolean | null;
  comment: string | null;
}

export interface TableInput {
  id: number;
  schema_name: string;
  table_name: string;
  graphql_type: string | null;
  label: string;
  description: string | null;
  primary_key: string | null;
  is_api_enabled: boolean | null;
  api_permissions: unknown;
  columns: ColumnInput[];
}

export interface RelationInput {
  id: number;
  from_table_id: number | null;
  to_table_id: number | null;
  from_column: string;
  to_column: string;
  relation_type: string;
  graphql_field: string | null;
}

export interface CodegenInput {
  config: GenerationConfig;
  tables: TableInput[];
  relations: RelationInput[];
  /**
   * Every table's id and GraphQL type name, when `tables` is only part of the project (a table page): type
   * names must be unique project-wide, so duplicates are found against all of them.
   */
  allTypeNames?: { id: number; typeName: string }[];
  /**
   * Columns whose copy of their table's names (schema_name, table_name) is not their table's (table_id): left
   * by a statement run outside the editor, such as a table renamed in psql. No loader reads them as the table's
   * columns; each is reported, so the code does not lose a column without a word.
   */
  strayColumns?: StrayColumn[];
}

export interface StrayColumn {
  tableId: number;
  columnId: number;
  pg_column: string;
  /** The names the column carries, and its table's. */
  carried: { schema: string; table: string };
  actual: { schema: string; table: string };
}

/** Where a problem is, so the editor can link to the cell. */
export type ProblemTarget =
  | { kind: "table"; field: string }
  | { kind: "column"; columnId: number; column: string; field: string }
  | { kind: "relation"; relationId: number; field: string };

export interface Problem {
  tableId: number;
  table: string;
  target: ProblemTarget;
  message: string;
}

export const DEFAULT_GENERATION_CONFIG: GenerationConfig = { outputDir: "./src/generated", includeComments: true, prettier: true };

/** project.generation_config (any JSON) → the settings the generators use; unknown keys are ignored. */
export function generationConfig(value: unknown): GenerationConfig {
  const v = value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  return {
    outputDir: typeof v.outputDir === "string" && v.outputDir.trim() ? v.outputDir : DEFAULT_GENERATION_CONFIG.outputDir,
    includeComments: typeof v.includeComments === "boolean" ? v.includeComments : DEFAULT_GENERATION_CONFIG.includeComments,
    prettier: typeof v.prettier === "boolean" ? v.prettier : DEFAULT_GENERATION_CONFIG.prettier,
  };
}

/** The editor's link to the cell a problem is about. */
export function problemHref(p: Problem): string {
  const t = p.target;
  if (t.kind === "column") return `/tables/${p.tableId}?tab=Columns&column=${t.columnId}&field=${t.field}`;
  if (t.kind === "relation") return `/tables/${p.tableId}?tab=Relations&relation=${t.relationId}&field=${t.field}`;
  return `/tables/${p.tableId}?tab=Settings&field=${t.field}`;
}
