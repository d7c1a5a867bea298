/** Result shapes of server actions; client-safe (no server imports). Built by lib/actions/result.ts. */

/** What every server action returns: data, or errors a form can show (formError on top, fieldErrors inline). */
export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; formError?: string; fieldErrors?: Record<string, string> };

/** A save that may meet someone else's change: `conflict` is their current row (null when it was deleted). */
export type MutationResult<T> = ActionResult<T> | { ok: false; formError: string; conflict: T | null };

/** The field errors of a failed result, whichever kind of failure it is. */
export function fieldErrorsFrom(result: { ok: false }): Record<string, string> {
  return "fieldErrors" in result && result.fieldErrors ? (result.fieldErrors as Record<string, string>) : {};
}

/**
 * A result sent as its JSON text rather than as objects: React's Flight protocol walks every value on the server
 * and revives every value in the browser, which for the Form preview's 1,800 fields (~0.8 MB) cost more than the
 * work it carried; one string is sent as it is and read by one native JSON.parse.
 */
export type JsonText<T> = string & { readonly __jsonOf: T };

export const toJsonText = <T>(value: T): JsonText<T> => JSON.stringify(value) as JsonText<T>;

export const fromJsonText = <T>(text: JsonText<T>): T => JSON.parse(text) as T;
