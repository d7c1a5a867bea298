import { RELATION_TYPES } from "../schemas/enums";
import type { CodegenInput, Problem } from "./model";
import { say } from "../i18n/messages";
import { reverseType, type RelationType } from "../metadata/relation-keys";
import { snakeCase } from "../metadata/derive";
import { camelOfSnake, graphqlNameProblem, lowerFirst, pascal } from "./names";
import type { ResolvedColumn, ResolvedTable } from "./resolve";

/** An object field a relation adds to a type: the relation's own field, or the back-reference on its target. */
export interface RelationField {
  relationId: number;
  name: string;
  target: string;
  list: boolean;
  nonNull: boolean;
  description: string;
}

const LIST_FORWARD = new Set(["OneToMany", "ManyToMany"]);
const LIST_BACK = new Set(["ManyToOne", "ManyToMany"]);

/**
 * A table's columns by pg_column, kept per columns array (the watch reuses a table's array while it is unchanged):
 * a relation to the 2,000-column table does not scan its columns.
 */
const columnsByName = new WeakMap<ResolvedColumn[], Map<string, ResolvedColumn>>();
function columnNamed(t: ResolvedTable, pgColumn: string): ResolvedColumn | undefined {
  let byName = columnsByName.get(t.columns);
  if (!byName) {
    byName = new Map();
    for (const c of t.columns) if (!byName.has(c.col.pg_column)) byName.set(c.col.pg_column, c);
    columnsByName.set(t.columns, byName);
  }
  return byName.get(pgColumn);
}

/** The GraphQL field names of a table's columns, kept per columns array as above. */
const fieldNames = new WeakMap<ResolvedColumn[], Set<string>>();
function columnFields(t: ResolvedTable): Set<string> {
  let names = fieldNames.get(t.columns);
  if (!names) fieldNames.set(t.columns, (names = new Set(t.columns.map((c) => c.name))));
  return names;
}

/**
 * The relations whose other side is recorded too: the same two columns the other way round, with the reverse
 * type (posts.user_id → users.id ManyToOne and users.id → posts.user_id OneToMany, as the relation wizard makes).
 */
function pairedRelations(relations: CodegenInput["relations"]): Set<number> {
  const key = (fromTable: number | null, fromColumn: string, toTable: number | null, toColumn: string, type: string) =>
    JSON.stringify([fromTable, fromColumn, toTable, toColumn, type]);
  const byKey = new Map<string, number[]>();
  for (const r of relations) {
    const k = key(r.from_table_id, r.from_column, r.to_table_id, r.to_column, r.relation_type);
    byKey.set(k, [...(byKey.get(k) ?? []), r.id]);
  }
  const paired = new Set<number>();
  for (const r of relations) {
    if (!(RELATION_TYPES as readonly string[]).includes(r.relation_type)) continue;
    const other = byKey.get(key(r.to_table_id, r.to_column, r.from_table_id, r.from_column, reverseType(r.relation_type as RelationType)));
    if (other?.some((id) => id !== r.id)) paired.add(r.id);
  }
  return paired;
}

/**
 * Adds relation fields to the API tables (in relation id order, so output is stable) and returns the problems:
 * an endpoint that is missing or not API-enabled, a field name that is invalid or already taken.
 */
