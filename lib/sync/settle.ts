import type pg from "pg";
import type { MetadataModel } from "./from-metadata";
import type { SchemaModel, TableModel } from "./model";
import { canonicalize } from "./probe";

const expressions = (tables: TableModel[]) =>
  JSON.stringify(tables.map((t) => [t.columns.map((c) => c.default), t.checks.map((c) => c.condition), t.indexes.map((i) => i.where)]));

/**
 * What an import stores: each default, check and partial-index condition as the server prints it after parsing
 * its own print again, until that no longer changes (pg_get_expr is not always a fixed point). Then a table
 * planned from the metadata into another database reads back exactly as the metadata says.
 */
export async function settleExpressions(db: pg.ClientBase, model: SchemaModel, inTransaction: boolean): Promise<SchemaModel> {
  if (!model.tables.some((t) => t.checks.length || t.columns.some((c) => c.default !== null) || t.indexes.some((i) => i.where))) return model;
  const work = async () => {
    const tables = [...model.tables];
    // Round 1 parses everything; later rounds only the tables whose print changed in the round before.
    let pending = tables.map((_, i) => i);
    for (let round = 0; round < 3 && pending.length; round++) {
      const raw: MetadataModel = {
        tables: pending.map((i) => tables[i]),
        foreignKeys: [],
        enums: [],
        ids: { tables: new Map(), columns: new Map(), relations: new Map() },
        enumOptions: new Map(),
        manyToMany: [],
        problems: [],
        leftOut: [],
      };
      const { model: settled, problems } = await canonicalize(db, raw, { tables: [], foreignKeys: [], enums: [] });
      // An expression the server refuses out of context (it will not here: it came from the catalog) stays as it was.
      if (problems.length) break;
      const changed: number[] = [];
      settled.tables.forEach((t, k) => {
        const i = pending[k];
        if (expressions([t]) === expressions([tables[i]])) return;
        tables[i] = { ...tables[i], columns: t.columns.map((c, j) => ({ ...tables[i].columns[j], default: c.default })), checks: t.checks, indexes: t.indexes };
        changed.push(i);
      });
      pending = changed;
    }
    return { ...model, tables };
  };
  if (inTransaction) return work();
  await db.query("BEGIN");
  try {
    return await work();
  } finally {
    await db.query("ROLLBACK");
  }
}
