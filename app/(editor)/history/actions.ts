"use server";

import { revalidatePath } from "next/cache";
import { failed, mutationFailed, type ActionResult } from "@/lib/actions/result";
import { listHistory, restoreFromHistory, type HistoryEntry } from "@/lib/metadata/history";
import { historyFilterSchema, restoreSchema } from "@/lib/schemas/history";
import { toHistoryFilter } from "./filter";

export async function historyAction(
  input: unknown,
): Promise<ActionResult<{ entries: HistoryEntry[]; nextBefore: number | null }>> {
  const parsed = historyFilterSchema.safeParse(input);
  if (!parsed.success) return { ok: false, formError: parsed.error.issues[0].message };
  try {
    return { ok: true, data: await listHistory(toHistoryFilter(parsed.data)) };
  } catch (error) {
    return failed(error);
  }
}

export async function restoreAction(
  input: unknown,
): Promise<ActionResult<{ table: string; id: number; action: string }>> {
  const parsed = restoreSchema.safeParse(input);
  if (!parsed.success) return { ok: false, formError: "Malformed request." };
  try {
    const result = await restoreFromHistory(parsed.data.entryId, parsed.data.which);
    revalidatePath("/", "layout");
    return { ok: true, data: result };
  } catch (error) {
    const mapped = mutationFailed<never>(error);
    return { ok: false, formError: (!mapped.ok && mapped.formError) || "Not restored." };
  }
}
