"use server";

import { revalidatePath } from "next/cache";
import { runAction, type MutationResult } from "@/lib/actions/result";
import { toHistoryView, type HistoryView } from "@/lib/metadata/diff";
import { listHistory, restoreFromHistory } from "@/lib/metadata/history";
import { undoDeletion } from "@/lib/metadata/undo";
import { historyFilterSchema, restoreSchema, undoDeletionSchema } from "@/lib/schemas/history";
import { toHistoryFilter } from "./filter";

/** A page of entries as text-only views (see toHistoryView): stored JSON of any depth renders. */
export async function historyAction(
  input: unknown,
): Promise<MutationResult<{ entries: HistoryView[]; nextBefore: number | null }>> {
  return runAction(historyFilterSchema, input, async (filter) => {
    const { entries, nextBefore } = await listHistory(toHistoryFilter(filter));
    return { entries: entries.map(toHistoryView), nextBefore };
  });
}

export async function restoreAction(
  input: unknown,
): Promise<MutationResult<{ table: string; id: number; action: string; undoEntryId: number | null }>> {
  const result = await runAction(restoreSchema, input, (entry) => restoreFromHistory(entry.entryId, entry.which));
  if (result.ok) revalidatePath("/", "layout");
  return result;
}

/** The undo of a delete (the toast's Undo): the row and everything deleted with it come back. */
export async function undoDeletionAction(input: unknown): Promise<MutationResult<{ restored: number }>> {
  const result = await runAction(undoDeletionSchema, input, ({ table, id }) => undoDeletion(table, id));
  if (result.ok) revalidatePath("/", "layout");
  return result;
}
