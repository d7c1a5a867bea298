import type { MutationResult } from "@/lib/actions/types";
import type { CellsCommitResult } from "@/components/data-grid/use-range-edits";

interface Versioned {
  id: number;
  rowVersion: string;
}

/**
 * Saves many grid cells through a batch action (one transaction) with each row's current version, and
 * replaces the saved rows. On refusal: the action's sentence and the cells at fault (by index), nothing saved.
 */
export async function commitCells<T extends Versioned, R extends Versioned = T>(options: {
  changes: { row: T; columnId: string; value: unknown }[];
  save: (input: { edits: { id: number; rowVersion: string; field: string; value: unknown }[] }) => Promise<MutationResult<R[]>>;
  replaceAll: (rows: R[]) => void;
}): Promise<CellsCommitResult> {
  const edits = options.changes.map(({ row, columnId, value }) => ({ id: row.id, rowVersion: row.rowVersion, field: columnId, value }));
  let result: MutationResult<R[]>;
  try {
    result = await options.save({ edits });
  } catch {
    return { message: "The editor's server did not answer; nothing was saved. Try again." };
  }
  if (result.ok) {
    options.replaceAll(result.data);
    return null;
  }
  const cells: Record<number, string> = {};
  if ("fieldErrors" in result) {
    for (const [key, message] of Object.entries(result.fieldErrors ?? {})) {
      const m = /^edits\.(\d+)$/.exec(key);
      if (m) cells[Number(m[1])] = message;
    }
  }
  return { message: result.formError ?? "Nothing was saved.", cells };
}
