import type pg from "pg";
import { z } from "zod";
import { onClientInTransaction } from "../db/pool";
import { COLUMN_FIELD_KINDS, type ColumnValues } from "../schemas/column";
import { TABLE_FIELD_KINDS, TABLE_FIELDS, type TableValues } from "../schemas/table";
import { introspect, type Introspection } from "./introspect";
import { settleExpressions } from "./settle";
import { changedFields, insertColumns, insertRelations, insertTables, readExisting, updateColumns, updateTables } from "./metadata-rows";
import { foreignKeyKey, tableKey, type ForeignKeyModel, type TableModel } from "./model";
import { columnValuesFrom, DATABASE_COLUMN_FIELDS, DATABASE_TABLE_FIELDS, enumsByType, tableValuesFrom } from "./to-metadata";
import { say } from "../i18n/messages";
import { pascalCase } from "../metadata/derive";

export type ImportAction = "add" | "update" | "unchanged";

export interface ImportEntry {
  kind: "table" | "column" | "relation";
  name: string;
  action: ImportAction;
  /** For updates: the database-side fields that change. */
  fields: string[];
}

export interface ImportPreview {
  schemas: string[];
  entries: ImportEntry[];
  counts: Record<ImportEntry["kind"], Record<ImportAction, number>>;
  skipped: Introspection["skipped"];
  notes: string[];
  /** Rows the import cannot write (their values fail the edit forms' validation), with the reason. */
  problems: string[];
}

interface Work {
  preview: ImportPreview;
  tables: { model: TableModel; values: TableValues; id: number | null; fields: string[] }[];
  columns: { table: TableModel; values: ColumnValues; id: number | null; fields: string[] }[];
  relations: { fk: ForeignKeyModel; id: number | null; fields: string[] }[];
}

function problemText(where: string, error: unknown): string {
  if (error instanceof z.ZodError) return `${where}: ${error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`;
  throw error;
}

export interface ImportScope {
  /** Only these tables (schema.table) … */
  only?: Set<string>;
  /** … and of them only these columns (schema.table.column), leaving the table row as it is (drift resolution). */
  onlyColumns?: Set<string>;
  /** Where the tables are read; defaults to the metadata's own database. */
  target?: pg.ClientBase;
}

/** Everything an import of `schemas` would add and change (all of it, or the scope's tables / columns). */
export async function planImport(db: pg.ClientBase, schemas: string[], scope: ImportScope & { inTransaction?: boolean } = {}): Promise<Work> {
  const { only, onlyColumns } = scope;
  const target = scope.target ?? db;
  const catalog = await introspect(target, schemas);
  // Resolving one drift item imports one table: only its expressions are settled (not 5,000 tables').
  if (only) catalog.model = { ...catalog.model, tables: catalog.model.tables.filter((t) => only.has(tableKey(t))) };
  catalog.model = await settleExpressions(target, catalog.model, scope.inTransaction === true && target === db);
  const existing = await readExisting(db, schemas);
  const enums = enumsByType(catalog.model.enums);
  const entries: ImportEntry[] = [];
  const problems: string[] = [];
  const work: Work = { preview: null!, tables: [], columns: [], relations: [] };
  const tables = catalog.model.tables;
  for (const t of tables) {
    const key = tableKey(t);
    const before = existing.tables.get(key) ?? null;
    let values: TableValues;
    try {
      values = tableValuesFrom(t, before?.values ?? null);
    } catch (error) {
      problems.push(problemText(say("sync.where.table", { name: key }), error));
      continue;
    }
    const fields = before && !onlyColumns ? changedFields(TABLE_FIELD_KINDS, DATABASE_TABLE_FIELDS, before.values, values) : [];
    const action: ImportAction = !before ? "add" : fields.length ? "update" : "unchanged";
    entries.push({ kind: "table", name: key, action, fields });
    work.tables.push({ model: t, values, id: before?.id ?? null, fields });
    t.columns.forEach((c, i) => {
      const name = `${key}.${c.name}`;
      if (onlyColumns && !onlyColumns.has(name)) return;
      const prior = existing.columns.get(name) ?? null;
      try {
        const next = columnValuesFrom(t, c, i + 1, enums, prior?.values ?? null);
        const changed = prior ? changedFields(COLUMN_FIELD_KINDS, DATABASE_COLUMN_FIELDS, prior.values, next) : [];
        entries.push({ kind: "column", name, action: !prior ? "add" : changed.length ? "update" : "unchanged", fields: changed });
        work.columns.push({ table: t, values: next, id: prior?.id ?? null, fields: changed });
      } catch (error) {
        problems.push(problemText(say("sync.where.column", { name }), error));
      }
    });
  }
  await uniqueNewTypes(db, work.tables);
  const imported = new Set(work.tables.map((t) => tableKey(t.model)));
  const known = new Set([...imported, ...existing.tables.keys()]);
  for (const fk of onlyColumns ? [] : catalog.model.foreignKeys) {
    if (!imported.has(`${fk.schema}.${fk.table}`) || !known.has(`${fk.toSchema}.${fk.toTable}`)) continue;
    const prior = existing.relations.get(foreignKeyKey(fk));
    const fields = prior
      ? [...(prior.is_cascade_delete !== fk.cascade ? ["is_cascade_delete"] : []), ...(prior.constraint_name !== fk.name ? ["constraint_name"] : [])]
      : [];
    entries.push({ kind: "relation", name: `${fk.schema}.${fk.table}.${fk.column} → ${fk.toSchema}.${fk.toTable}.${fk.toColumn}`, action: !prior ? "add" : fields.length ? "update" : "unchanged", fields });
    work.relations.push({ fk, id: prior?.id ?? null, fields });
  }
  const counts = { table: { add: 0, update: 0, unchanged: 0 }, column: { add: 0, update: 0, unchanged: 0 }, relation: { add: 0, update: 0, unchanged: 0 } };
  for (const e of entries) counts[e.kind][e.action]++;
  work.preview = { schemas, entries, counts, skipped: catalog.skipped, notes: catalog.notes, problems };
  return work;
}

