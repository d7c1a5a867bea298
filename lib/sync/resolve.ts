import type pg from "pg";
import { onClientInTransaction } from "../db/pool";
import { say } from "../i18n/messages";
import { columnSchema, type ColumnField, type ColumnValues } from "../schemas/column";
import { tableSchema, type TableField, type TableValues } from "../schemas/table";
import type { DriftItem } from "./drift";
import { objectName } from "./from-metadata";
import { runImport } from "./import";
import { insertRelations, readExisting, updateColumns, updateTables } from "./metadata-rows";
import { foreignKeyKey, indexKey, tableKey, type TableModel } from "./model";
import { loadSync, type SyncOptions, type SyncState } from "./sync";
import { columnValuesFrom, enumsByType, isColumnIndex } from "./to-metadata";

/** The item is no longer there (someone resolved it meanwhile): nothing was changed. */
export class DriftGoneError extends Error {
  constructor() {
    super(say("sync.driftGone"));
    this.name = "DriftGoneError";
  }
}

const parseJson = <T>(text: string, fallback: T): T => (text.trim() ? (JSON.parse(text) as T) : fallback);

/**
 * "Take the database's version": changes the metadata so that this one item no longer differs, touching only
 * the database-side fields the item is about. Runs in one transaction; rows go through the edit forms' schemas.
 */
export async function resolveWithDatabase(meta: pg.ClientBase, itemId: string, options: SyncOptions = {}): Promise<DriftItem> {
  return onClientInTransaction(meta, async () => {
    const state = await loadSync(meta, { ...options, inTransaction: options.target === undefined || options.target === meta });
    const item = state.items.find((i) => i.id === itemId);
    if (!item) throw new DriftGoneError();
    await resolveItem(meta, state, item, options.target);
    return item;
  });
}

async function resolveItem(meta: pg.ClientBase, state: SyncState, item: DriftItem, target?: pg.ClientBase) {
  const [schema] = item.table.split(".");
  const live = state.actual.model.tables.find((t) => tableKey(t) === item.table);
  const tableId = state.raw.ids.tables.get(item.table);
  const columnName = `${item.table}.${item.column}`;
  const existing = await readExisting(meta, [schema]);
  const table = existing.tables.get(item.table);
  const column = existing.columns.get(columnName);
  const setTable = (fields: Partial<TableValues>) =>
    updateTables(meta, [{ id: table!.id, values: tableSchema.parse({ ...table!.values, ...fields }) }], Object.keys(fields) as TableField[]);
  const setColumn = (name: string, fields: Partial<ColumnValues>) => {
    const row = existing.columns.get(name)!;
    return updateColumns(meta, [{ id: row.id, values: columnSchema.parse({ ...row.values, ...fields }) }], Object.keys(fields) as ColumnField[]);
  };
  const fromDatabase = (name: string) => {
    const c = live!.columns.find((x) => x.name === name)!;
    return columnValuesFrom(live!, c, 0, enumsByType(state.actual.model.enums), existing.columns.get(`${item.table}.${name}`)?.values ?? null);
  };
  const constraintsWith = (changes: Record<string, unknown>) => {
    const pc = parseJson<Record<string, unknown>>(column!.values.pg_constraints, {});
    for (const [k, v] of Object.entries(changes)) {
      if (v === null || v === undefined) delete pc[k];
      else pc[k] = v;
    }
    return JSON.stringify(pc);
  };
  const liveColumn = live?.columns.find((c) => c.name === item.column);

  switch (item.kind) {
    case "table":
      if (item.database === null) await meta.query("DELETE FROM _metadata.mappings_table WHERE id = $1", [tableId]);
      else await runImport(meta, [schema], { only: new Set([item.table]), inTransaction: true, target });
      return;
    case "column":
      if (item.database === null) {
        await meta.query("DELETE FROM _metadata.mappings_column WHERE id = $1", [column!.id]);
        await meta.query(
          "DELETE FROM _metadata.mappings_relation WHERE (from_table_id = $1 AND from_column = $2) OR (to_table_id = $1 AND to_column = $2)",
          [tableId, item.column],
        );
      } else await runImport(meta, [schema], { only: new Set([item.table]), onlyColumns: new Set([columnName]), inTransaction: true, target });
      return;
    case "type":
      return setColumn(columnName, { pg_type: fromDatabase(item.column!).pg_type });
    case "generation":
      return setColumn(columnName, {
        pg_type: fromDatabase(item.column!).pg_type,
        pg_constraints: constraintsWith({ identity: liveColumn!.identity, default: liveColumn!.default }),
      });
    case "nullability":
      return setColumn(columnName, { pg_constraints: constraintsWith({ notNull: liveColumn!.notNull }) });
    case "default":
      return setColumn(columnName, { pg_constraints: constraintsWith({ default: liveColumn!.default }) });
    case "comment":
      return item.column ? setColumn(columnName, { comment: item.database ?? "" }) : setTable({ description: item.database ?? "" });
    case "primary-key": {
      for (const c of live!.columns) {
        const name = `${item.table}.${c.name}`;
        const want = live!.primaryKey.includes(c.name);
        if (existing.columns.get(name) && existing.columns.get(name)!.values.is_primary_key !== want) await setColumn(name, { is_primary_key: want });
      }
      return setTable({ primary_key: live!.primaryKey.length === 1 ? live!.primaryKey[0] : "" });
    }
    case "unique":
      return setColumn(columnName, { is_unique: item.database !== null });
    case "index":
      return resolveIndex(state, item, live!, table!.values, setTable, setColumn);
    case "check": {
      const checks = parseJson<{ checks?: { name: string; condition: string }[] }>(table!.values.table_constraints, {}).checks ?? [];
      const kept = checks.filter((c) => c.name !== item.name);
      if (item.database !== null) kept.push({ name: item.name!, condition: item.database });
      for (const [name, c] of existing.columns) {
        if (!name.startsWith(`${item.table}.`)) continue;
        const pc = parseJson<Record<string, unknown>>(c.values.pg_constraints, {});
        if (pc.check !== undefined && objectName([item.table.split(".")[1], c.values.pg_column], "check") === item.name) {
          delete pc.check;
          await setColumn(name, { pg_constraints: JSON.stringify(pc) });
        }
      }
      return setTable({ table_constraints: kept.length ? JSON.stringify({ checks: kept }) : "" });
    }
    case "foreign-key":
      return resolveForeignKey(meta, state, item);
    case "enum": {
      const e = state.actual.model.enums.find((x) => tableKey(x) === item.table);
      const canonical = state.canonical.model.enums.find((x) => tableKey(x) === item.table);
      if (!e || !canonical) throw new DriftGoneError();
      // Columns whose metadata type names this enum: their options follow the database's labels.
      const { rows } = await meta.query<{ id: number; schema_name: string; table_name: string; pg_column: string }>(
        "SELECT id, schema_name, table_name, pg_column FROM _metadata.mappings_column WHERE enum_options IS NOT NULL AND pg_type = ANY($1::text[])",
        [[`${e.schema}.${e.name}`, e.name, ...(e.type ? [e.type] : [])]],
      );
      for (const r of rows) {
        const rowsOfSchema = r.schema_name === schema ? existing : await readExisting(meta, [r.schema_name]);
        const prior = rowsOfSchema.columns.get(`${r.schema_name}.${r.table_name}.${r.pg_column}`)!;
        const labels = new Map(parseJson<{ value: string; label: string }[]>(prior.values.enum_options, []).map((o) => [o.value, o.label]));
        const options = JSON.stringify(e.labels.map((value) => ({ value, label: labels.get(value) ?? value })));
        await updateColumns(meta, [{ id: prior.id, values: columnSchema.parse({ ...prior.values, enum_options: options }) }], ["enum_options"]);
      }
      return;
    }
  }
}

