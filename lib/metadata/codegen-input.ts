import { query, type Queryable } from "../db/pool";
import { generationConfig, type CodegenInput, type ColumnInput, type RelationInput, type StrayColumn, type TableInput } from "../codegen/model";
import { typeNameOf } from "../codegen/resolve";

const TABLE_FIELDS = `t.id::int AS id, t.schema_name, t.table_name, t.graphql_type, t.label, t.description, t.primary_key, t.is_api_enabled, t.api_permissions`;
const COLUMN_FIELDS = `c.id::int AS id, c.pg_column, c.pg_type, c.pg_constraints, c.graphql_field, c.graphql_type,
  c.graphql_resolver, c.is_graphql_input, c.is_graphql_output, c.label, c.form_type, c.is_required, c.is_visible, c.sort_order,
  c.default_value, c.enum_options, c.validation_rules, c.placeholder, c.help_text, c.permission_read, c.permission_write,
  c.is_primary_key, c.comment`;
/**
 * A column belongs to its table by table_id and by the copy of its table's names (schema_name, table_name): the
 * editor writes and renames both together (lib/metadata/columns.ts, renames.ts) and a backup whose copies
 * disagree is refused, but a statement run in psql can still make them disagree. Such a row is read by none of
 * the queries below (both keys must match), so every loader agrees on what a table's columns are. The names are
 * what the spec's index serves, `idx_mappings_column_table_order (schema_name, table_name, sort_order)`: table_id
 * has no index, and filtering on it alone scanned all 102,000 columns for one table's page. The rows left out are
 * read by strayColumns and reported (CodegenInput.strayColumns).
 */
const SAME_TABLE = "c.table_id = t.id AND c.schema_name = t.schema_name AND c.table_name = t.table_name";
const STRAY_COLUMNS = `SELECT c.table_id::int AS "tableId", c.id::int AS "columnId", c.pg_column,
    json_build_object('schema', c.schema_name, 'table', c.table_name) AS carried,
    json_build_object('schema', t.schema_name, 'table', t.table_name) AS actual
  FROM _metadata.mappings_column c JOIN _metadata.mappings_table t ON t.id = c.table_id
  WHERE (c.schema_name, c.table_name) IS DISTINCT FROM (t.schema_name, t.table_name)`;
/** The columns SAME_TABLE leaves out: all of them, or those of the tables `ids` (a sequential scan either way). */
const strayColumns = (ids: number[] | null, db?: Queryable) =>
  ids === null
    ? query<StrayColumn>(`${STRAY_COLUMNS} ORDER BY c.table_id, c.id`, [], db)
    : query<StrayColumn>(`${STRAY_COLUMNS} AND c.table_id = ANY($1::bigint[]) ORDER BY c.table_id, c.id`, [ids], db);
/**
 * Many tables with their columns: each table's columns built into one JSON array by PostgreSQL, parsed by one
 * JSON.parse per table. Far cheaper in node than 100,000 rows through pg's row parser (the same values: the
 * casts give numbers, JSONB stays JSON, NULL is null).
 */
const columnsJson = `json_agg((SELECT x FROM (SELECT ${COLUMN_FIELDS}) x))`;
/** Every table: one pass over the columns, grouped (in the index's order) and joined by both keys. */
const ALL_TABLES_WITH_COLUMNS = `SELECT ${TABLE_FIELDS}, coalesce(c.columns, '[]'::json) AS columns
  FROM _metadata.mappings_table t
  LEFT JOIN (SELECT c.table_id, c.schema_name, c.table_name, ${columnsJson} AS columns
               FROM _metadata.mappings_column c GROUP BY c.schema_name, c.table_name, c.table_id) c
    ON ${SAME_TABLE}`;
/** The tables whose ids are `$1` (the watch's changed tables): per table, an index scan of its columns. */
const TABLES_WITH_COLUMNS = `SELECT ${TABLE_FIELDS},
    coalesce((SELECT ${columnsJson} FROM _metadata.mappings_column c WHERE ${SAME_TABLE}), '[]'::json) AS columns
  FROM _metadata.mappings_table t WHERE t.id = ANY($1::bigint[])`;
const tablesWithColumns = (ids: number[] | null, db?: Queryable) =>
  ids === null ? query<TableInput>(ALL_TABLES_WITH_COLUMNS, [], db) : query<TableInput>(TABLES_WITH_COLUMNS, [ids], db);

