"use server";

// No revalidatePath here: the grids keep their own rows, and a revalidation would send the whole page
// (thousands of rows) back with every cell edit. Pages are dynamic, so a navigation loads fresh data.

import { idVersionSchema, invalid, mutationFailed, parseInlineEdit, type MutationResult } from "@/lib/actions/result";
import { createEndpoint, deleteEndpoint, updateEndpoint, type EndpointRow } from "@/lib/metadata/endpoints";
import { ENDPOINT_FIELD_KINDS, endpointSchema, type EndpointField } from "@/lib/schemas/endpoint";

export async function createEndpointAction(input: unknown): Promise<MutationResult<EndpointRow>> {
  const parsed = endpointSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  try {
    const row = await createEndpoint(parsed.data);
    return { ok: true, data: row };
  } catch (error) {
    return mutationFailed(error);
  }
}

/** One cell of the endpoints grid. */
export async function updateEndpointFieldAction(input: unknown): Promise<MutationResult<EndpointRow>> {
  const edit = parseInlineEdit<EndpointField>(endpointSchema, ENDPOINT_FIELD_KINDS, input);
  if (!edit.ok) return { ok: false, formError: edit.formError, fieldErrors: {} };
  return saveEndpoint(edit.id, edit.rowVersion, { [edit.field]: edit.value });
}

/** Several fields at once: the details form. */
export async function updateEndpointAction(input: unknown): Promise<MutationResult<EndpointRow>> {
  const parsed = idVersionSchema.extend({ values: endpointSchema.partial() }).safeParse(input);
  if (!parsed.success) {
    const values = endpointSchema.partial().safeParse((input as { values?: unknown } | null)?.values);
    return values.success ? { ok: false, formError: "Malformed request." } : invalid(values.error);
  }
  return saveEndpoint(parsed.data.id, parsed.data.rowVersion, parsed.data.values);
}

async function saveEndpoint(
  id: number,
  rowVersion: string,
  values: Record<string, string | boolean>,
): Promise<MutationResult<EndpointRow>> {
  try {
    const row = await updateEndpoint(id, rowVersion, values);
    return { ok: true, data: row };
  } catch (error) {
    return mutationFailed(error);
  }
}

export async function deleteEndpointAction(input: unknown): Promise<MutationResult<{ id: number }>> {
  const parsed = idVersionSchema.safeParse(input);
  if (!parsed.success) return { ok: false, formError: "Malformed request." };
  try {
    await deleteEndpoint(parsed.data.id, parsed.data.rowVersion);
    return { ok: true, data: { id: parsed.data.id } };
  } catch (error) {
    return mutationFailed(error);
  }
}
