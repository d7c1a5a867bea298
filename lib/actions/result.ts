import { z } from "zod";
import { toUserError } from "../db/errors";
import { getConnection } from "../db/pool";
import { ConflictError, FieldError } from "../metadata/conflict";
import { toFormValue, type FieldKind } from "../schemas/fields";
import type { ActionResult, MutationResult } from "./types";

export type { ActionResult, MutationResult } from "./types";

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


/** Conflicts and field refusals from lib/metadata, then everything else through failed(). */
export function mutationFailed<T>(error: unknown): MutationResult<T> {
  if (error instanceof ConflictError) return { ok: false, formError: error.message, conflict: error.current as T | null };
  if (error instanceof FieldError) return { ok: false, formError: error.message, fieldErrors: { [error.field]: error.message } };
  return failed(error);
}

export const idVersionSchema = z.object({
  id: z.coerce.number<string | number>().int().positive(),
  rowVersion: z.string().min(1).max(100),
});

/**
 * An inline grid edit: `field` must be a key of the entity's schema (the allow-list), `value` is validated by
 * that field's schema after conversion to form representation. Returns the form value or the message.
 */
export function parseInlineEdit<F extends string>(
  schema: z.ZodObject,
  kinds: Record<F, FieldKind>,
  input: unknown,
): { ok: true; id: number; rowVersion: string; field: F; value: string | boolean } | { ok: false; formError: string } {
  const base = idVersionSchema.extend({ field: z.string(), value: z.unknown() }).safeParse(input);
  if (!base.success) return { ok: false, formError: "Malformed edit request." };
  const field = base.data.field as F;
  if (!Object.hasOwn(kinds, field)) return { ok: false, formError: `"${base.data.field}" cannot be edited here.` };
  const formValue = toFormValue(kinds[field], base.data.value);
  const parsed = (schema.shape[field] as z.ZodType<string | boolean>).safeParse(formValue);
  if (!parsed.success) return { ok: false, formError: parsed.error.issues[0].message };
  return { ok: true, id: base.data.id, rowVersion: base.data.rowVersion, field, value: parsed.data };
}
