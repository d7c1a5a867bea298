"use server";

// No revalidatePath here: the grids keep their own rows, and a revalidation would send the whole page
// (thousands of rows) back with every cell edit. Pages are dynamic, so a navigation loads fresh data.

import { idVersionSchema, runAction, runCellEdits, runInlineEdit, runVersionedSave, type MutationResult } from "@/lib/actions/result";
import { applyCellEdits } from "@/lib/metadata/cell-edits";
import { ENDPOINT_CELL_EDITS, createEndpoint, deleteEndpoint, updateEndpoint, type EndpointRow } from "@/lib/metadata/endpoints";
import { ENDPOINT_FIELDS, endpointSchema } from "@/lib/schemas/endpoint";

export async function createEndpointAction(input: unknown): Promise<MutationResult<EndpointRow>> {
  return runAction(endpointSchema, input, (values) => createEndpoint(values));
}

/** One cell of the endpoints grid. */
export async function updateEndpointFieldAction(input: unknown): Promise<MutationResult<EndpointRow>> {
  return runInlineEdit(ENDPOINT_FIELDS, input, (id, rowVersion, changes) => updateEndpoint(id, rowVersion, changes));
}

/** Several fields at once: the details form. */
export async function updateEndpointAction(input: unknown): Promise<MutationResult<EndpointRow>> {
  return runVersionedSave(endpointSchema.partial(), input, (id, rowVersion, changes) => updateEndpoint(id, rowVersion, changes));
}

export async function deleteEndpointAction(input: unknown): Promise<MutationResult<{ id: number }>> {
  return runAction(idVersionSchema, input, async ({ id, rowVersion }) => {
    await deleteEndpoint(id, rowVersion);
    return { id };
  });
}

/** Many cells of the endpoints grid at once (paste, fill down, undo): one transaction, all or nothing. */
export async function updateEndpointCellsAction(input: unknown): Promise<MutationResult<EndpointRow[]>> {
  return runCellEdits(ENDPOINT_FIELDS, input, (edits) => applyCellEdits(ENDPOINT_CELL_EDITS, edits));
}
