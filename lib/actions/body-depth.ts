/**
 * A server action's arguments nested too deep to be read: React's decodeReply revives the request's JSON
 * recursively, and about 3,300 levels of `[` or `{` overflowed the server's stack (an HTTP 500 with no word for
 * the caller) before the action could refuse it. The proxy refuses them first (proxy.ts). No valid input comes
 * near: JSON values are at most 32 levels deep (lib/schemas), and React's encoding adds a few.
 */
export const MAX_ACTION_NESTING = 500;

/** Whether JSON text `text` nests arrays and objects more than `max` levels deep (brackets in strings do not count). */
export function nestedDeeperThan(text: string, max: number): boolean {
  // Fewer characters than an opening and a closing bracket per level cannot be that deep.
  if (text.length <= 2 * max) return false;
  let depth = 0;
  let inString = false;
  // From one character that matters to the next (a native search: a long string is passed over at once).
  const marks = /["[\]{}\\]/g;
  for (let m = marks.exec(text); m !== null; m = marks.exec(text)) {
    const c = m[0];
    if (inString) {
      if (c === "\\") marks.lastIndex++; // the escaped character, whatever it is
      else if (c === '"') inString = false;
    } else if (c === '"') {
      inString = true;
    } else if (c === "[" || c === "{") {
      if (++depth > max) return true;
    } else if (c === "]" || c === "}") {
      depth--;
    }
  }
  return false;
}

/**
 * Why a server action's body is refused for its nesting (a sentence), or null. The parts React decodes: the whole
 * body when it is text, each text field of a form (multipart or URL-encoded; uploaded files are not decoded).
 */
export async function actionNestingRefusal(request: Request): Promise<string | null> {
  const type = request.headers.get("content-type") ?? "";
  const length = Number(request.headers.get("content-length") ?? "0");
  if (!(length > 2 * MAX_ACTION_NESTING)) return null;
  let parts: string[];
  if (type.startsWith("multipart/form-data") || type.startsWith("application/x-www-form-urlencoded")) {
    const form = await request.clone().formData().catch(() => null);
    if (!form) return null; // Next answers a malformed form itself.
    parts = [...form.values()].filter((v): v is string => typeof v === "string");
  } else {
    parts = [await request.clone().text()];
  }
  return parts.some((p) => nestedDeeperThan(p, MAX_ACTION_NESTING))
    ? `Malformed request: its arguments are nested more than ${MAX_ACTION_NESTING} levels deep.`
    : null;
}
