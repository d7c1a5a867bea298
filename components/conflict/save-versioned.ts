import { fieldErrorsFrom, type MutationResult } from "@/lib/actions/types";
import type { ConflictChoice } from "./use-conflict";
import { say } from "@/lib/i18n/messages";

export type SaveOutcome<R, V> =
  | { kind: "saved"; row: R }
  | { kind: "theirs"; row: R; values: V }
  | { kind: "gone" }
  | { kind: "failed"; formError: string; fieldErrors: Record<string, string> };

/**
 * Saves a whole form guarded by the row's version. On a conflict the user sees each field that differs,
 * theirs beside mine, and chooses: keep theirs (the form takes their values) or overwrite (saved again on
 * their version). The form handles the outcome; nothing is overwritten without the user's say.
 */
export async function saveVersioned<R extends { rowVersion: string }, V extends Record<string, unknown>>(options: {
  rowVersion: string;
  values: V;
  what: string;
  save: (rowVersion: string) => Promise<MutationResult<R>>;
  toValues: (row: R) => V;
  ask: (
    what: string,
    fields: { name: string; theirs: unknown; mine: unknown }[],
    deleted?: boolean,
  ) => Promise<ConflictChoice>;
}): Promise<SaveOutcome<R, V>> {
  const { values, what, save, toValues, ask } = options;
  let rowVersion = options.rowVersion;
  for (;;) {
    const result = await save(rowVersion);
    if (result.ok) return { kind: "saved", row: result.data };
    if (!("conflict" in result)) {
      return { kind: "failed", formError: result.formError ?? say("common.notSavedShort"), fieldErrors: fieldErrorsFrom(result) };
    }
    if (!result.conflict) {
      await ask(what, [], true);
      return { kind: "gone" };
    }
    const theirs = toValues(result.conflict);
    const fields = Object.keys(theirs)
      .filter((f) => f !== "rowVersion" && theirs[f] !== values[f])
      .map((f) => ({ name: f, theirs: theirs[f], mine: values[f] }));
    if ((await ask(what, fields)) === "theirs") return { kind: "theirs", row: result.conflict, values: theirs };
    rowVersion = result.conflict.rowVersion;
  }
}
