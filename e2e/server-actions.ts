import { readFileSync } from "node:fs";
import path from "node:path";

/**
 * Calls server actions the way the browser does: POST to a page that uses the action, with the `Next-Action`
 * header and the arguments encoded as React's encodeReply does for plain values (a JSON array, strings that
 * start with "$" escaped). Action ids come from the production build's server-reference manifest.
 */
export interface ServerAction {
  id: string;
  /** app/(editor)/tables/actions.ts */
  file: string;
  /** createTableAction */
  name: string;
  /** A page (path under the base URL) whose bundle holds the action. */
  page: string;
}

export function serverActions(tableId: number): ServerAction[] {
  const manifest = JSON.parse(readFileSync(path.join(".next", "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { filename: string; exportedName: string; workers: Record<string, unknown> }>;
  };
  return Object.entries(manifest.node).map(([id, entry]) => ({
    id,
    file: entry.filename,
    name: entry.exportedName,
    page: pageOf(Object.keys(entry.workers)[0], tableId),
  }));
}

/** "app/(editor)/tables/[id]/page" → "tables/12": route groups dropped, dynamic segments filled. */
function pageOf(worker: string, id: number): string {
  return worker
    .replace(/^app\//, "")
    .replace(/\/?page$/, "")
    .split("/")
    .filter((s) => s !== "" && !s.startsWith("("))
    .map((s) => (s.startsWith("[") ? String(id) : s))
    .join("/");
}

/** JSON text spliced into the body as is (for values this process could not even stringify, e.g. deep nesting). */
export class RawJson {
  constructor(readonly text: string) {}
}

/** encodeReply for plain values: "$"-prefixed strings escaped, undefined as "$undefined", RawJson spliced. */
export function encodeArgs(args: unknown[]): string {
  const raws: string[] = [];
  const text = JSON.stringify(args, (_key, value: unknown) => {
    if (value instanceof RawJson) {
      raws.push(value.text);
      return `\u0001raw${raws.length - 1}\u0001`;
    }
    if (value === undefined) return "$undefined";
    if (typeof value === "string" && value.startsWith("$")) return `$${value}`;
    return value;
  });
  return text.replace(/"\\u0001raw(\d+)\\u0001"/g, (_m, i: string) => raws[Number(i)]);
}

export interface ActionResponse {
  status: number;
  ms: number;
  text: string;
  /** The action's return value, when the response carries one. */
  result: unknown;
}

/** The return value in a Flight response: the row the root ("0:") points at with "$@n", else row 1. */
export function actionResult(body: string): unknown {
  const rows = new Map<string, string>();
  for (const line of body.split("\n")) {
    const m = /^([0-9a-f]+):(.*)$/.exec(line);
    if (m) rows.set(m[1], m[2]);
  }
  try {
    const root = JSON.parse(rows.get("0") ?? "null") as { a?: string } | null;
    const ref = typeof root?.a === "string" && root.a.startsWith("$@") ? root.a.slice(2) : "1";
    const row = rows.get(ref);
    return row === undefined ? undefined : JSON.parse(row);
  } catch {
    return undefined;
  }
}

export async function callAction(
  baseURL: string,
  action: ServerAction,
  body: string | FormData,
  headers: Record<string, string> = {},
): Promise<ActionResponse> {
  const url = new URL(action.page, baseURL);
  const started = performance.now();
  const response = await fetch(url, {
    method: "POST",
    headers: {
      "Next-Action": action.id,
      Accept: "text/x-component",
      Origin: url.origin,
      ...(typeof body === "string" ? { "Content-Type": "text/plain;charset=UTF-8" } : {}),
      ...headers,
    },
    body,
    redirect: "manual",
  });
  const text = await response.text();
  return { status: response.status, ms: performance.now() - started, text, result: actionResult(text) };
}
