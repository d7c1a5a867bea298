import { NextResponse, type NextRequest } from "next/server";
import {
  ACCESS_COOKIE,
  bearerToken,
  hostAllowed,
  requiredToken,
  securityHeaders,
  tokenMatches,
} from "./lib/http/perimeter";
import { actionBodyRefusal } from "./lib/actions/body-limit";
import { actionNestingRefusal } from "./lib/actions/body-depth";

/**
 * The editor's perimeter (Next 16's proxy, formerly middleware): runs before every page, route handler and
 * server action. Refuses Host names it does not serve (DNS rebinding) and, when an access token is set,
 * requests without it; refuses a server action's request too large for it (by Content-Length) or nested too deep
 * for React to read (lib/actions/body-depth.ts); gives every answer its security headers and the page its CSP nonce.
 */
export async function proxy(request: NextRequest) {
  if (!hostAllowed(request.headers.get("host"))) {
    return refuse(421, "This editor does not answer to that host name. Its operator can add it to ALLOWED_HOSTS.");
  }
  const token = requiredToken();
  if (token === "misconfigured") {
    return refuse(403, "HOST is not a loopback address and no ACCESS_TOKEN is set: start the editor with npm start, or set ACCESS_TOKEN.");
  }
  if (token !== null) {
    const inQuery = request.nextUrl.searchParams.get("token");
    if (inQuery !== null && tokenMatches(inQuery, token)) return admit(request, token);
    const presented = request.cookies.get(ACCESS_COOKIE)?.value ?? bearerToken(request.headers.get("authorization"));
    if (!tokenMatches(presented, token)) {
      return refuse(401, "This editor needs its access token: open the address it printed when it started (ending in ?token=…).");
    }
  }
  const actionId = request.method === "POST" ? request.headers.get("next-action") : null;
  if (actionId !== null) {
    const refusal = actionBodyRefusal(actionId, request.headers.get("content-length"));
    if (refusal) return refuse(refusal.status, refusal.message);
    const tooDeep = await actionNestingRefusal(request);
    if (tooDeep) return refuse(400, tooDeep);
  }
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString("base64");
  const headers = securityHeaders(nonce);
  // Next reads the CSP from the request to put the nonce on its own scripts.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("Content-Security-Policy", headers["Content-Security-Policy"]);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

/** The token came in the address: keep it as a cookie and show the address without it. */
function admit(request: NextRequest, token: string) {
  const url = request.nextUrl.clone();
  url.searchParams.delete("token");
  const response = NextResponse.redirect(url, 303);
  response.cookies.set(ACCESS_COOKIE, token, {
    httpOnly: true,
    sameSite: "lax",
    path: request.nextUrl.basePath || "/",
    secure: request.nextUrl.protocol === "https:",
  });
  withSecurityHeaders(response.headers);
  return response;
}

function refuse(status: number, message: string) {
  const headers = new Headers({ "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" });
  withSecurityHeaders(headers);
  return new NextResponse(`${message}\n`, { status, headers });
}

function withSecurityHeaders(headers: Headers) {
  for (const [name, value] of Object.entries(securityHeaders(null))) headers.set(name, value);
}
