import type pg from "pg";
import { quoteIdent, quoteLiteral } from "../db/identifiers";
import { PG_TYPE_PATTERN } from "../schemas/column";
import { say } from "../i18n/messages";
import { expressionProblem } from "./expression";
import type { MetadataModel } from "./from-metadata";
import { tableKey, type ColumnModel, type EnumModel, type IndexModel, type SchemaModel, type TableModel } from "./model";

export interface Problem {
  /** schema.table[.column] the problem belongs to. */
  where: string;
  message: string;
}

export interface Canonical {
  model: SchemaModel;
  problems: Problem[];
  /** Enum types the metadata uses (enum_options on a type the database does not have yet): the plan creates them. */
  newEnums: EnumModel[];
}

type Db = pg.ClientBase;
let probeCounter = 0;

/** Runs `work` in a savepoint; its effects are always rolled back. Errors are returned, not thrown. */
async function attempt<T>(db: Db, work: () => Promise<T>): Promise<{ ok: true; value: T } | { ok: false; error: unknown }> {
  const name = `sync_probe_${++probeCounter}`;
  await db.query(`SAVEPOINT ${name}`);
  try {
    const value = await work();
    return { ok: true, value };
  } catch (error) {
    return { ok: false, error };
  } finally {
    await db.query(`ROLLBACK TO SAVEPOINT ${name}`);
    await db.query(`RELEASE SAVEPOINT ${name}`);
  }
}

/** A sentence for a person; the server's full text goes to the log. */
export function describeProbeError(error: unknown): string {
  const e = error as { code?: string; message?: string };
  console.error("[sync] the server refused a probe:", e.message);
  const near = e.message?.match(/at or near "([^"]{0,40})"/)?.[1];
  switch (e.code) {
    case "42601":
      return near !== undefined ? say("sync.probe.syntaxNear", { near }) : say("sync.probe.syntax");
    case "42703":
      return say("sync.probe.noColumn");
    case "42704":
      return say("sync.probe.noType");
    case "42883":
      return say("sync.probe.noFunction");
    case "42804":
    case "22P02":
      return say("sync.probe.wrongType");
    case "0A000":
    case "42P17":
      return say("sync.probe.notAllowed");
    case "42P01":
      return say("sync.probe.noRelation");
    default:
      return say("sync.probe.refused");
  }
}

const METHODS = new Set(["btree", "gin", "gist", "hash", "brin"]);
const PART = '(?:"([A-Za-z_][A-Za-z0-9_]*)"|([A-Za-z_][A-Za-z0-9_]*))';
const ENUM_NAME = new RegExp(`^(?:${PART}\\.)?${PART}$`);

/**
 * An enum type's text as a column's pg_type holds it (`mood`, `shop.mood`, `"Role"`, `public."Role"`) → its schema
 * and name as the catalog spells them: a quoted part exactly, an unquoted one folded to lower case, as PostgreSQL
 * reads it (a bare `Role` is the type role).
 */
export function enumTypeParts(typeText: string): { schema: string | null; name: string } | null {
  const m = ENUM_NAME.exec(typeText);
  if (!m) return null;
  const schema = m[1] ?? m[2]?.toLowerCase() ?? null;
  return { schema, name: m[3] ?? m[4].toLowerCase() };
}

/**
 * The metadata in the server's own spelling, checked by the server: every type through a column of a
 * temporary table, every default, check and partial-index condition parsed there and printed back with
 * pg_get_expr. Text already equal to the live catalog's is taken as it is. Must run inside a transaction;
 * nothing it does survives (savepoints, rolled back).
 */
