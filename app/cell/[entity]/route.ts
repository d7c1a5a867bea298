import { updateColumnFieldAction, updateEndpointFieldAction, updateRelationFieldAction, updateTableFieldAction } from "@/lib/actions/cell-saves";
import { serverAction } from "@/lib/actions/result";
import { CELL_SAVE_BODY_LIMIT, readJsonRequest, refusalResponse } from "@/lib/http/json-route";

/**
 * POST /cell/<grid>: one grid cell saved, the grids' inline edit (components/conflict/save-cell.ts). The work is
 * what the grids' server actions did (lib/actions/cell-saves.ts: the input `unknown`, checked by the field
 * registry's zod schema, the row version and its conflict, the messages in the request's language, PostgreSQL's
 * text kept in the server log), behind the perimeter a server action has (lib/http/json-route.ts: same origin,
 * JSON, a body limit; the proxy's Host and access token). A route rather than a server action: Next's handling
 * of an action request (the page's render pipeline, the Flight answer; the router's action queue in the browser)
 * cost more than the save itself (docs/benchmarks.md, the cell edit).
 */
const SAVES: Record<string, (input: unknown) => Promise<unknown>> = {
  tables: updateTableFieldAction,
  columns: updateColumnFieldAction,
  relations: updateRelationFieldAction,
  endpoints: updateEndpointFieldAction,
};

/**
 * GET: nothing but 204, which makes the server load the route (its module and everything a save imports) before
 * the first save: the grids ask once a page, when the browser is idle (save-cell.ts). Without it the first save
 * after the server started paid for the loading (about 130 ms more than a later one, under load).
 */
export const GET = serverAction(async () => new Response(null, { status: 204, headers: { "Cache-Control": "no-store" } }));

export const POST = serverAction(async (request: Request, context: { params: Promise<{ entity: string }> }) => {
  const { entity } = await context.params;
  const save = Object.hasOwn(SAVES, entity) ? SAVES[entity] : undefined;
  if (!save) return refusalResponse({ status: 404, message: "No such grid." });
  const body = await readJsonRequest(request, CELL_SAVE_BODY_LIMIT);
  if (!body.ok) return refusalResponse(body.refusal);
  return Response.json(await save(body.input), { headers: { "Cache-Control": "no-store" } });
});
