import "server-only";
import type pg from "pg";
import { tx } from "../db/pool";
import type { FieldKind } from "../schemas/fields";
import { ConflictError, FieldError } from "./conflict";
import { dbValues, updateIfVersion, type Entity } from "./versioned-row";
import { say } from "../i18n/messages";

/** One validated grid cell: a field of row `id` (at the version the editor holds) and its form value. */
export interface CellEdit {
  id: number;
  rowVersion: string;
  field: string;
  value: string | boolean;
}

/** What the grids' batch edits (paste, fill down, undo) write through, per entity. */
export interface CellEditTarget<R> {
  entity: Entity<R>;
  kinds: Record<string, FieldKind>;
  /** Checks the server makes before writing (PostgreSQL types), in the transaction: message by edit index. */
  check?: (edits: CellEdit[], client: pg.ClientBase) => Promise<Record<number, string>>;
}

/** A refused batch: the message per edit (by its index in the request); nothing was written. */
export class CellEditsError extends Error {
  constructor(
    message: string,
    readonly cells: Record<number, string>,
  ) {
    super(message);
    this.name = "CellEditsError";
  }
}

/**
 * Writes many cells in one transaction, each row once (its edits merged) and guarded by its version: all or
 * nothing. A row someone else changed (or deleted) meanwhile, a refused type or a duplicate name fails the
 * whole batch with the cells at fault. Returns the rows as they are now, in order of first appearance.
 */
export async function applyCellEdits<R>(target: CellEditTarget<R>, edits: CellEdit[], pool?: pg.Pool): Promise<R[]> {
  const byRow = new Map<number, { rowVersion: string; changes: Record<string, string | boolean>; indexes: Map<string, number> }>();
  edits.forEach((edit, i) => {
    const row = byRow.get(edit.id) ?? { rowVersion: edit.rowVersion, changes: {}, indexes: new Map<string, number>() };
    row.changes[edit.field] = edit.value;
    row.indexes.set(edit.field, i);
    byRow.set(edit.id, row);
  });
  return tx(async (client) => {
    if (target.check) {
      const problems = await target.check(edits, client);
      const n = Object.keys(problems).length;
      if (n > 0) throw new CellEditsError(say("server.cellsInvalid", { count: n }), problems);
    }
    const saved: R[] = [];
    for (const [id, row] of byRow) {
      try {
        saved.push(await updateIfVersion(target.entity, id, row.rowVersion, dbValues(target.kinds, row.changes), client));
      } catch (error) {
        const all = (message: string) => Object.fromEntries([...row.indexes.values()].map((i) => [i, message]));
        if (error instanceof ConflictError) {
          const message = error.current ? say("server.rowChangedNothingSaved") : say("server.rowDeletedNothingSaved");
          throw new CellEditsError(message, all(message));
        }
        if (error instanceof FieldError) {
          const index = row.indexes.get(error.field);
          throw new CellEditsError(say("server.nothingSavedBecause", { reason: error.message }), index === undefined ? all(error.message) : { [index]: error.message });
        }
        throw error;
      }
    }
    return saved;
  }, pool);
}
