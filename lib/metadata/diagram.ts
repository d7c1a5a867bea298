import type pg from "pg";
import { getPool, query, tx, type Queryable } from "../db/pool";
import { FULL_MODEL_LIMIT, type DiagramTableValues, type PositionValues } from "../schemas/diagram";
import { newColumnSchema } from "../schemas/column";
import { insertColumns } from "./columns";
import { labelFor } from "./derive";
import { createTable, type TableRow } from "./tables";


export interface DiagramTable {
  id: number;
  schema_name: string;
  table_name: string;
  label: string;
  /** Where the user dragged it (null: the layout engine places it). */
  x: number | null;
  y: number | null;
}

export interface DiagramColumn {
  table_id: number;
  pg_column: string;
  pg_type: string;
  is_primary_key: boolean;
  is_unique: boolean;
}

export interface DiagramRelation {
  id: number;
  from_table_id: number;
  to_table_id: number;
  from_column: string;
  to_column: string;
  relation_type: string;
  graphql_field: string | null;
}

export interface DiagramModel {
  tables: DiagramTable[];
  relations: DiagramRelation[];
  /** Every column, or null when the model has more than FULL_MODEL_LIMIT tables. */
  columns: DiagramColumn[] | null;
}

const TABLES = `SELECT t.id, t.schema_name, t.table_name, t.label, l.pos_x AS x, l.pos_y AS y
  FROM _metadata.mappings_table t LEFT JOIN _metadata.diagram_layout l ON l.table_id = t.id`;
// A relation whose table ids were cleared (psql) cannot be drawn: it has no box to end at. The CTE names the
// tables one relation away from $1 (when a query passes one).
const RELATIONS = `WITH near AS (SELECT to_table_id AS n FROM _metadata.mappings_relation WHERE from_table_id = $1
                    UNION SELECT from_table_id FROM _metadata.mappings_relation WHERE to_table_id = $1 UNION SELECT $1)
  SELECT id, from_table_id, to_table_id, from_column, to_column, relation_type::text AS relation_type, graphql_field
    FROM _metadata.mappings_relation WHERE from_table_id IS NOT NULL AND to_table_id IS NOT NULL`;
const COLUMNS = `SELECT table_id, pg_column, pg_type, is_primary_key IS TRUE AS is_primary_key, is_unique IS TRUE AS is_unique
  FROM _metadata.mappings_column`;

/** The whole model for the diagram: tables with their stored positions, relations, and columns if not too many. */
export async function loadDiagram(db: Queryable = getPool()): Promise<DiagramModel> {
  const [tables, relations] = await Promise.all([
    query<DiagramTable>(`${TABLES} ORDER BY t.schema_name, t.table_name`, [], db),
    query<DiagramRelation>(`${RELATIONS} ORDER BY id`, [null], db),
  ]);
  const columns =
    tables.length > FULL_MODEL_LIMIT ? null : await query<DiagramColumn>(`${COLUMNS} ORDER BY table_id, sort_order, id`, [], db);
  return { tables, relations, columns };
}

/** One table and every table one relation away, with the relations between them and their columns. */
export async function loadNeighbourhood(tableId: number, db: Queryable = getPool()): Promise<DiagramModel> {
  const relations = await query<DiagramRelation>(
    `${RELATIONS} AND (from_table_id = $1 OR to_table_id = $1
       OR (from_table_id IN (SELECT n FROM near) AND to_table_id IN (SELECT n FROM near))) ORDER BY id`,
    [tableId],
    db,
  );
  const ids = [...new Set([tableId, ...relations.flatMap((r) => [r.from_table_id, r.to_table_id])])];
  const tables = await query<DiagramTable>(`${TABLES} WHERE t.id = ANY($1::bigint[]) ORDER BY t.schema_name, t.table_name`, [ids], db);
  return { tables, relations, columns: await columnsOfTables(ids, db) };
}

export async function columnsOfTables(ids: number[], db: Queryable = getPool()): Promise<DiagramColumn[]> {
  return query<DiagramColumn>(`${COLUMNS} WHERE table_id = ANY($1::bigint[]) ORDER BY table_id, sort_order, id`, [ids], db);
}

/** Stores dragged positions (tables deleted meanwhile are skipped). Returns how many were stored. */
export async function savePositions(positions: PositionValues, db: Queryable = getPool()): Promise<number> {
  const result = await db.query(
    `INSERT INTO _metadata.diagram_layout (table_id, pos_x, pos_y)
     SELECT p.table_id, p.x, p.y
       FROM unnest($1::bigint[], $2::int[], $3::int[]) AS p(table_id, x, y)
       JOIN _metadata.mappings_table t ON t.id = p.table_id
     ON CONFLICT (table_id) DO UPDATE SET pos_x = EXCLUDED.pos_x, pos_y = EXCLUDED.pos_y`,
    [positions.map((p) => p.table_id), positions.map((p) => p.x), positions.map((p) => p.y)],
  );
  return result.rowCount ?? 0;
}

/** Forgets every stored position: the layout engine places all tables again. */
export async function clearPositions(db: Queryable = getPool()): Promise<number> {
  return (await db.query("DELETE FROM _metadata.diagram_layout")).rowCount ?? 0;
}

/** A table made on the diagram, with its key column (id BIGSERIAL …), in one transaction. */
export async function createTableWithKey(values: DiagramTableValues, pool: pg.Pool = getPool()): Promise<TableRow> {
  const { key_type, ...table } = values;
  return tx(async (client) => {
    const row = await createTable({ ...table, primary_key: key_type ? table.primary_key : "" }, client);
    if (key_type) {
      await insertColumns(client, row.id, [
        newColumnSchema.parse({
          pg_column: table.primary_key,
          pg_type: key_type,
          label: labelFor(table.primary_key),
          graphql_field: "",
          graphql_type: "",
          form_type: "",
          is_required: true,
          is_unique: false,
          is_primary_key: true,
        }),
      ]);
    }
    return row;
  }, pool);
}
