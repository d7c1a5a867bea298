"use server";

// No revalidatePath here: the grids keep their own rows, and a revalidation would send the whole page
// (thousands of rows) back with every cell edit. Pages are dynamic, so a navigation loads fresh data.

import { z } from "zod";
import { idVersionSchema, mutationFailed, runAction, runCellEdits, settle, runInlineEdit, runVersionedSave, type MutationResult, serverAction } from "@/lib/actions/result";
import { applyCellEdits, CellEditsError } from "@/lib/metadata/cell-edits";
import { COLUMN_CELL_EDITS, addColumns, deleteColumn, reorderColumns, updateColumn, type ColumnRow } from "@/lib/metadata/columns";
import { COLUMN_FIELDS, columnSchema, newColumnSchema } from "@/lib/schemas/column";
import { idOf } from "@/lib/schemas/fields";
import { say } from "@/lib/i18n/messages";

const tableId = idOf(() => say("server.notTableId"));

export const addColumnAction = serverAction(async (tableIdInput: unknown, input: unknown): Promise<MutationResult<ColumnRow[]>> => {
  const id = tableId.safeParse(tableIdInput);
  if (!id.success) return { ok: false, formError: id.error.issues[0].message };
  return runAction(newColumnSchema, input, (row) => addColumns(id.data, [row]));
});

const MAX_PASTED_ROWS = 2000;

/** Rows pasted from a spreadsheet (name, type[, label]), added in one transaction: all or none. */
export const pasteColumnsAction = serverAction(async (tableIdInput: unknown, input: unknown): Promise<MutationResult<ColumnRow[]>> => {
  const id = tableId.safeParse(tableIdInput);
  if (!id.success) return { ok: false, formError: id.error.issues[0].message };
  const rows = z.object({
    rows: z
      .array(z.unknown())
      .min(1, { error: () => say("server.nothingToAdd") })
      .max(MAX_PASTED_ROWS, { error: () => say("server.tooManyRows", { max: MAX_PASTED_ROWS }), abort: true })
      .pipe(z.array(newColumnSchema)),
  });
  const parsed = rows.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const formError = typeof issue.path[1] === "number" ? say("server.rowPrefix", { row: issue.path[1] + 1, message: issue.message }) : issue.message;
    return { ok: false, formError, fieldErrors: {} };
  }
  try {
    return { ok: true, data: await addColumns(id.data, parsed.data.rows) };
  } catch (error) {
    if (!(error instanceof CellEditsError)) return mutationFailed(error);
    const fieldErrors = Object.fromEntries(Object.entries(error.cells).map(([i, m]) => [`rows.${i}.pg_type`, m]));
    return { ok: false, formError: error.message, fieldErrors };
  }
});

export async function updateColumnFieldAction(input: unknown): Promise<MutationResult<ColumnRow>> {
  return runInlineEdit(COLUMN_FIELDS, input, (id, rowVersion, changes) => updateColumn(id, rowVersion, changes));
}

/** The detail panel's full form. */
export async function updateColumnAction(input: unknown): Promise<MutationResult<ColumnRow>> {
  return runVersionedSave(columnSchema, input, (id, rowVersion, changes) => updateColumn(id, rowVersion, changes));
}

/** A reorder: every column of the table once, in the new order, at the version the grid holds. */
const reorderSchema = z.object({
  tableId,
  columns: z
    .array(idVersionSchema)
    .min(1)
    .max(5000, { abort: true })
    .refine((columns) => new Set(columns.map((c) => c.id)).size === columns.length, { error: () => say("server.columnTwiceInOrder") }),
});

export const reorderColumnsAction = serverAction(async (input: unknown): Promise<MutationResult<ColumnRow[]>> => {
  return runAction(reorderSchema, input, ({ tableId, columns }) => reorderColumns(tableId, columns));
});

export async function deleteColumnAction(input: unknown): Promise<MutationResult<{ id: number; relations: number }>> {
  return runAction(idVersionSchema, input, async ({ id, rowVersion }) => ({ id, ...(await deleteColumn(id, rowVersion)) }));
}

/** Many cells of the columns grid at once (paste, fill down, undo): one transaction, all or nothing. */
export async function updateColumnCellsAction(input: unknown): Promise<MutationResult<ColumnRow[]>> {
  return runCellEdits(COLUMN_FIELDS, input, (edits) => applyCellEdits(COLUMN_CELL_EDITS, edits));
}
