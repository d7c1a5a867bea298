import { quoteIdent, quoteLiteral } from "../db/identifiers";
import {
  addForeignKey,
  columnDefinition,
  commentOn,
  commentsOf,
  createIndex,
  createTable,
  dropForeignKey,
  dropIndex,
  isWidening,
  qualified,
  tableName,
  uniqueName,
} from "./ddl";
import type { DriftItem } from "./drift";
import { objectName } from "./from-metadata";
import { ddlType, foreignKeyKey, indexKey, tableKey, type ColumnModel, type SchemaModel, type TableModel } from "./model";
import { say } from "../i18n/messages";

export interface PlanStatement {
  itemId: string;
  sql: string;
  /** The statement(s) that undo it; empty when it cannot be undone (a note says so). */
  down: string[];
  destructive: boolean;
  /** Why it is destructive. */
  danger?: string;
  /** Counts the rows the destructive statement touches (run before apply, in the preview). */
  countSql?: string;
  phase: number;
}

export interface Plan {
  statements: PlanStatement[];
  notes: string[];
}

// Drops before creates, tables before what hangs on them, foreign keys last, comments at the very end.
const PHASE = { dropFk: 0, dropConstraint: 1, dropTable: 2, dropColumn: 3, types: 4, createTable: 5, alterColumn: 6, addConstraint: 7, addFk: 8, comment: 9 };

