import type { MutationResult } from "@/lib/actions/types";
import { BASE_PATH } from "@/lib/base-path";

/** The grids whose one-cell save is app/cell/[entity]/route.ts. */
export type CellGrid = "tables" | "columns" | "relations" | "endpoints";

export interface CellSave {
  id: number;
  rowVersion: string;
  field: string;
  value: unknown;
}

/**
 * One grid cell's save (for commitCell): a JSON POST to the grid's cell route, which runs the grid's inline-edit
 * action behind a server action's perimeter. The answer is the action's result as it is; a refusal or a failed
 * request throws, which commitCell shows as the server gone, as a failed server action call was.
 */
export function cellSaver<R>(grid: CellGrid): (input: CellSave) => Promise<MutationResult<R>> {
  // fetch() does not add next.config.ts's basePath (only Link and the router do).
  const url = `${BASE_PATH}/cell/${grid}`;
  return async (input) => {
    const response = await fetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(input),
      cache: "no-store",
      credentials: "same-origin",
    });
    if (!response.ok) throw new Error(`the cell save was refused (HTTP ${response.status})`);
    return (await response.json()) as MutationResult<R>;
  };
}
