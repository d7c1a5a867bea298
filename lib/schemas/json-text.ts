import { z } from "zod";

/**
 * A JSONB column edited as text: empty means NULL; otherwise it must parse, and (by default) be an
 * object or an array, as every JSONB example in the seed is.
 */
export function jsonText(shape: "object" | "array" | "any" = "any") {
  return z.string().superRefine((text, ctx) => {
    if (text.trim() === "") return;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      ctx.addIssue({ code: "custom", message: `Not valid JSON: ${(error as Error).message}` });
      return;
    }
    const isArray = Array.isArray(value);
    const isObject = typeof value === "object" && value !== null && !isArray;
    if (shape === "object" && !isObject) ctx.addIssue({ code: "custom", message: "Must be a JSON object: { ... }" });
    else if (shape === "array" && !isArray) ctx.addIssue({ code: "custom", message: "Must be a JSON array: [ ... ]" });
    else if (shape === "any" && !isArray && !isObject) {
      ctx.addIssue({ code: "custom", message: "Must be a JSON object or array" });
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
  return z.string().superRefine((text, ctx) => {
    if (text.trim() === "") return;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      ctx.addIssue({ code: "custom", message: `Not valid JSON: ${(error as Error).message}` });
      return;
    }
    const result = schema.safeParse(value);
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