/** The DDL that makes the database match the metadata for `items` (from compareModels). Pure. */
export function buildPlan(items: DriftItem[], desired: SchemaModel, actual: SchemaModel, manyToMany: string[] = []): Plan {
  const want = new Map(desired.tables.map((t) => [tableKey(t), t]));
  const have = new Map(actual.tables.map((t) => [tableKey(t), t]));
  // Keyed once: thousands of foreign-key items must not each scan every foreign key.
  const wantFks = new Map(desired.foreignKeys.map((f) => [foreignKeyKey(f), f]));
  const haveFks = new Map(actual.foreignKeys.map((f) => [foreignKeyKey(f), f]));
  const statements: PlanStatement[] = [];
  const notes: string[] = [];
  const schemas = new Set<string>();
  for (const item of items) {
    const add = (phase: number, sql: string, down: string[], extra: Partial<PlanStatement> = {}) =>
      statements.push({ itemId: item.id, sql, down, destructive: false, phase, ...extra });
    const t = want.get(item.table);
    const a = have.get(item.table);
    const col = (m: TableModel | undefined) => m?.columns.find((c) => c.name === item.column);
    switch (item.kind) {
      case "table":
        if (t) {
          schemas.add(t.schema);
          add(PHASE.createTable, createTable(t), [`DROP TABLE ${tableName(t)};`]);
          for (const i of t.indexes) add(PHASE.addConstraint, createIndex(t, i), []);
          for (const c of commentsOf(t)) add(PHASE.comment, c, []);
        } else if (a) {
          add(PHASE.dropTable, `DROP TABLE ${tableName(a)};`, [createTable(a), ...a.indexes.filter((i) => !i.constraint).map((i) => createIndex(a, i)), ...commentsOf(a)], {
            destructive: true,
            danger: say("sync.danger.dropTable"),
            countSql: `SELECT count(*) FROM ${tableName(a)}`,
          });
        }
        break;
      case "column": {
        const c = col(t);
        const l = col(a);
        if (t && c) {
          add(PHASE.alterColumn, `ALTER TABLE ${tableName(t)} ADD COLUMN ${columnDefinition(c)};`, [`ALTER TABLE ${tableName(t)} DROP COLUMN ${quoteIdent(c.name)};`]);
          if (c.comment) add(PHASE.comment, commentOn(t, c.name, c.comment), []);
        } else if (a && l) {
          add(PHASE.dropColumn, `ALTER TABLE ${tableName(a)} DROP COLUMN ${quoteIdent(l.name)};`, [`ALTER TABLE ${tableName(a)} ADD COLUMN ${columnDefinition(l)};`], {
            destructive: true,
            danger: say("sync.danger.dropColumn"),
            countSql: `SELECT count(*) FROM ${tableName(a)} WHERE ${quoteIdent(l.name)} IS NOT NULL`,
          });
        }
        break;
      }
      case "type": {
        const c = col(t)!;
        const l = col(a)!;
        const alter = (from: ColumnModel, to: ColumnModel) =>
          `ALTER TABLE ${tableName(t!)} ALTER COLUMN ${quoteIdent(to.name)} TYPE ${to.type} USING ${quoteIdent(to.name)}::${to.type};`;
        const widening = isWidening(l.type, c.type);
        add(PHASE.alterColumn, alter(l, c), [alter(c, l)], widening ? {} : {
          destructive: true,
          danger: say("sync.danger.changeType", { from: l.type, to: c.type }),
          countSql: `SELECT count(*) FROM ${tableName(a!)} WHERE ${quoteIdent(l.name)} IS NOT NULL`,
        });
        break;
      }
      case "generation":
        generationStatements(t!, col(t)!, col(a)!, add, notes);
        break;
      case "nullability": {
        const c = col(t)!;
        const set = `ALTER TABLE ${tableName(t!)} ALTER COLUMN ${quoteIdent(c.name)} SET NOT NULL;`;
        const drop = `ALTER TABLE ${tableName(t!)} ALTER COLUMN ${quoteIdent(c.name)} DROP NOT NULL;`;
        if (c.notNull) {
          add(PHASE.alterColumn, set, [drop], {
            destructive: true,
            danger: say("sync.danger.setNotNull"),
            countSql: `SELECT count(*) FROM ${tableName(a!)} WHERE ${quoteIdent(c.name)} IS NULL`,
          });
        } else add(PHASE.alterColumn, drop, [set]);
        break;
      }
      case "default": {
        const c = col(t)!;
        const l = col(a)!;
        const setTo = (d: string | null) =>
          `ALTER TABLE ${tableName(t!)} ALTER COLUMN ${quoteIdent(c.name)} ${d === null ? "DROP DEFAULT" : `SET DEFAULT ${d}`};`;
        add(PHASE.alterColumn, setTo(c.default), [setTo(l.default)]);
        break;
      }
      case "comment":
        add(PHASE.comment, commentOn(t!, item.column, item.metadata), [commentOn(t!, item.column, item.database)]);
        break;
      case "primary-key": {
        const target = t!;
        const drop = a!.primaryKeyName ? `ALTER TABLE ${tableName(target)} DROP CONSTRAINT ${quoteIdent(a!.primaryKeyName)};` : null;
        const addPk = (cols: string[]) => `ALTER TABLE ${tableName(target)} ADD PRIMARY KEY (${cols.map(quoteIdent).join(", ")});`;
        if (drop) add(PHASE.dropConstraint, drop, [addPk(a!.primaryKey)]);
        if (target.primaryKey.length) add(PHASE.addConstraint, addPk(target.primaryKey), [`ALTER TABLE ${tableName(target)} DROP CONSTRAINT ${quoteIdent(objectName([target.name], "pkey"))};`]);
        break;
      }
      case "unique": {
        const target = (t ?? a)!;
        const name = item.name ?? uniqueName(target, item.column!);
        const addU = `ALTER TABLE ${tableName(target)} ADD CONSTRAINT ${quoteIdent(name)} UNIQUE (${quoteIdent(item.column!)});`;
        const dropU = `ALTER TABLE ${tableName(target)} DROP CONSTRAINT ${quoteIdent(name)};`;
        if (item.metadata) add(PHASE.addConstraint, addU, [dropU]);
        else add(PHASE.dropConstraint, dropU, [addU]);
        break;
      }
      case "index": {
        const wanted = t?.indexes.find((i) => indexKey(i) === item.name);
        const live = a?.indexes.find((i) => indexKey(i) === item.name);
        if (wanted) add(PHASE.addConstraint, createIndex(t!, wanted), [dropIndex(t!, { ...wanted, constraint: false })]);
        else if (live) add(PHASE.dropConstraint, dropIndex(a!, live), [createIndex(a!, live)]);
        break;
      }
      case "check": {
        const target = (t ?? a)!;
        const addC = (cond: string) => `ALTER TABLE ${tableName(target)} ADD CONSTRAINT ${quoteIdent(item.name!)} CHECK (${cond});`;
        const dropC = `ALTER TABLE ${tableName(target)} DROP CONSTRAINT ${quoteIdent(item.name!)};`;
        if (item.database !== null) add(PHASE.dropConstraint, dropC, [addC(item.database)]);
        if (item.metadata !== null) add(PHASE.addConstraint, addC(item.metadata), [dropC]);
        break;
      }
      case "foreign-key": {
        const wanted = wantFks.get(item.name!);
        const live = haveFks.get(item.name!);
        if (live) add(PHASE.dropFk, dropForeignKey(live), [addForeignKey(live)]);
        if (wanted) add(PHASE.addFk, addForeignKey(wanted), [dropForeignKey(wanted)]);
        break;
      }
      case "enum":
        enumStatements(item, desired, actual, add, notes);
        break;
    }
  }
  for (const schema of [...schemas].sort()) {
    statements.push({ itemId: "", sql: `CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)};`, down: [], destructive: false, phase: PHASE.types - 0.5 });
  }
  for (const m of manyToMany) notes.push(say("sync.note.manyToMany", { relation: m }));
  statements.sort((x, y) => x.phase - y.phase);
  return { statements, notes };
}