export async function canonicalize(db: Db, raw: MetadataModel, actual: SchemaModel): Promise<Canonical> {
  const problems: Problem[] = [...raw.problems];
  const newEnums: EnumModel[] = [];
  const enums: EnumModel[] = [];
  const actualTables = new Map(actual.tables.map((t) => [tableKey(t), t]));
  const outcome = await attempt(db, async () => {
    for (const [typeText, options] of raw.enumOptions) {
      const match = enumTypeParts(typeText);
      if (!match) continue;
      const found = await resolveType(db, typeText);
      if (found && found.typtype !== "e") continue;
      const e = found
        ? { schema: found.schema, name: found.name, labels: options.labels }
        : { schema: match.schema ?? options.schema, name: match.name, labels: options.labels };
      if (!found) {
        await db.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(e.schema)}`);
        await db.query(`CREATE TYPE ${quoteIdent(e.schema)}.${quoteIdent(e.name)} AS ENUM (${e.labels.map(quoteLiteral).join(", ")})`);
        newEnums.push(e);
      }
      enums.push(e);
    }
    const types = await canonicalTypes(db, raw, problems);
    const tables: TableModel[] = raw.tables.map((t) => ({
      ...t,
      columns: t.columns.map((c) => ({ ...c, type: types.get(c.type) ?? c.type })),
      indexes: t.indexes.map((i) => ({ ...i })),
      checks: t.checks.map((c) => ({ ...c })),
    }));
    await canonicalDefaults(db, tables, actualTables, types, problems);
    for (const t of tables) await canonicalTableExpressions(db, t, actualTables.get(tableKey(t)), types, problems);
    return tables;
  });
  if (!outcome.ok) throw outcome.error;
  return { model: { tables: outcome.value, foreignKeys: raw.foreignKeys, enums }, problems, newEnums };
}

async function resolveType(db: Db, typeText: string) {
  const r = await attempt(db, () =>
    db.query<{ typtype: string; schema: string; name: string }>(
      `SELECT t.typtype::text AS typtype, n.nspname AS schema, t.typname AS name
         FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace WHERE t.oid = to_regtype($1)`,
      [typeText],
    ),
  );
  // PostgreSQL 15 raises on some malformed names where 16+ returns NULL: both mean "no such type".
  return r.ok ? (r.value.rows[0] ?? null) : null;
}

/** Each distinct type text → format_type's spelling, read back from a temporary table's columns. */
async function canonicalTypes(db: Db, raw: MetadataModel, problems: Problem[]): Promise<Map<string, string>> {
  const where = new Map<string, string>();
  for (const t of raw.tables) for (const c of t.columns) if (!where.has(c.type)) where.set(c.type, `${tableKey(t)}.${c.name}`);
  const result = new Map<string, string>();
  const candidates: string[] = [];
  for (const [type, at] of where) {
    if (type === "") problems.push({ where: at, message: say("sync.problem.noType") });
    else if (type.length > 100 || !PG_TYPE_PATTERN.test(type)) problems.push({ where: at, message: say("sync.problem.badType", { type: type.slice(0, 100) }) });
    else candidates.push(type);
  }
  const read = async (types: string[]) => {
    const table = `sync_probe_types_${++probeCounter}`;
    await db.query(`CREATE TEMP TABLE ${table} (${types.map((t, i) => `c${i} ${t}`).join(", ")})`);
    const { rows } = await db.query<{ n: number; type: string }>(
      `SELECT attnum::int - 1 AS n, format_type(atttypid, atttypmod) AS type FROM pg_attribute
        WHERE attrelid = $1::regclass AND attnum > 0 ORDER BY attnum`,
      [`pg_temp.${table}`],
    );
    return rows.map((r) => r.type);
  };
  for (let start = 0; start < candidates.length; start += 1000) {
    const chunk = candidates.slice(start, start + 1000);
    const batch = await attempt(db, () => read(chunk));
    if (batch.ok) {
      chunk.forEach((t, i) => result.set(t, batch.value[i]));
      continue;
    }
    for (const type of chunk) {
      const one = await attempt(db, () => read([type]));
      if (one.ok) result.set(type, one.value[0]);
      else problems.push({ where: where.get(type)!, message: say("sync.problem.unknownType", { type }) });
    }
  }
  return result;
}

/** Defaults that differ from the database's: parsed as the default of a column of their type, printed back. */
async function canonicalDefaults(db: Db, tables: TableModel[], actual: Map<string, TableModel>, types: Map<string, string>, problems: Problem[]) {
  const pending: { column: ColumnModel; where: string; live?: string | null }[] = [];
  const typed = new Set(types.values());
  for (const t of tables) {
    const live = actual.get(tableKey(t));
    for (const c of t.columns) {
      if (c.default === null) continue;
      const liveColumn = live?.columns.find((x) => x.name === c.name);
      if (liveColumn && liveColumn.default === c.default && liveColumn.type === c.type) continue;
      const where = `${tableKey(t)}.${c.name}`;
      const problem = expressionProblem(c.default);
      if (problem) problems.push({ where, message: say("sync.problem.defaultText", { problem }) });
      else if (typed.has(c.type)) pending.push({ column: c, where, live: liveColumn?.type === c.type ? liveColumn.default : null });
    }
  }
  const read = async (items: { column: ColumnModel }[]) => {
    const table = `sync_probe_defaults_${++probeCounter}`;
    await db.query(`CREATE TEMP TABLE ${table} (${items.map((p, i) => `c${i} ${p.column.type} DEFAULT (${p.column.default})`).join(", ")})`);
    const { rows } = await db.query<{ expr: string }>(
      `SELECT pg_get_expr(d.adbin, d.adrelid) AS expr FROM pg_attrdef d WHERE d.adrelid = $1::regclass ORDER BY d.adnum`,
      [`pg_temp.${table}`],
    );
    if (rows.length !== items.length) throw new Error("a default did not stay one expression");
    return rows.map((r) => r.expr);
  };
  // Thousands of columns share a handful of (type, default) pairs: each pair is parsed once.
  const printed = new Map<string, string | null>();
  const key = (type: string, text: string) => `${type}\u0000${text}`;
  const parseAll = async (pairs: { type: string; text: string }[]) => {
    const todo = [...new Map(pairs.filter((p) => !printed.has(key(p.type, p.text))).map((p) => [key(p.type, p.text), p])).values()];
    for (let start = 0; start < todo.length; start += 1000) {
      const chunk = todo.slice(start, start + 1000);
      const items = chunk.map((p) => ({ column: { type: p.type, default: p.text } as ColumnModel }));
      const batch = await attempt(db, () => read(items));
      if (batch.ok) {
        chunk.forEach((p, i) => printed.set(key(p.type, p.text), batch.value[i]));
        continue;
      }
      for (const [i, p] of chunk.entries()) {
        const one = await attempt(db, () => read([items[i]]));
        printed.set(key(p.type, p.text), one.ok ? one.value[0] : null);
        if (!one.ok) failures.set(key(p.type, p.text), one.error);
      }
    }
  };
  const failures = new Map<string, unknown>();
  await parseAll(pending.map((p) => ({ type: p.column.type, text: p.column.default! })));
  for (const p of pending) {
    const k = key(p.column.type, p.column.default!);
    const result = printed.get(k);
    if (result === null || result === undefined) problems.push({ where: p.where, message: say("sync.problem.defaultProbe", { expression: p.column.default ?? "", reason: describeProbeError(failures.get(k)) }) });
    else p.column.default = result;
  }
  // pg_get_expr is not always a fixed point (e.g. IN lists on varchar): the database's text, parsed again,
  // may print like the metadata's. Then they are the same default, and the database's spelling is kept.
  const recheck = pending.filter((p) => p.live && p.live !== p.column.default);
  await parseAll(recheck.map((p) => ({ type: p.column.type, text: p.live! })));
  for (const p of recheck) if (printed.get(key(p.column.type, p.live!)) === p.column.default) p.column.default = p.live!;
}

/** Checks and partial-index conditions need the table's columns: parsed on a temporary copy of the table. */
async function canonicalTableExpressions(db: Db, table: TableModel, live: TableModel | undefined, types: Map<string, string>, problems: Problem[]) {
  const checks = table.checks.filter((c) => !live?.checks.some((x) => x.name === c.name && x.condition === c.condition));
  const partials = table.indexes.filter(
    (i) => i.where !== null && METHODS.has(i.method) && !live?.indexes.some((x) => x.where === i.where),
  );
  if (checks.length === 0 && partials.length === 0) return;
  const at = tableKey(table);
  for (const c of checks) {
    const problem = expressionProblem(c.condition);
    if (problem) problems.push({ where: at, message: say("sync.problem.checkText", { name: c.name, problem }) });
  }
  for (const i of partials) {
    const problem = expressionProblem(i.where!);
    if (problem) problems.push({ where: at, message: say("sync.problem.partialText", { columns: i.columns.join(", "), problem }) });
  }
  const typed = new Set(types.values());
  if (table.columns.some((c) => !typed.has(c.type))) return; // the type problem is already reported
  const temp = `sync_probe_table_${++probeCounter}`;
  const outer = await attempt(db, async () => {
    await db.query(`CREATE TEMP TABLE ${temp} (${table.columns.map((c) => `${quoteIdent(c.name)} ${c.type}`).join(", ")})`);
    const probeCheckResult = (condition: string) =>
      attempt(db, async () => {
        await db.query(`ALTER TABLE pg_temp.${temp} ADD CONSTRAINT sync_probe_check CHECK (${condition})`);
        const { rows } = await db.query<{ expr: string }>(
          "SELECT pg_get_expr(conbin, conrelid) AS expr FROM pg_constraint WHERE conrelid = $1::regclass AND contype = 'c'",
          [`pg_temp.${temp}`],
        );
        if (rows.length !== 1) throw Object.assign(new Error("not one check"), { code: "42601" });
        return rows[0].expr;
      });
    const probeCheck = async (condition: string) => {
      if (expressionProblem(condition)) return null;
      const r = await probeCheckResult(condition);
      return r.ok ? r.value : null;
    };
    for (const c of checks) {
      if (expressionProblem(c.condition)) continue;
      const r = await probeCheckResult(c.condition);
      if (!r.ok) {
        problems.push({ where: at, message: say("sync.problem.checkProbe", { name: c.name, reason: describeProbeError(r.error) }) });
        continue;
      }
      c.condition = r.value;
      // Not a fixed point either: the database's condition, parsed again, may print the same (then keep it).
      const liveCheck = live?.checks.find((x) => x.name === c.name);
      if (liveCheck && liveCheck.condition !== c.condition && (await probeCheck(liveCheck.condition)) === c.condition) c.condition = liveCheck.condition;
    }
    const probeWhere = (index: IndexModel, where: string) =>
      attempt(db, async () => {
        await db.query(
          `CREATE INDEX sync_probe_index ON pg_temp.${temp} USING ${index.method} (${index.columns.map(quoteIdent).join(", ")}) WHERE (${where})`,
        );
        const { rows } = await db.query<{ expr: string }>(
          "SELECT pg_get_expr(indpred, indrelid) AS expr FROM pg_index WHERE indrelid = $1::regclass",
          [`pg_temp.${temp}`],
        );
        return rows[0].expr;
      });
    for (const i of partials) {
      if (expressionProblem(i.where!)) continue;
      const r = await probeWhere(i, i.where!);
      if (!r.ok) {
        problems.push({ where: at, message: say("sync.problem.partialProbe", { columns: i.columns.join(", "), reason: describeProbeError(r.error) }) });
        continue;
      }
      i.where = r.value;
      const twin = live?.indexes.find((x) => x.where && x.where !== i.where && x.method === i.method && x.unique === i.unique && x.columns.join() === i.columns.join());
      if (twin && !expressionProblem(twin.where!)) {
        const again = await probeWhere(i, twin.where!);
        if (again.ok && again.value === i.where) i.where = twin.where;
      }
    }
  });
  if (!outer.ok) problems.push({ where: at, message: say("sync.problem.columnsUnchecked", { reason: describeProbeError(outer.error) }) });
}