/**
 * GraphQL type names are one namespace for the whole project, and the derived one can repeat: `users` and `user`
 * both derive User, as do Prisma's "User" beside a legacy `users`, or `blog.post` beside `shop.post`. A new table
 * whose type is taken (by a table already in the metadata, or one imported before it) gets its name in PascalCase
 * without the singular (Users), then its schema's name in front (BlogPost), then a number. Tables already in the
 * metadata keep theirs, as a person may have chosen it.
 */
async function uniqueNewTypes(db: pg.ClientBase, tables: Work["tables"]) {
  const added = tables.filter((t) => t.id === null && t.values.graphql_type);
  if (added.length === 0) return;
  const { rows } = await db.query<{ type: string }>(
    "SELECT DISTINCT graphql_type AS type FROM _metadata.mappings_table WHERE graphql_type IS NOT NULL AND graphql_type <> ''",
  );
  const taken = new Set(rows.map((r) => r.type));
  for (const t of tables) if (t.id !== null && t.values.graphql_type) taken.add(t.values.graphql_type);
  for (const t of added) {
    const derived = t.values.graphql_type!;
    const candidates = [derived, pascalCase(t.model.name), pascalCase(t.model.schema) + derived];
    let type = candidates.find((c) => c.length > 0 && c.length <= MAX_TYPE_LENGTH && !taken.has(c));
    for (let n = 2; !type; n++) if (!taken.has(`${derived}${n}`)) type = `${derived}${n}`;
    t.values.graphql_type = type;
    taken.add(type);
  }
}
const MAX_TYPE_LENGTH = TABLE_FIELDS.graphql_type.max!;

export async function previewImport(db: pg.ClientBase, schemas: string[]): Promise<ImportPreview> {
  return (await planImport(db, schemas)).preview;
}

/**
 * Imports in one transaction: adds what is new, refreshes only the database-side fields of what exists
 * (DATABASE_TABLE_FIELDS / DATABASE_COLUMN_FIELDS), never touches what a person wrote.
 */
export async function runImport(client: pg.ClientBase, schemas: string[], options: ImportScope & { inTransaction?: boolean } = {}): Promise<ImportPreview> {
  const run = async () => {
    const work = await planImport(client, schemas, { ...options, inTransaction: true });
    await writeImport(client, work);
    return work.preview;
  };
  return options.inTransaction ? run() : onClientInTransaction(client, run);
}

async function writeImport(client: pg.ClientBase, work: Work) {
  const added = await insertTables(client, work.tables.filter((t) => t.id === null).map((t) => t.values));
  await updateTables(client, work.tables.filter((t) => t.id !== null && t.fields.length).map((t) => ({ id: t.id!, values: t.values })), DATABASE_TABLE_FIELDS);
  const tableIds = new Map<string, number>(work.tables.map((t) => [tableKey(t.model), t.id ?? added.get(tableKey(t.model))!]));
  await insertColumns(
    client,
    work.columns.filter((c) => c.id === null).map((c) => ({ tableId: tableIds.get(tableKey(c.table))!, schema: c.table.schema, table: c.table.name, values: c.values })),
  );
  await updateColumns(client, work.columns.filter((c) => c.id !== null && c.fields.length).map((c) => ({ id: c.id!, values: c.values })), DATABASE_COLUMN_FIELDS);
  await writeRelations(client, work, tableIds);
}

async function writeRelations(client: pg.ClientBase, work: Work, tableIds: Map<string, number>) {
  const missing = [...new Set(work.relations.flatMap((r) => [`${r.fk.schema}.${r.fk.table}`, `${r.fk.toSchema}.${r.fk.toTable}`]))].filter((k) => !tableIds.has(k));
  if (missing.length) {
    const { rows } = await client.query<{ id: number; key: string }>(
      "SELECT id, schema_name || '.' || table_name AS key FROM _metadata.mappings_table WHERE schema_name || '.' || table_name = ANY($1::text[])",
      [missing],
    );
    for (const r of rows) tableIds.set(r.key, r.id);
  }
  for (const r of work.relations) {
    if (r.id !== null && r.fields.length) {
      await client.query("UPDATE _metadata.mappings_relation SET is_cascade_delete = $2, constraint_name = $3 WHERE id = $1", [r.id, r.fk.cascade, r.fk.name]);
    }
  }
  const models = new Map(work.tables.map((t) => [tableKey(t.model), t.model]));
  await insertRelations(
    client,
    work.relations
      .filter((r) => r.id === null)
      .map((r) => ({
        fk: r.fk,
        from: models.get(`${r.fk.schema}.${r.fk.table}`)!,
        ids: { from: tableIds.get(`${r.fk.schema}.${r.fk.table}`), to: tableIds.get(`${r.fk.toSchema}.${r.fk.toTable}`) },
      })),
  );
}
