"use server";

// No revalidatePath here: the grids keep their own rows, and a revalidation would send the whole page
// (thousands of rows) back with every cell edit. Pages are dynamic, so a navigation loads fresh data.

import { idVersionSchema, runAction, runCellEdits, runInlineEdit, runVersionedSave, type MutationResult } from "@/lib/actions/result";
import { applyCellEdits } from "@/lib/metadata/cell-edits";
import { TABLE_CELL_EDITS, createTable, deleteTable, deletionImpact, updateTable, type TableRow } from "@/lib/metadata/tables";
import { idValue } from "@/lib/schemas/fields";
import { TABLE_FIELDS, tableSchema } from "@/lib/schemas/table";

export async function createTableAction(input: unknown): Promise<MutationResult<{ id: number }>> {
  return runAction(tableSchema, input, async (values) => ({ id: (await createTable(values)).id }));
}

/** One cell of the tables grid (or one field of the table's page). */
export async function updateTableFieldAction(input: unknown): Promise<MutationResult<TableRow>> {
  return runInlineEdit(TABLE_FIELDS, input, (id, rowVersion, changes) => updateTable(id, rowVersion, changes));
}

/** Several fields at once: the settings form and rename (table_name / schema_name). */
export async function updateTableAction(input: unknown): Promise<MutationResult<TableRow>> {
  return runVersionedSave(tableSchema.partial(), input, (id, rowVersion, changes) => updateTable(id, rowVersion, changes));
}

export async function tableImpactAction(input: unknown): Promise<MutationResult<{ columns: number; relations: number }>> {
  return runAction(idValue, input, (id) => deletionImpact(id));
}

export async function deleteTableAction(input: unknown): Promise<MutationResult<{ columns: number; relations: number }>> {
  return runAction(idVersionSchema, input, ({ id, rowVersion }) => deleteTable(id, rowVersion));
}

/** Many cells of the tables grid at once (paste, fill down, undo): one transaction, all or nothing. */
export async function updateTableCellsAction(input: unknown): Promise<MutationResult<TableRow[]>> {
  return runCellEdits(TABLE_FIELDS, input, (edits) => applyCellEdits(TABLE_CELL_EDITS, edits));
}