export function resolveRelations(tables: ResolvedTable[], input: CodegenInput): Problem[] {
  const problems: Problem[] = [];
  const byId = new Map(tables.map((t) => [t.table.id, t]));
  // Field names taken so far: its columns' and the relation fields added in this run.
  const added = new Map<ResolvedTable, Set<string>>();
  const taken = (t: ResolvedTable, name: string) => columnFields(t).has(name) || added.get(t)?.has(name) === true;
  const take = (t: ResolvedTable, name: string) => {
    const names = added.get(t);
    if (names) names.add(name);
    else added.set(t, new Set([name]));
  };
  const paired = pairedRelations(input.relations);
  const relations = [...input.relations].sort((a, b) => a.id - b.id);
  // A relation's own field (a name a person or the import wrote) comes before a back-reference the generator
  // makes up: back-references avoid every table's forward names, whatever the relations' order (Pagila's
  // store.manager_staff_id would otherwise take Staff.store from staff.store_id).
  const ends = (r: CodegenInput["relations"][number]) => ({
    from: r.from_table_id === null ? undefined : byId.get(r.from_table_id),
    to: r.to_table_id === null ? undefined : byId.get(r.to_table_id),
  });
  const forwardNames = new Map<ResolvedTable, Set<string>>();
  for (const r of relations) {
    const { from, to } = ends(r);
    if (!from?.api || !to?.api) continue;
    const name = forwardName(r, to);
    const names = forwardNames.get(from);
    if (names) names.add(name);
    else forwardNames.set(from, new Set([name]));
  }
  for (const r of relations) {
    const { from, to } = ends(r);
    const home = from ?? to;
    if (!home) continue;
    const problem = (field: string, message: string, on: ResolvedTable = home) =>
      problems.push({ tableId: on.table.id, table: on.table.table_name, target: { kind: "relation", relationId: r.id, field }, message });
    if (!from?.api && !to?.api) continue;
    if (!from || !to) {
      problem(from ? "to_table_id" : "from_table_id", say("codegen.otherTableMissing"));
      continue;
    }
    if (!from.api || !to.api) {
      const off = from.api ? to : from;
      problem(from.api ? "to_table_id" : "from_table_id", say("codegen.notApi", { from: from.table.table_name, to: off.table.table_name }), from.api ? from : to);
      continue;
    }
    if (!(RELATION_TYPES as readonly string[]).includes(r.relation_type)) {
      problem("relation_type", say("codegen.unknownRelationType", { type: r.relation_type }));
      continue;
    }
    const fromCol = columnNamed(from, r.from_column);
    const toCol = columnNamed(to, r.to_column);
    if (!fromCol || !toCol) {
      problem(fromCol ? "to_column" : "from_column", say("codegen.columnMissing", { column: fromCol ? `${to.table.table_name}.${r.to_column}` : `${from.table.table_name}.${r.from_column}` }));
      continue;
    }
    const forwardList = LIST_FORWARD.has(r.relation_type);
    const name = forwardName(r, to);
    const nameProblem = graphqlNameProblem(name, "relationField");
    if (nameProblem || taken(from, name)) {
      problem("graphql_field", nameProblem ?? say("codegen.fieldTaken", { type: from.typeName, name }));
      continue;
    }
    take(from, name);
    from.relationFields.push({
      relationId: r.id,
      name,
      target: to.typeName,
      list: forwardList,
      nonNull: forwardList || (r.relation_type === "ManyToOne" && fromCol.nonNull),
      description: `${r.relation_type}: ${from.table.table_name}.${r.from_column} → ${to.table.table_name}.${r.to_column}`,
    });
    // The other side is a relation of its own (the wizard's reverse), which adds its own field: no back-reference.
    if (paired.has(r.id)) continue;
    const backList = LIST_BACK.has(r.relation_type);
    const plain = backList ? camelOfSnake(from.table.table_name) : lowerFirst(from.typeName);
    // A second link from the same table (film.language_id, film.original_language_id) is told apart by its column.
    const back = [plain, `${plain}By${pascal(camelOfSnake(r.from_column))}`].find((n) => !taken(to, n) && !forwardNames.get(to)?.has(n));
    if (!back) {
      problem("graphql_field", say("codegen.backRefTaken", { type: to.typeName, name: plain }));
      continue;
    }
    take(to, back);
    to.relationFields.push({
      relationId: r.id,
      name: back,
      target: from.typeName,
      list: backList,
      nonNull: backList,
      description: `Back-reference of ${from.typeName}.${name}`,
    });
  }
  return problems;
}

/** The field a relation adds to its from side: its graphql_field, else derived from the other table or the column. */
function forwardName(r: CodegenInput["relations"][number], to: ResolvedTable): string {
  const derived = LIST_FORWARD.has(r.relation_type) ? camelOfSnake(to.table.table_name) : camelOfSnake(snakeCase(r.from_column).replace(/_id$/, ""));
  return r.graphql_field?.trim() || derived;
}
