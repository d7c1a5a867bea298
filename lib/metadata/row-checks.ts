import type { z } from "zod";
import type { Queryable } from "../db/pool";
import { COLUMN_FIELD_KINDS, columnSchema } from "../schemas/column";
import { ENDPOINT_FIELD_KINDS, endpointSchema } from "../schemas/endpoint";
import { fromDbValue, type FieldKind } from "../schemas/fields";
import { projectSchema } from "../schemas/project";
import { relationSchema } from "../schemas/relation";
import { TABLE_FIELD_KINDS, tableSchema } from "../schemas/table";
import { typeProblem, type BackupTable } from "./backup-format";
import type { Catalog } from "./catalog";
import { expectedCatalog } from "./check";
import { enumOptionsDefine, pgTypeProblems } from "./pg-types";
import { projectToValues, type ProjectRow } from "./project";
import { say } from "../i18n/messages";

/**
 * A whole row put back from a backup or from history passes the same zod schema as an edit of it: restores
 * are writers like any other. Rows are as to_jsonb/row_to_json gives them (JSON values, timestamps as text).
 * Checks here need no database; pg types are asked of the server by typeProblemsOf, names across rows by
 * the callers (a backup's tables, or the live ones).
 */
type Row = Record<string, unknown>;

/** The row in form representation, through its entity's schema: one "field: message" per field at fault. */
function schemaProblems(schema: z.ZodType, values: Row): string[] {
  const result = schema.safeParse(values);
  if (result.success) return [];
  const byField = new Map<string, string>();
  for (const issue of result.error.issues) {
    const field = issue.path.map(String).join(".") || say("backup.row");
    if (!byField.has(field)) byField.set(field, `${field}: ${issue.message}`);
  }
  return [...byField.values()];
}

const formValues = (kinds: Record<string, FieldKind>, row: Row) =>
  Object.fromEntries(Object.entries(kinds).map(([field, kind]) => [field, fromDbValue(kind, row[field])]));

const asDate = (value: unknown) => (typeof value === "string" ? new Date(value) : null);
const LOGGED = ["project", "mappings_table", "mappings_column", "mappings_relation", "mappings_api_endpoint"];
const OPERATIONS = ["INSERT", "UPDATE", "DELETE"];
const isObject = (v: unknown) => typeof v === "object" && v !== null && !Array.isArray(v);

function entityProblems(table: BackupTable, row: Row): string[] {
  switch (table) {
    case "mappings_table":
      return schemaProblems(tableSchema, formValues(TABLE_FIELD_KINDS, row));
    case "mappings_column":
      return schemaProblems(columnSchema, formValues(COLUMN_FIELD_KINDS, row));
    case "mappings_api_endpoint":
      return schemaProblems(endpointSchema, formValues(ENDPOINT_FIELD_KINDS, row));
    case "mappings_relation":
      return schemaProblems(relationSchema, {
        from_table_id: row.from_table_id ?? 0,
        from_column: row.from_column ?? "",
        to_table_id: row.to_table_id ?? 0,
        to_column: row.to_column ?? "",
        relation_type: row.relation_type,
        graphql_field: row.graphql_field ?? "",
        is_cascade_delete: row.is_cascade_delete === true,
        constraint_name: row.constraint_name ?? "",
      });
    case "project": {
      const project = {
        ...row,
        last_generation_at: asDate(row.last_generation_at),
        last_sync_at: asDate(row.last_sync_at),
      } as ProjectRow;
      return schemaProblems(projectSchema.omit({ rowVersion: true }), projectToValues(project));
    }
    case "diagram_layout":
      // Whole numbers and a table id: the column types (checked against the catalog) say all there is.
      return [];
    case "metadata_sync_log": {
      const problems: string[] = [];
      // A change plan's apply is recorded as ('database', 'APPLY') by lib/sync/apply.ts: the editor's own entry.
      const isApply = row.table_name === "database" && row.operation === "APPLY";
      if (!isApply && !LOGGED.includes(String(row.table_name))) problems.push(say("backup.historyTable"));
      if (!isApply && !OPERATIONS.includes(String(row.operation))) problems.push(say("backup.historyOperation", { operations: OPERATIONS.join(", ") }));
      for (const data of ["old_data", "new_data"]) {
        if (row[data] !== null && !isObject(row[data])) problems.push(say("backup.historyData", { field: data }));
      }
      return problems;
    }
  }
}

/**
 * What is wrong with one row of `table`, field by field: each value's type against the column (the catalog),
 * then the entity's edit schema. Only the columns the row has are type-checked (a history entry may predate
 * a column).
 */
export function rowProblems(table: BackupTable, row: Row, catalog: Catalog = expectedCatalog()): string[] {
  const columns = catalog.tables[table].columns;
  const typeProblems = Object.keys(row)
    .filter((name) => Object.hasOwn(columns, name))
    .map((name) => {
      const problem = row[name] === null ? null : typeProblem(columns[name].type, row[name], catalog);
      return problem ? say("backup.fieldProblem", { name, problem }) : null;
    })
    .filter((p): p is string => p !== null);
  return typeProblems.length ? typeProblems : entityProblems(table, row);
}

/**
 * The pg_type of each column row that the server does not know, unless the row's enum options define it (the
 * plan creates that enum): row → problem. In the caller's transaction.
 */
export async function pgTypeRowProblems(columns: Row[], client: Queryable): Promise<Map<Row, string>> {
  const typed = columns.filter((c) => typeof c.pg_type === "string" && !enumOptionsDefine(c.pg_type, c.enum_options));
  const problems = await pgTypeProblems(
    typed.map((c) => c.pg_type as string),
    client,
  );
  const out = new Map<Row, string>();
  for (const c of typed) {
    const problem = problems.get(c.pg_type as string);
    if (problem) out.set(c, `pg_type: ${problem}`);
  }
  return out;
}
