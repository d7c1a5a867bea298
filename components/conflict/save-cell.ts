import type { MutationResult } from "@/lib/actions/types";
import { BASE_PATH } from "@/lib/base-path";

let warming = false;

/**
 * Once a page, in the browser, when it is idle: a GET that makes the server load the cell route before the first
 * save needs it (the route answers 204 and does nothing else). A failure is of no consequence.
 */
function warmUp(url: string) {
  if (warming || typeof window === "undefined") return;
  warming = true;
  const go = () => void fetch(url, { cache: "no-store", credentials: "same-origin" }).catch(() => {});
  if (typeof window.requestIdleCallback === "function") window.requestIdleCallback(go, { timeout: 3_000 });
  else setTimeout(go, 1_000);
}

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
  warmUp(url);
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