/** Exported for the plan test: the columns of the tables whose ids are `$1`, as rows. */
export const PAGE_COLUMNS_SQL = `SELECT c.table_id::int AS table_id, ${COLUMN_FIELDS}
  FROM _metadata.mappings_table t JOIN _metadata.mappings_column c ON ${SAME_TABLE} WHERE t.id = ANY($1::bigint[])`;

/**
 * A table page's few tables (the table and its neighbours) with their columns as plain rows: for ~2,000 columns
 * that costs PostgreSQL and node less than building, sending and parsing one JSON text (measured on the bench's
 * wide table, CPU per read: 5 + 33 ms against 43 + 51 ms, under load 15).
 */
async function pageTablesWithColumns(ids: number[], db?: Queryable): Promise<TableInput[]> {
  const [tables, columns] = await Promise.all([
    query<Omit<TableInput, "columns">>(`SELECT ${TABLE_FIELDS} FROM _metadata.mappings_table t WHERE t.id = ANY($1::bigint[])`, [ids], db),
    query<ColumnInput & { table_id: number }>(PAGE_COLUMNS_SQL, [ids], db),
  ]);
  const byTable = new Map<number, ColumnInput[]>(tables.map((t) => [t.id, []]));
  for (const { table_id, ...column } of columns) byTable.get(table_id)?.push(column);
  return tables.map((t) => ({ ...t, columns: byTable.get(t.id)! }));
}
const RELATION_FIELDS = `r.id::int AS id, r.from_table_id::int AS from_table_id, r.to_table_id::int AS to_table_id, r.from_column, r.to_column,
  r.relation_type::text AS relation_type, r.graphql_field`;

export interface ProjectSettings {
  rootPath: string;
  config: CodegenInput["config"];
  /** generation_config as stored: generationConfigProblem (lib/schemas/project.ts) says what in it is not usable. */
  storedConfig: unknown;
}

export async function loadProjectSettings(db?: Queryable): Promise<ProjectSettings> {
  const [row] = await query<{ root_path: string; generation_config: unknown }>(
    "SELECT root_path, generation_config FROM _metadata.project WHERE id = 1",
    [],
    db,
  );
  return { rootPath: row?.root_path ?? ".", config: generationConfig(row?.generation_config), storedConfig: row?.generation_config ?? null };
}

/** The whole project's metadata, for metadata:generate and the project-wide download. */
export async function loadCodegenInput(db?: Queryable): Promise<CodegenInput & ProjectSettings> {
  // One after another: `db` may be a single client (the CLI), which runs one query at a time anyway.
  const settings = await loadProjectSettings(db);
  const tables = await tablesWithColumns(null, db);
  const relations = await query<RelationInput>(`SELECT ${RELATION_FIELDS} FROM _metadata.mappings_relation r`, [], db);
  return { ...settings, tables, relations, strayColumns: await strayColumns(null, db) };
}

/**
 * Per table, a fingerprint of its row and its columns: the row's xmin, and the count, sum and maximum of its
 * columns' xmin (every insert or update writes a new xmin; a delete changes the count or the sum). Read in one
 * pass over the column index, far cheaper than the rows themselves.
 */
const FINGERPRINTS = `SELECT t.id::int AS id, concat_ws(':', t.xmin::text, c.n, c.s, c.m) AS fp
  FROM _metadata.mappings_table t
  LEFT JOIN (SELECT table_id, count(*) AS n, sum(xmin::text::bigint) AS s, max(xmin::text::bigint) AS m
               FROM _metadata.mappings_column GROUP BY table_id) c ON c.table_id = t.id`;
const RELATIONS_FINGERPRINT = `SELECT concat_ws(':', count(*), sum(xmin::text::bigint), max(xmin::text::bigint), sum(id)) AS fp FROM _metadata.mappings_relation`;

/**
 * The project's metadata for \`metadata:generate --watch\`: after the first load, only tables whose fingerprint
 * changed are read again; the others keep their row objects, which is what lets the generators reuse their
 * output (GenerationCache). Same result as loadCodegenInput.
 */
export class IncrementalCodegenInput {
  private tables = new Map<number, { fp: string; table: TableInput }>();
  private relations: { fp: string; rows: RelationInput[] } = { fp: "", rows: [] };
  /** Tables read on the last load (for the log). */
  reloaded = 0;

