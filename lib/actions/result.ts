import type { z } from "zod";
import { toUserError } from "../db/errors";
import { getConnection } from "../db/pool";

/** What every server action returns: data, or errors a form can show (formError on top, fieldErrors inline). */
export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; formError?: string; fieldErrors?: Record<string, string> };

export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const fieldErrors: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_form";
    fieldErrors[key] ??= issue.message;
  }
  return fieldErrors;
}

/** Validation failure: the fields at fault, and one sentence for the top of the form. */
export function invalid(error: z.ZodError): ActionResult<never> {
  const fieldErrors = fieldErrorsOf(error);
  return { ok: false, formError: "Some values need correcting; see the marked fields.", fieldErrors };
}

/** A thrown error as an action result; database errors mapped once, in lib/db/errors.ts. */
export function failed(error: unknown, fields: Record<string, string> = {}): ActionResult<never> {
  let display;
  try {
    display = getConnection().display;
  } catch {
    display = undefined;
  }
  const userError = toUserError(error, display, fields);
  return userError.field
    ? { ok: false, formError: userError.message, fieldErrors: { [userError.field]: userError.message } }
    : { ok: false, formError: userError.message };
}
