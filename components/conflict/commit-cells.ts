import type { MutationResult } from "@/lib/actions/types";
import type { CellsCommitResult } from "@/components/data-grid/use-range-edits";
import { CELL_EDITS_BODY_LIMIT, MAX_CELL_EDITS } from "@/lib/actions/cell-edit-limits";
import { currentLocale, say } from "@/lib/i18n/messages";

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
  // Past these the server would refuse the request whole (the proxy by its size): say so here, in words.
  if (edits.length > MAX_CELL_EDITS) {
    return { message: say("grid.tooManyCells", { count: count(edits.length), max: count(MAX_CELL_EDITS) }) };
  }
  const bytes = new TextEncoder().encode(JSON.stringify([{ edits }])).length;
  if (bytes > CELL_EDITS_BODY_LIMIT) {
    return { message: say("grid.tooMuchText", { size: mb(bytes), max: mb(CELL_EDITS_BODY_LIMIT) }) };
  }
  let result: MutationResult<R[]>;
  try {
    result = await options.save({ edits });
  } catch {
    return { message: say("common.serverGoneNothing") };
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
  return { message: result.formError ?? say("common.nothingSaved"), cells };
}

const count = (n: number) => n.toLocaleString(currentLocale() === "ko" ? "ko-KR" : "en-US");
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