async function resolveIndex(
  state: SyncState,
  item: DriftItem,
  live: TableModel,
  tableValues: TableValues,
  setTable: (fields: Partial<TableValues>) => Promise<void>,
  setColumn: (name: string, fields: Partial<ColumnValues>) => Promise<void>,
) {
  const list = parseJson<Record<string, unknown>[]>(tableValues.indexes, []);
  if (item.database !== null) {
    const index = live.indexes.find((i) => indexKey(i) === item.name)!;
    if (isColumnIndex(live, index) && !state.canonical.model.tables.find((t) => tableKey(t) === item.table)!.indexes.some((i) => i.columns.length === 1 && i.columns[0] === index.columns[0] && !i.unique && !i.where)) {
      return setColumn(`${item.table}.${index.columns[0]}`, { is_indexed: true, index_config: JSON.stringify({ type: index.method.toUpperCase(), name: index.name }) });
    }
    list.push({ columns: index.columns, type: index.unique ? "UNIQUE" : index.method.toUpperCase(), ...(index.name ? { name: index.name } : {}), ...(index.where ? { where: index.where } : {}) });
    return setTable({ indexes: JSON.stringify(list) });
  }
  // Metadata only: canonical indexes are the table's list first, then the columns' is_indexed, in order.
  const canonical = state.canonical.model.tables.find((t) => tableKey(t) === item.table)!;
  const at = canonical.indexes.findIndex((i) => indexKey(i) === item.name);
  if (at < list.length) {
    list.splice(at, 1);
    return setTable({ indexes: list.length ? JSON.stringify(list) : "" });
  }
  return setColumn(`${item.table}.${canonical.indexes[at].columns[0]}`, { is_indexed: false, index_config: "" });
}

async function resolveForeignKey(meta: pg.ClientBase, state: SyncState, item: DriftItem) {
  const relationId = state.raw.ids.relations.get(item.name!);
  const fk = state.actual.model.foreignKeys.find((f) => foreignKeyKey(f) === item.name);
  if (!fk) {
    await meta.query("DELETE FROM _metadata.mappings_relation WHERE id = $1", [relationId]);
    return;
  }
  if (relationId !== undefined) {
    await meta.query("UPDATE _metadata.mappings_relation SET is_cascade_delete = $2, constraint_name = $3 WHERE id = $1", [relationId, fk.cascade, fk.name]);
    return;
  }
  const from = state.actual.model.tables.find((t) => t.schema === fk.schema && t.name === fk.table)!;
  const fromId = state.raw.ids.tables.get(`${fk.schema}.${fk.table}`);
  const toId = state.raw.ids.tables.get(`${fk.toSchema}.${fk.toTable}`);
  if (fromId === undefined || toId === undefined) throw new DriftGoneError();
  await insertRelations(meta, [{ fk, from, ids: { from: fromId, to: toId } }]);
}
