"use server";

// No revalidatePath here: the grids keep their own rows, and a revalidation would send the whole page
// (thousands of rows) back with every cell edit. Pages are dynamic, so a navigation loads fresh data.

import { z } from "zod";
import { idVersionSchema, invalid, mutationFailed, parseInlineEdit, type MutationResult } from "@/lib/actions/result";
import { addColumns, deleteColumn, reorderColumns, updateColumn, type ColumnRow } from "@/lib/metadata/columns";
import { COLUMN_FIELD_KINDS, columnSchema, newColumnSchema, type ColumnField } from "@/lib/schemas/column";

const tableId = z.coerce.number<string | number>().int().positive();

export async function addColumnAction(tableIdInput: unknown, input: unknown): Promise<MutationResult<ColumnRow[]>> {
  const id = tableId.safeParse(tableIdInput);
  const parsed = newColumnSchema.safeParse(input);
  if (!id.success) return { ok: false, formError: "Malformed request." };
  if (!parsed.success) return invalid(parsed.error);
  return add(id.data, [parsed.data]);
}

/** Rows pasted from a spreadsheet (name, type[, label]), added in one transaction: all or none. */
export async function pasteColumnsAction(tableIdInput: unknown, input: unknown): Promise<MutationResult<ColumnRow[]>> {
  const id = tableId.safeParse(tableIdInput);
  const parsed = z.object({ rows: z.array(newColumnSchema).min(1, "Nothing to add.").max(2000) }).safeParse(input);
  if (!id.success) return { ok: false, formError: "Malformed request." };
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const row = typeof issue.path[1] === "number" ? `Row ${issue.path[1] + 1}: ` : "";
    return { ok: false, formError: `${row}${issue.message}`, fieldErrors: {} };
  }
  return add(id.data, parsed.data.rows);
}

async function add(id: number, rows: z.infer<typeof newColumnSchema>[]): Promise<MutationResult<ColumnRow[]>> {
  try {
    const added = await addColumns(id, rows);
    return { ok: true, data: added };
  } catch (error) {
    return mutationFailed(error);
  }
}

export async function updateColumnFieldAction(input: unknown): Promise<MutationResult<ColumnRow>> {
  const edit = parseInlineEdit<ColumnField>(columnSchema, COLUMN_FIELD_KINDS, input);
  if (!edit.ok) return { ok: false, formError: edit.formError, fieldErrors: {} };
  return save(edit.id, edit.rowVersion, { [edit.field]: edit.value });
}

/** The detail panel's full form. */
export async function updateColumnAction(input: unknown): Promise<MutationResult<ColumnRow>> {
  const parsed = idVersionSchema.extend({ values: columnSchema }).safeParse(input);
  if (!parsed.success) {
    // Validate the values alone so the field errors are named as the form names them.
    const values = columnSchema.safeParse((input as { values?: unknown } | null)?.values);
    return values.success ? { ok: false, formError: "Malformed request." } : invalid(values.error);
  }
  return save(parsed.data.id, parsed.data.rowVersion, parsed.data.values);
}

async function save(
  id: number,
  rowVersion: string,
  values: Record<string, string | boolean>,
): Promise<MutationResult<ColumnRow>> {
  try {
    const row = await updateColumn(id, rowVersion, values);
    return { ok: true, data: row };
  } catch (error) {
    return mutationFailed(error);
  }
}

export async function reorderColumnsAction(input: unknown): Promise<MutationResult<ColumnRow[]>> {
  const parsed = z.object({ tableId, ids: z.array(z.number().int().positive()).min(1).max(5000) }).safeParse(input);
  if (!parsed.success) return { ok: false, formError: "Malformed request." };
  try {
    const rows = await reorderColumns(parsed.data.tableId, parsed.data.ids);
    return { ok: true, data: rows };
  } catch (error) {
    return mutationFailed(error);
  }
}

export async function deleteColumnAction(input: unknown): Promise<MutationResult<{ id: number; relations: number }>> {
  const parsed = idVersionSchema.safeParse(input);
  if (!parsed.success) return { ok: false, formError: "Malformed request." };
  try {
    const { relations } = await deleteColumn(parsed.data.id, parsed.data.rowVersion);
    return { ok: true, data: { id: parsed.data.id, relations } };
  } catch (error) {
    return mutationFailed(error);
  }
}
