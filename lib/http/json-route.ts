/**
 * The perimeter of a route handler that writes (the grids' one-cell save, app/cell/[entity]/route.ts), the same a
 * server action has, checked before its input is read:
 * - same origin: the browser's `Origin` must name the host the request was sent to (`X-Forwarded-Host`, else
 *   `Host`), as Next checks a server action's; a request without `Origin` is refused (every browser sends it on a
 *   POST made by fetch; Next lets one without it through, this route does not);
 * - `Content-Type: application/json` (another site's fetch with it needs a CORS preflight this editor never
 *   answers; a form cannot send it);
 * - a `Content-Length` within the route's limit, so no body beyond it is read (the body is measured again once
 *   read). The proxy checks the same before Next reads the body (jsonRouteLimit), as it does an action's size.
 * The Host name itself and the access token are the proxy's (proxy.ts), which runs before every route.
 * The refusals are plain text, like the proxy's: the editor's own pages never cause them.
 */

export interface Refusal {
  status: 400 | 403 | 404 | 411 | 413 | 415;
  message: string;
}

/** The host part of a header value ("Example.test:80" → "example.test:80"); the first of a forwarded list. */
function hostOf(value: string | null): string | null {
  const first = value?.split(",")[0]?.trim().toLowerCase();
  return first ? first : null;
}

/** Whether `Origin` names the host the request came to (Next's action check: X-Forwarded-Host, else Host). */
export function sameOrigin(headers: Headers): boolean {
  const origin = headers.get("origin");
  if (!origin || origin === "null") return false;
  let originHost: string;
  try {
    const url = new URL(origin);
    if (url.protocol !== "http:" && url.protocol !== "https:") return false;
    originHost = url.host.toLowerCase();
  } catch {
    return false;
  }
  const target = hostOf(headers.get("x-forwarded-host")) ?? hostOf(headers.get("host"));
  if (target === null) return false;
  // URL drops a scheme's default port ("http://a:80" → "a"); Host may carry it.
  const defaultPort = origin.toLowerCase().startsWith("https:") ? ":443" : ":80";
  return originHost === target || `${originHost}${defaultPort}` === target;
}

const JSON_TYPE = /^application\/json\s*(;\s*charset\s*=\s*"?utf-8"?\s*)?$/i;

/** Why a JSON write request is refused before its body is read, or null. */
export function jsonRequestRefusal(headers: Headers, limit: number): Refusal | null {
  if (!sameOrigin(headers)) return { status: 403, message: "This request must come from the editor's own pages (Origin)." };
  if (!JSON_TYPE.test(headers.get("content-type") ?? "")) {
    return { status: 415, message: "This request must be JSON (Content-Type: application/json)." };
  }
  const length = headers.get("content-length");
  if (length === null) return { status: 411, message: "This request needs a Content-Length." };
  if (!/^\d{1,15}$/.test(length) || Number(length) > limit) {
    return { status: 413, message: `The request is larger than this route takes (${Math.round(limit / 1024)} KB at most).` };
  }
  return null;
}

/**
 * The request's JSON body as `unknown` (for the route's zod schema), or the refusal: the perimeter above, a body
 * longer than its Content-Length said or than the limit, text that is not JSON.
 */
export async function readJsonRequest(request: Request, limit: number): Promise<{ ok: true; input: unknown } | { ok: false; refusal: Refusal }> {
  const refusal = jsonRequestRefusal(request.headers, limit);
  if (refusal) return { ok: false, refusal };
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await request.arrayBuffer());
  } catch {
    return { ok: false, refusal: { status: 400, message: "The request's body could not be read." } };
  }
  if (bytes.byteLength > limit) {
    return { ok: false, refusal: { status: 413, message: `The request is larger than this route takes (${Math.round(limit / 1024)} KB at most).` } };
  }
  try {
    return { ok: true, input: JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes)) as unknown };
  } catch {
    return { ok: false, refusal: { status: 400, message: "The request's body is not JSON." } };
  }
}

/** A refusal as the plain-text answer the proxy's refusals are. */
export function refusalResponse(refusal: Refusal): Response {
  return new Response(`${refusal.message}\n`, {
    status: refusal.status,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}

/** The one-cell save's body limit: an inline edit's largest valid value, like the server action it replaces. */
export const CELL_SAVE_BODY_LIMIT = 1024 * 1024;

/** The JSON write routes and their body limits, by path under the base path: for the proxy (proxy.ts). */
export function jsonRouteLimit(method: string, pathname: string): number | null {
  return method === "POST" && /^\/cell\/[^/]+\/?$/.test(pathname) ? CELL_SAVE_BODY_LIMIT : null;
}
