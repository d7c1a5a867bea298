import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * Who may talk to the editor, decided before any page, route or server action runs (proxy.ts):
 * - only the Host names it is configured for (loopback names and IP addresses, plus ALLOWED_HOSTS), so a
 *   DNS-rebinding page cannot reach it under a name of its own;
 * - with an access token (ACCESS_TOKEN, which the launcher generates when HOST is not a loopback address), only
 *   requests that carry it: once as `?token=`, then as a cookie, or as `Authorization: Bearer`.
 */
type Env = Record<string, string | undefined>;

export const ACCESS_COOKIE = "metadata_editor_access";
const LOOPBACK_NAMES = new Set(["localhost", "127.0.0.1", "::1", "[::1]"]);

export function isLoopback(host: string): boolean {
  const name = host.trim().toLowerCase();
  return LOOPBACK_NAMES.has(name) || name.endsWith(".localhost") || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(name);
}

/** The host name of a Host header, lower case, without its port ("[::1]:80" → "[::1]"); null when malformed. */
export function hostName(header: string | null): string | null {
  if (!header) return null;
  const match = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(?::\d{1,5})?$/i.exec(header.trim());
  return match ? match[1].toLowerCase() : null;
}

/** ALLOWED_HOSTS: comma-separated host names (no ports, no schemes); a leading "." allows subdomains. */
export function allowedHosts(env: Env = process.env): string[] {
  return (env.ALLOWED_HOSTS ?? "")
    .split(",")
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean);
}

/** An address, not a name: a rebinding page always arrives under a DNS name of its own, never as an IP. */
function isIpLiteral(name: string): boolean {
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(name) || name.startsWith("[");
}

export function hostAllowed(header: string | null, env: Env = process.env): boolean {
  const name = hostName(header);
  if (!name) return false;
  if (isLoopback(name) || isIpLiteral(name)) return true;
  return allowedHosts(env).some((h) => (h.startsWith(".") ? name.endsWith(h) || name === h.slice(1) : name === h));
}

/**
 * The token requests must carry: ACCESS_TOKEN when set. Without one, a HOST that is not loopback is refused
 * outright ("misconfigured"): the launcher always sets one, so this only happens when Next is started by hand.
 */
export function requiredToken(env: Env = process.env): string | null | "misconfigured" {
  const token = env.ACCESS_TOKEN?.trim();
  if (token) return token;
  const host = env.HOST?.trim();
  return host && !isLoopback(host) ? "misconfigured" : null;
}

/** For the launcher: the token to use, and whether it was generated here (then it prints it with the URL). */
export function launchToken(env: Env = process.env): { token: string | null; generated: boolean } {
  const given = env.ACCESS_TOKEN?.trim();
  if (given) return { token: given, generated: false };
  const host = env.HOST?.trim() || "127.0.0.1";
  if (isLoopback(host)) return { token: null, generated: false };
  return { token: randomBytes(24).toString("base64url"), generated: true };
}

/** Constant-time comparison (of digests, so lengths do not leak either). */
export function tokenMatches(given: string | null | undefined, expected: string): boolean {
  if (!given) return false;
  const digest = (s: string) => createHash("sha256").update(s).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

export function bearerToken(authorization: string | null): string | null {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization?.trim() ?? "");
  return match ? match[1] : null;
}

/**
 * The response headers every answer carries (`nonce` null: an answer with no scripts at all). Scripts: only the page's own, by nonce ('strict-dynamic' lets
 * Next's runtime load its chunks). Styles allow inline: the grids position rows with style attributes.
 * No framing by anyone (the Tools page holds Reset), no MIME sniffing, no Referer to other sites.
 */
export function securityHeaders(nonce: string | null, dev = process.env.NODE_ENV === "development"): Record<string, string> {
  const csp = [
    "default-src 'self'",
    nonce === null ? "script-src 'none'" : `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    // Workers would otherwise fall back to script-src, where 'strict-dynamic' ignores 'self'.
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
  return {
    "Content-Security-Policy": csp,
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
  };
}
