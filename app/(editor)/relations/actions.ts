"use server";

// No revalidatePath here: the grids keep their own rows, and a revalidation would send the whole page
// (thousands of rows) back with every cell edit. Pages are dynamic, so a navigation loads fresh data.

import { z } from "zod";
import { runAction, runCellEdits, runInlineEdit, type MutationResult } from "@/lib/actions/result";
import { applyCellEdits } from "@/lib/metadata/cell-edits";
import { listColumns } from "@/lib/metadata/columns";
import { RELATION_CELL_EDITS, getRelation, updateRelation, type RelationRow } from "@/lib/metadata/relations";
import {
  createRelationWithWizard,
  deleteRelationAndReverse,
  findReverse,
  type WizardResult,
} from "@/lib/metadata/relation-wizard";
import { listTableNames } from "@/lib/metadata/tables";
import { idValue } from "@/lib/schemas/fields";
import { deleteRelationSchema, RELATION_INLINE_FIELDS, relationWizardSchema } from "@/lib/schemas/relation";
import { say } from "@/lib/i18n/messages";

/** The relation wizard: the relation and what comes with it (FK column, junction, reverse), in one transaction. */
export async function createRelationAction(input: unknown): Promise<MutationResult<WizardResult>> {
  return runAction(relationWizardSchema, input, (values) => createRelationWithWizard(values));
}

export async function updateRelationFieldAction(input: unknown): Promise<MutationResult<RelationRow>> {
  return runInlineEdit(RELATION_INLINE_FIELDS, input, (id, rowVersion, changes) => updateRelation(id, rowVersion, changes));
}

/** Deletes a relation and, when asked, its reverse (the same two columns the other way round). */
export async function deleteRelationAction(input: unknown): Promise<MutationResult<{ deleted: number[] }>> {
  return runAction(deleteRelationSchema, input, ({ id, rowVersion, with_reverse }) =>
    deleteRelationAndReverse(id, rowVersion, with_reverse),
  );
}

/** One relation as the Relations page lists it (the diagram's delete dialog starts from a line's id). */
export async function relationAction(input: unknown): Promise<MutationResult<RelationRow | null>> {
  return runAction(idValue, input, (id) => getRelation(id));
}

/** A relation's reverse, if it has one: the delete dialog offers to delete it too. */
export async function relationReverseAction(input: unknown): Promise<MutationResult<RelationRow | null>> {
  return runAction(idValue, input, async (id) => {
    const row = await getRelation(id);
    return row ? await findReverse(row) : null;
  });
}

/** The columns of one table, for the relation form's pickers (loaded when a table is chosen). */
export async function tableColumnsAction(
  input: unknown,
): Promise<MutationResult<{ pg_column: string; pg_type: string; is_primary_key: boolean }[]>> {
  return runAction(idValue, input, async (tableId) =>
    (await listColumns(tableId)).map((r) => ({
      pg_column: String(r.pg_column),
      pg_type: String(r.pg_type),
      is_primary_key: r.is_primary_key === true,
    })),
  );
}

/** Table names for the relation form's pickers, loaded when the form opens (not with every table page). */
export async function tableNamesAction(
  input?: unknown,
): Promise<MutationResult<{ id: number; schema_name: string; table_name: string; primary_key: string | null }[]>> {
  return runAction(z.undefined({ error: () => say("server.noInput") }), input, () => listTableNames());
}

/** Many cells of the relations grid at once (paste, fill down, undo): one transaction, all or nothing. */
export async function updateRelationCellsAction(input: unknown): Promise<MutationResult<RelationRow[]>> {
  return runCellEdits(RELATION_INLINE_FIELDS, input, (edits) => applyCellEdits(RELATION_CELL_EDITS, edits));
}
