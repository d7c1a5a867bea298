"use server";

// No revalidatePath here: the grids keep their own rows, and a revalidation would send the whole page
// (thousands of rows) back with every cell edit. Pages are dynamic, so a navigation loads fresh data.

import { idVersionSchema, invalid, mutationFailed, parseInlineEdit, type MutationResult } from "@/lib/actions/result";
import { listColumns } from "@/lib/metadata/columns";
import { listTableNames } from "@/lib/metadata/tables";
import { getRelation, updateRelation, type RelationRow } from "@/lib/metadata/relations";
import {
  createRelationWithWizard,
  deleteRelationAndReverse,
  findReverse,
  type WizardResult,
} from "@/lib/metadata/relation-wizard";
import {
  deleteRelationSchema,
  RELATION_FIELD_KINDS,
  relationInlineSchema,
  relationWizardSchema,
  type RelationInlineField,
} from "@/lib/schemas/relation";
import { failed, type ActionResult } from "@/lib/actions/result";
import { z } from "zod";

/** The relation wizard: the relation and what comes with it (FK column, junction, reverse), in one transaction. */
export async function createRelationAction(input: unknown): Promise<MutationResult<WizardResult>> {
  const parsed = relationWizardSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  try {
    return { ok: true, data: await createRelationWithWizard(parsed.data) };
  } catch (error) {
    return mutationFailed(error);
  }
}

export async function updateRelationFieldAction(input: unknown): Promise<MutationResult<RelationRow>> {
  const edit = parseInlineEdit<RelationInlineField>(relationInlineSchema, RELATION_FIELD_KINDS, input);
  if (!edit.ok) return { ok: false, formError: edit.formError, fieldErrors: {} };
  try {
    const row = await updateRelation(edit.id, edit.rowVersion, { [edit.field]: edit.value });
    return { ok: true, data: row };
  } catch (error) {
    return mutationFailed(error);
  }
}

/** Deletes a relation and, when asked, its reverse (the same two columns the other way round). */
export async function deleteRelationAction(input: unknown): Promise<MutationResult<{ deleted: number[] }>> {
  const parsed = deleteRelationSchema.safeParse(input);
  if (!parsed.success) return { ok: false, formError: "Malformed request." };
  try {
    return { ok: true, data: await deleteRelationAndReverse(parsed.data.id, parsed.data.rowVersion, parsed.data.with_reverse) };
  } catch (error) {
    return mutationFailed(error);
  }
}

/** A relation's reverse, if it has one: the delete dialog offers to delete it too. */
export async function relationReverseAction(input: unknown): Promise<ActionResult<RelationRow | null>> {
  const parsed = idVersionSchema.shape.id.safeParse(input);
  if (!parsed.success) return { ok: false, formError: "Malformed request." };
  try {
    const row = await getRelation(parsed.data);
    return { ok: true, data: row ? await findReverse(row) : null };
  } catch (error) {
    return failed(error);
  }
}

/** The column names of one table, for the relation form's pickers (loaded when a table is chosen). */
export async function tableColumnsAction(
  input: unknown,
): Promise<ActionResult<{ pg_column: string; pg_type: string; is_primary_key: boolean }[]>> {
  const parsed = z.coerce.number<string | number>().int().positive().safeParse(input);
  if (!parsed.success) return { ok: false, formError: "Malformed request." };
  try {
    const rows = await listColumns(parsed.data);
    return {
      ok: true,
      data: rows.map((r) => ({
        pg_column: String(r.pg_column),
        pg_type: String(r.pg_type),
        is_primary_key: r.is_primary_key === true,
      })),
    };
  } catch (error) {
    return failed(error);
  }
}

/** Table names for the relation form's pickers, loaded when the form opens (not with every table page). */
export async function tableNamesAction(): Promise<
  ActionResult<{ id: number; schema_name: string; table_name: string; primary_key: string | null }[]>
> {
  try {
    return { ok: true, data: await listTableNames() };
  } catch (error) {
    return failed(error);
  }
}