  async load(db: Queryable): Promise<CodegenInput & ProjectSettings> {
    const settings = await loadProjectSettings(db);
    const fps = await query<{ id: number; fp: string }>(FINGERPRINTS, [], db);
    const changed = fps.filter((f) => this.tables.get(f.id)?.fp !== f.fp).map((f) => f.id);
    if (changed.length) {
      const fpOf = new Map(fps.map((f) => [f.id, f.fp]));
      for (const table of await tablesWithColumns(changed, db)) this.tables.set(table.id, { fp: fpOf.get(table.id)!, table });
    }
    this.reloaded = changed.length;
    const present = new Set(fps.map((f) => f.id));
    for (const id of this.tables.keys()) if (!present.has(id)) this.tables.delete(id);
    const [{ fp }] = await query<{ fp: string }>(RELATIONS_FINGERPRINT, [], db);
    if (fp !== this.relations.fp) {
      this.relations = { fp, rows: await query<RelationInput>(`SELECT ${RELATION_FIELDS} FROM _metadata.mappings_relation r`, [], db) };
    }
    // A table changed between the fingerprints and its read is read again next time: its fingerprint is stale.
    const tables = fps.flatMap((f) => this.tables.get(f.id)?.table ?? []);
    return { ...settings, tables, relations: this.relations.rows, strayColumns: await strayColumns(null, db) };
  }
}

/**
 * What a table page's code is made from, before its columns are read: the settings, the relations that reach
 * the table, the tables those relations name, and a fingerprint of all of it (as the watch's: xmin count, sum
 * and maximum) that changes whenever anything the page's code depends on does: any table row (its names and
 * type name count project-wide), a column of one of these tables, one of these relations, the settings.
 */
export interface TablePageSource {
  settings: ProjectSettings;
  relations: RelationInput[];
  ids: number[];
  fingerprint: string;
}

const TABLE_ROWS_FINGERPRINT = `SELECT concat_ws(':', count(*), sum(xmin::text::bigint), max(xmin::text::bigint)) AS fp FROM _metadata.mappings_table`;
const PAGE_COLUMNS_FINGERPRINT = `SELECT t.id::int AS id, concat_ws(':', count(c.id), sum(c.xmin::text::bigint), max(c.xmin::text::bigint)) AS fp
  FROM _metadata.mappings_table t LEFT JOIN _metadata.mappings_column c ON ${SAME_TABLE}
  WHERE t.id = ANY($1::bigint[]) GROUP BY t.id ORDER BY t.id`;

export async function tablePageSource(tableId: number, db?: Queryable): Promise<TablePageSource> {
  const [settings, relations, [tablesFp]] = await Promise.all([
    loadProjectSettings(db),
    query<RelationInput>(`SELECT ${RELATION_FIELDS} FROM _metadata.mappings_relation r WHERE r.from_table_id = $1 OR r.to_table_id = $1 ORDER BY r.id`, [tableId], db),
    query<{ fp: string }>(TABLE_ROWS_FINGERPRINT, [], db),
  ]);
  const ids = [...new Set([tableId, ...relations.flatMap((r) => [r.from_table_id, r.to_table_id]).filter((x): x is number => x !== null)])];
  const columnsFp = await query<{ id: number; fp: string }>(PAGE_COLUMNS_FINGERPRINT, [ids], db);
  const fingerprint = JSON.stringify([settings, relations, tablesFp.fp, columnsFp]);
  return { settings, relations, ids, fingerprint };
}

/**
 * One table's page: the table, the tables its relations reach (both ways) and those relations; every table's
 * type name, so duplicates are still found. A few small queries, whatever the size of the project.
 */
export async function loadTablePage(source: TablePageSource, db?: Queryable): Promise<CodegenInput & Pick<ProjectSettings, "storedConfig">> {
  const [tables, names, strays] = await Promise.all([
    pageTablesWithColumns(source.ids, db),
    query<{ id: number; graphql_type: string | null; table_name: string }>("SELECT id::int AS id, graphql_type, table_name FROM _metadata.mappings_table", [], db),
    strayColumns(source.ids, db),
  ]);
  const allTypeNames = names.map((n) => ({ id: n.id, typeName: typeNameOf(n) }));
  return { config: source.settings.config, storedConfig: source.settings.storedConfig, tables, relations: source.relations, allTypeNames, strayColumns: strays };
}

export async function loadTableCodegenInput(tableId: number, db?: Queryable): Promise<CodegenInput & Pick<ProjectSettings, "storedConfig">> {
  return loadTablePage(await tablePageSource(tableId, db), db);
}
