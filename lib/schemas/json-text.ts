import { z } from "zod";
import { vmsg } from "../i18n/messages";
import { unstorableProblem } from "./fields";

/** Limits of every JSONB value the editor writes (compact characters, nesting levels): far above the spec's
 * examples, far below what slows a page down. */
export const MAX_JSON_CHARS = 50_000;
export const MAX_JSON_DEPTH = 32;

/**
 * Why a parsed JSON value cannot be stored, or null: nested deeper than MAX_JSON_DEPTH, or a key or string
 * PostgreSQL cannot hold (jsonb refuses \u0000). Walks with its own stack: no recursion, whatever the depth.
 */
export function jsonValueProblem(value: unknown): string | null {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (typeof v === "string") {
      const problem = unstorableProblem(v);
      if (problem) return problem;
    } else if (v !== null && typeof v === "object") {
      if (depth >= MAX_JSON_DEPTH) return vmsg("jsonTooDeep", { max: MAX_JSON_DEPTH });
      for (const [key, child] of Object.entries(v)) {
        const problem = unstorableProblem(key);
        if (problem) return problem;
        stack.push([child, depth + 1]);
      }
    }
  }
  return null;
}

/** Parses JSON text within the limits: the value, or the problem to show (empty text is the caller's). */
export function parseBoundedJson(text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  const tooLong = { ok: false, message: vmsg("jsonTooLong", { max: MAX_JSON_CHARS }) } as const;
  // Indentation does not count against the limit (forms show JSON pretty-printed), but parsing stays bounded.
  if (text.length > 4 * MAX_JSON_CHARS) return tooLong;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: vmsg("jsonInvalid", { detail: (error as Error).message }) };
  }
  const problem = jsonValueProblem(value);
  if (problem) return { ok: false, message: problem };
  return JSON.stringify(value).length > MAX_JSON_CHARS ? tooLong : { ok: true, value };
}

const jsonString = z.string({ error: () => vmsg("jsonTextExpected") });

/**
 * A JSONB column edited as text: empty means NULL; otherwise it must parse within the limits, and (by
 * default) be an object or an array, as every JSONB example in the spec is.
 */
export function jsonText(shape: "object" | "array" | "any" = "any", check?: (value: unknown) => string | null) {
  return jsonString.superRefine((text, ctx) => {
    if (text.trim() === "") return;
    const parsed = parseBoundedJson(text);
    if (!parsed.ok) {
      ctx.addIssue({ code: "custom", message: parsed.message });
      return;
    }
    const value = parsed.value;
    const isArray = Array.isArray(value);
    const isObject = typeof value === "object" && value !== null && !isArray;
    if (shape === "object" && !isObject) ctx.addIssue({ code: "custom", message: vmsg("jsonObject") });
    else if (shape === "array" && !isArray) ctx.addIssue({ code: "custom", message: vmsg("jsonArray") });
    else if (shape === "any" && !isArray && !isObject) {
      ctx.addIssue({ code: "custom", message: vmsg("jsonObjectOrArray") });
    } else {
      const problem = check?.(value);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    }
  });
}

/** Text → value for a JSONB parameter (NULL when empty). Call only on validated text. */
export function parseJsonText(text: string): unknown {
  return text.trim() === "" ? null : JSON.parse(text);
}

/** Value from a JSONB column → text for the form. */
export function toJsonText(value: unknown): string {
  return value === null || value === undefined ? "" : JSON.stringify(value, null, 2);
}

/** JSON text whose parsed value must also satisfy `schema` (empty = NULL); the first problem names its path. */
export function jsonTextOf(schema: z.ZodType) {
  return jsonString.superRefine((text, ctx) => {
    if (text.trim() === "") return;
    const parsed = parseBoundedJson(text);
    if (!parsed.ok) {
      ctx.addIssue({ code: "custom", message: parsed.message });
      return;
    }
    const result = schema.safeParse(parsed.value);
    if (!result.success) {
      const issue = result.error.issues[0];
      const where = issue.path.length ? `${issue.path.join(".")}: ` : "";
      ctx.addIssue({ code: "custom", message: `${where}${issue.message}` });
    }
  });
}

/** For structured JSON editors: `fallback` when empty, the parsed value, or null when the text is not JSON. */
export function parseJsonOr<T>(text: string, fallback: T): T | null {
  if (text.trim() === "") return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return null;
  }
}
