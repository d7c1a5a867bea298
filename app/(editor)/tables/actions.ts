"use server";

// No revalidatePath here: the grids keep their own rows, and a revalidation would send the whole page
// (thousands of rows) back with every cell edit. Pages are dynamic, so a navigation loads fresh data.

import { z } from "zod";
import {
  failed,
  idVersionSchema,
  invalid,
  mutationFailed,
  parseInlineEdit,
  type ActionResult,
  type MutationResult,
} from "@/lib/actions/result";
import { createTable, deleteTable, deletionImpact, updateTable, type TableRow } from "@/lib/metadata/tables";
import { TABLE_FIELD_KINDS, tableSchema, type TableField } from "@/lib/schemas/table";

export async function createTableAction(input: unknown): Promise<ActionResult<{ id: number }>> {
  const parsed = tableSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  try {
    const row = await createTable(parsed.data);
    return { ok: true, data: { id: row.id } };
  } catch (error) {
    return mutationFailed(error);
  }
}

/** One cell of the tables grid (or one field of the table's page). */
export async function updateTableFieldAction(input: unknown): Promise<MutationResult<TableRow>> {
  const edit = parseInlineEdit<TableField>(tableSchema, TABLE_FIELD_KINDS, input);
  if (!edit.ok) return { ok: false, formError: edit.formError, fieldErrors: {} };
  return saveTable(edit.id, edit.rowVersion, { [edit.field]: edit.value });
}

/** Several fields at once: the settings form and rename (table_name / schema_name). */
export async function updateTableAction(input: unknown): Promise<MutationResult<TableRow>> {
  const parsed = idVersionSchema.extend({ values: tableSchema.partial() }).safeParse(input);
  if (!parsed.success) {
    const values = tableSchema.partial().safeParse((input as { values?: unknown } | null)?.values);
    return values.success ? { ok: false, formError: "Malformed request." } : invalid(values.error);
  }
  return saveTable(parsed.data.id, parsed.data.rowVersion, parsed.data.values);
}

async function saveTable(
  id: number,
  rowVersion: string,
  values: Record<string, string | boolean>,
): Promise<MutationResult<TableRow>> {
  try {
    const row = await updateTable(id, rowVersion, values);
    return { ok: true, data: row };
  } catch (error) {
    return mutationFailed(error);
  }
}

export async function tableImpactAction(input: unknown): Promise<ActionResult<{ columns: number; relations: number }>> {
  const parsed = z.coerce.number<string | number>().int().positive().safeParse(input);
  if (!parsed.success) return { ok: false, formError: "Malformed request." };
  try {
    return { ok: true, data: await deletionImpact(parsed.data) };
  } catch (error) {
    return failed(error);
  }
}

export async function deleteTableAction(
  input: unknown,
): Promise<MutationResult<{ columns: number; relations: number }>> {
  const parsed = idVersionSchema.safeParse(input);
  if (!parsed.success) return { ok: false, formError: "Malformed request." };
  try {
    const impact = await deleteTable(parsed.data.id, parsed.data.rowVersion);
    return { ok: true, data: impact };
  } catch (error) {
    return mutationFailed(error);
  }
}
