import { runInlineEdit, type MutationResult } from "./result";
import { updateColumn, type ColumnRow } from "../metadata/columns";
import { updateEndpoint, type EndpointRow } from "../metadata/endpoints";
import { updateRelation, type RelationRow } from "../metadata/relations";
import { updateTable, type TableRow } from "../metadata/tables";
import { COLUMN_FIELDS } from "../schemas/column";
import { ENDPOINT_FIELDS } from "../schemas/endpoint";
import { RELATION_INLINE_FIELDS } from "../schemas/relation";
import { TABLE_FIELDS } from "../schemas/table";

/**
 * One grid cell saved (the inline edit), per grid: `input` is `unknown`, checked by runInlineEdit against the
 * grid's field registry (the allow-list, each field's zod schema, the row version), then written guarded by the
 * row version (a conflict comes back with the row as it is). Served by the grids' cell route
 * (app/cell/[entity]/route.ts); they were the grids' server actions until the route replaced them.
 */
export async function updateTableFieldAction(input: unknown): Promise<MutationResult<TableRow>> {
  return runInlineEdit(TABLE_FIELDS, input, (id, rowVersion, changes) => updateTable(id, rowVersion, changes));
}

export async function updateColumnFieldAction(input: unknown): Promise<MutationResult<ColumnRow>> {
  return runInlineEdit(COLUMN_FIELDS, input, (id, rowVersion, changes) => updateColumn(id, rowVersion, changes));
}

export async function updateRelationFieldAction(input: unknown): Promise<MutationResult<RelationRow>> {
  return runInlineEdit(RELATION_INLINE_FIELDS, input, (id, rowVersion, changes) => updateRelation(id, rowVersion, changes));
}

export async function updateEndpointFieldAction(input: unknown): Promise<MutationResult<EndpointRow>> {
  return runInlineEdit(ENDPOINT_FIELDS, input, (id, rowVersion, changes) => updateEndpoint(id, rowVersion, changes));
}