type Add = (phase: number, sql: string, down: string[], extra?: Partial<PlanStatement>) => void;

function generationStatements(t: TableModel, c: ColumnModel, l: ColumnModel, add: Add, notes: string[]) {
  const column = `ALTER TABLE ${tableName(t)} ALTER COLUMN ${quoteIdent(c.name)}`;
  if (l.identity) add(PHASE.alterColumn - 0.2, `${column} DROP IDENTITY;`, [`${column} ADD GENERATED ${l.identity === "always" ? "ALWAYS" : "BY DEFAULT"} AS IDENTITY;`]);
  if (l.serial) {
    add(PHASE.alterColumn - 0.2, `${column} DROP DEFAULT;`, [`${column} SET DEFAULT nextval(pg_get_serial_sequence(${quoteLiteral(`${tableName(t)}`)}, ${quoteLiteral(c.name)}));`]);
    notes.push(say("sync.note.sequenceStays", { column: `${tableKey(t)}.${c.name}` }));
  }
  if (c.identity) add(PHASE.alterColumn, `${column} ADD GENERATED ${c.identity === "always" ? "ALWAYS" : "BY DEFAULT"} AS IDENTITY;`, [`${column} DROP IDENTITY;`]);
  if (c.serial) {
    const sequence = qualified(t.schema, objectName([t.name, c.name], "seq"));
    add(PHASE.alterColumn, `CREATE SEQUENCE ${sequence} AS ${ddlType({ ...c, serial: null })} OWNED BY ${tableName(t)}.${quoteIdent(c.name)};`, [`DROP SEQUENCE ${sequence};`]);
    add(PHASE.alterColumn, `${column} SET DEFAULT nextval(${quoteLiteral(sequence)}::regclass);`, [`${column} DROP DEFAULT;`]);
  }
}

function enumStatements(item: DriftItem, desired: SchemaModel, actual: SchemaModel, add: Add, notes: string[]) {
  const e = desired.enums.find((x) => tableKey(x) === item.table)!;
  const live = actual.enums.find((x) => tableKey(x) === item.table);
  const name = qualified(e.schema, e.name);
  if (!live) {
    add(PHASE.types, `CREATE TYPE ${name} AS ENUM (${e.labels.map(quoteLiteral).join(", ")});`, [`DROP TYPE ${name};`]);
    return;
  }
  for (const label of e.labels.filter((x) => !live.labels.includes(x))) {
    add(PHASE.types, `ALTER TYPE ${name} ADD VALUE ${quoteLiteral(label)};`, []);
    notes.push(say("sync.note.enumAdded", { type: item.table }));
  }
  const removed = live.labels.filter((x) => !e.labels.includes(x));
  if (removed.length) notes.push(say("sync.note.enumExtra", { type: item.table, labels: removed.join(", ") }));
}

/** The up script, and the down script (each statement's undo, in reverse order). */
export function planScripts(plan: Plan): { up: string; down: string } {
  const up = plan.statements.map((s) => (s.destructive ? `-- DESTRUCTIVE: ${s.danger}\n${s.sql}` : s.sql));
  const down = [...plan.statements].reverse().flatMap((s) => s.down);
  return { up: up.join("\n\n") + (up.length ? "\n" : ""), down: down.join("\n\n") + (down.length ? "\n" : "") };
}
