import { readFileSync } from "node:fs";
import path from "node:path";
import { CELL_EDITS_BODY_LIMIT } from "./cell-edit-limits";

/**
 * How many bytes a server action's request may carry, checked by the proxy from Content-Length before Next
 * reads the body. Next's own limit (next.config.ts) is one number for every action, set for the largest
 * (a backup upload); here each action gets what its largest valid input needs, with room to spare:
 * text at its schema's limit, 3 bytes a character, JSON-escaped.
 */
const MB = 1024 * 1024;
export const DEFAULT_ACTION_BODY_LIMIT = 1 * MB;
export const MAX_ACTION_BODY_LIMIT = 64 * MB;

/** By "file#export" (two actions may share a name); anything not listed gets DEFAULT_ACTION_BODY_LIMIT. */
const LIMITS: Record<string, number> = {
  "app/(editor)/tools/actions.ts#previewRestoreAction": MAX_ACTION_BODY_LIMIT,
  "app/(editor)/tools/actions.ts#restoreAction": MAX_ACTION_BODY_LIMIT,
  "app/(editor)/project/actions.ts#saveProjectAction": 16 * MB,
  "app/setup/actions.ts#finishSetupAction": 4 * MB,
  "app/(editor)/tables/[id]/actions.ts#updateColumnAction": 8 * MB,
  "app/(editor)/tables/[id]/actions.ts#pasteColumnsAction": 8 * MB,
  "app/(editor)/tables/actions.ts#createTableAction": 8 * MB,
  "app/(editor)/tables/actions.ts#updateTableAction": 8 * MB,
  "app/(editor)/api-endpoints/actions.ts#createEndpointAction": 8 * MB,
  "app/(editor)/api-endpoints/actions.ts#updateEndpointAction": 8 * MB,
  // A pasted range: up to MAX_CELL_EDITS cells (cell-edit-limits.ts; the grid checks both before it sends).
  "app/(editor)/tables/actions.ts#updateTableCellsAction": CELL_EDITS_BODY_LIMIT,
  "app/(editor)/tables/[id]/actions.ts#updateColumnCellsAction": CELL_EDITS_BODY_LIMIT,
  "app/(editor)/api-endpoints/actions.ts#updateEndpointCellsAction": CELL_EDITS_BODY_LIMIT,
  "app/(editor)/relations/actions.ts#updateRelationCellsAction": CELL_EDITS_BODY_LIMIT,
};

let byId: Map<string, number> | null = null;

/** Action id → limit, from the build's server-reference manifest (read once). */
function limits(): Map<string, number> {
  if (byId) return byId;
  byId = new Map();
  try {
    const file = path.join(process.cwd(), ".next", "server", "server-reference-manifest.json");
    const manifest = JSON.parse(readFileSync(file, "utf8")) as { node: Record<string, { filename: string; exportedName: string }> };
    for (const [id, entry] of Object.entries(manifest.node)) {
      byId.set(id, LIMITS[`${entry.filename}#${entry.exportedName}`] ?? DEFAULT_ACTION_BODY_LIMIT);
    }
  } catch (error) {
    // Without the manifest (next dev), every action gets the largest limit rather than refusing uploads.
    console.warn(`[actions] no server-reference manifest (${(error as Error).message}); body limit ${MAX_ACTION_BODY_LIMIT} bytes`);
  }
  return byId;
}

export function actionBodyLimit(actionId: string): number {
  return limits().get(actionId) ?? (limits().size > 0 ? DEFAULT_ACTION_BODY_LIMIT : MAX_ACTION_BODY_LIMIT);
}

/**
 * Why a server action request is refused before its body is read (status and sentence), or null: its
 * Content-Length must be present (browsers always send it) and within the action's limit.
 */
export function actionBodyRefusal(actionId: string, contentLength: string | null): { status: 411 | 413; message: string } | null {
  if (contentLength === null) return { status: 411, message: "A server action request needs a Content-Length." };
  const limit = actionBodyLimit(actionId);
  if (!/^\d{1,15}$/.test(contentLength) || Number(contentLength) > limit) {
    return { status: 413, message: `The request is larger than this action takes (${Math.round(limit / 1024)} KB at most).` };
  }
  return null;
}
