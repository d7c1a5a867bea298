import type { MutationResult } from "@/lib/actions/types";
import type { ConflictChoice } from "./use-conflict";
import { say } from "@/lib/i18n/messages";

interface Versioned {
  id: number;
  rowVersion: string;
}

/**
 * Saves one grid cell through `save`; on a conflict asks the user (their value beside mine) and either
 * keeps theirs or overwrites with the new version. Resolves null when the grid may leave edit mode, or the
 * message to show on the cell (the typed value is kept).
 */
export async function commitCell<T extends Versioned, R extends Versioned = T>(options: {
  row: T;
  field: string;
  value: unknown;
  what: string;
  save: (input: { id: number; rowVersion: string; field: string; value: unknown }) => Promise<MutationResult<R>>;
  replace: (row: R) => void;
  remove: (id: number) => void;
  ask: (
    what: string,
    fields: { name: string; theirs: unknown; mine: unknown }[],
    deleted?: boolean,
  ) => Promise<ConflictChoice>;
}): Promise<string | null> {
  const { row, field, value, save, replace, remove, ask, what } = options;
  let rowVersion = row.rowVersion;
  for (;;) {
    let result: MutationResult<R>;
    try {
      result = await save({ id: row.id, rowVersion, field, value });
    } catch {
      return say("common.serverGone");
    }
    if (result.ok) {
      replace(result.data);
      return null;
    }
    if ("conflict" in result) {
      if (result.conflict === null) {
        await ask(what, [], true);
        remove(row.id);
        return null;
      }
      const theirs = result.conflict;
      const choice = await ask(what, [
        { name: field, theirs: (theirs as Record<string, unknown>)[field], mine: value },
      ]);
      if (choice === "theirs") {
        replace(theirs);
        return null;
      }
      rowVersion = theirs.rowVersion;
      continue;
    }
    return result.fieldErrors?.[field] ?? result.formError ?? say("common.notSavedShort");
  }
}
