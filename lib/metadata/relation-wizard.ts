import type pg from "pg";
import { getPool, maybeOne, query, tx } from "../db/pool";
import { newColumnSchema } from "../schemas/column";
import {
  wizardCreatesFkColumn,
  wizardCreatesJunction,
  type RelationValues,
  type RelationWizardValues,
} from "../schemas/relation";
import { tableDefaults, tableSchema } from "../schemas/table";
import { insertColumns, type ColumnRow } from "./columns";
import { ConflictError, FieldError } from "./conflict";
import { camelCase, graphqlTypeForTable, labelFor, singular } from "./derive";
import { getRelation, insertRelation, type RelationRow } from "./relations";
import { foreignKeyType, junctionNames, reverseType, type RelationType } from "./relation-keys";
import { createTable, type TableRow } from "./tables";
import { rowVersionSql } from "./versioned-row";
import { say } from "../i18n/messages";

export interface WizardResult {
  relation: RelationRow;
  reverse: RelationRow | null;
  /** The foreign-key column the wizard added (ManyToOne / OneToOne). */
  column: ColumnRow | null;
  /** The junction table (ManyToMany), its two columns and its two relations. */
  junction: { table: TableRow; columns: ColumnRow[]; relations: RelationRow[] } | null;
}

interface TableRef {
  id: number;
  schema_name: string;
  table_name: string;
}

async function tableRef(client: pg.ClientBase, id: number, field: string): Promise<TableRef> {
  const row = await maybeOne<TableRef>(
    "SELECT id, schema_name, table_name FROM _metadata.mappings_table WHERE id = $1",
    [id],
    client,
  );
  if (!row) throw new FieldError(field, say("server.tableGone"));
  return row;
}

async function columnType(client: pg.ClientBase, table: TableRef, column: string, field: string): Promise<string> {
  const row = await maybeOne<{ pg_type: string }>(
    "SELECT pg_type FROM _metadata.mappings_column WHERE table_id = $1 AND pg_column = $2",
    [table.id, column],
    client,
  );
  if (!row) throw new FieldError(field, say("server.noColumn", { table: table.table_name, column }));
  return row.pg_type;
}

/** A column the wizard adds: the key's integer type, derived GraphQL and form values (as Add column does). */
async function addKeyColumns(
  client: pg.PoolClient,
  table: TableRef,
  columns: { name: string; type: string; primaryKey?: boolean; unique?: boolean }[],
  field: string,
): Promise<ColumnRow[]> {
  const rows = columns.map((c) =>
    newColumnSchema.parse({
      pg_column: c.name,
      pg_type: c.type,
      label: labelFor(c.name),
      graphql_field: "",
      graphql_type: "",
      form_type: "",
      is_required: c.primaryKey === true,
      is_unique: c.unique === true,
      is_primary_key: c.primaryKey === true,
    }),
  );
  return insertColumns(client, table.id, rows).catch((error) => {
    if (error instanceof FieldError && error.field === "pg_column") {
      throw new FieldError(field, say("server.fkColumnExists", { message: error.message }));
    }
    throw error;
  });
}

/** The other side of `r`: the same two columns the other way round (OneToMany for ManyToOne …). */
function reverseOf(r: RelationValues, graphqlField: string): RelationValues {
  return {
    from_table_id: r.to_table_id,
    from_column: r.to_column,
    to_table_id: r.from_table_id,
    to_column: r.from_column,
    relation_type: reverseType(r.relation_type as RelationType),
    graphql_field: graphqlField,
    // The reverse side owns no foreign key: deleting through it cascades nothing.
    is_cascade_delete: false,
    constraint_name: "",
  };
}

/**
 * Creates a relation as the wizard describes it, all in one transaction (any refusal leaves nothing): the
 * foreign-key column on the from side (typed after the target key), or the junction table of a ManyToMany,
 * then the relation and, unless unticked, its reverse.
 */
export async function createRelationWithWizard(values: RelationWizardValues, pool: pg.Pool = getPool()): Promise<WizardResult> {
  return tx(async (client) => {
    const from = await tableRef(client, values.from_table_id, "from_table_id");
    const to = await tableRef(client, values.to_table_id, "to_table_id");
    const keyType = await columnType(client, to, values.to_column, "to_column");
    let column: ColumnRow | null = null;
    let junction: WizardResult["junction"] = null;
    const main: RelationValues = { ...values };

    if (wizardCreatesFkColumn(values)) {
      [column] = await addKeyColumns(
        client,
        from,
        [{ name: values.fk_column_name, type: foreignKeyType(keyType), unique: values.relation_type === "OneToOne" }],
        "fk_column_name",
      );
      main.from_column = values.fk_column_name;
    } else if (wizardCreatesJunction(values)) {
      const fromKeyType = await columnType(client, from, values.from_column, "from_column");
      junction = await createJunction(client, values, { from, to, fromKeyType, toKeyType: keyType });
    }

    const relation = await insertRelation(client, main);
    const reverse = values.create_reverse
      ? await insertRelation(client, reverseOf(main, values.reverse_graphql_field)).catch((error) => {
          if (error instanceof FieldError) throw new FieldError("create_reverse", say("server.reverseRelation", { message: error.message }));
          throw error;
        })
      : null;
    return { relation, reverse, column, junction };
  }, pool);
}

async function createJunction(
  client: pg.PoolClient,
  values: RelationWizardValues,
  ends: { from: TableRef; to: TableRef; fromKeyType: string; toKeyType: string },
): Promise<NonNullable<WizardResult["junction"]>> {
  const { from, to } = ends;
  const names = junctionNames(
    { table: from.table_name, key: values.from_column },
    { table: to.table_name, key: values.to_column },
  );
  const table = await createTable(
    tableSchema.parse({
      ...tableDefaults,
      schema_name: from.schema_name,
      table_name: values.junction_table,
      label: labelFor(values.junction_table),
      graphql_type: graphqlTypeForTable(values.junction_table),
      // Its key is the pair: both columns are marked primary key, and the pair is unique.
      primary_key: "",
      indexes: JSON.stringify([{ columns: [names.fromColumn, names.toColumn], type: "UNIQUE" }]),
    }),
    client,
  ).catch((error) => {
    if (error instanceof FieldError) throw new FieldError("junction_table", error.message);
    throw error;
  });
  const ref = { id: table.id, schema_name: table.schema_name, table_name: table.table_name };
  const columns = await addKeyColumns(
    client,
    ref,
    [
      { name: names.fromColumn, type: foreignKeyType(ends.fromKeyType), primaryKey: true },
      { name: names.toColumn, type: foreignKeyType(ends.toKeyType), primaryKey: true },
    ],
    "junction_table",
  );
  const side = (column: string, target: TableRef, key: string): RelationValues => ({
    from_table_id: table.id,
    from_column: column,
    to_table_id: target.id,
    to_column: key,
    relation_type: "ManyToOne",
    graphql_field: camelCase(singular(target.table_name)),
    is_cascade_delete: true,
    constraint_name: `fk_${table.table_name}_${column}`.slice(0, 63),
  });
  const relations = [
    await insertRelation(client, side(names.fromColumn, from, values.from_column)),
    await insertRelation(client, side(names.toColumn, to, values.to_column)),
  ];
  return { table, columns, relations };
}

/** The relation that is `r` the other way round (same two columns, swapped), if there is one. */
export async function findReverse(r: RelationRow, db: pg.ClientBase | pg.Pool = getPool()): Promise<RelationRow | null> {
  const [row] = await query<{ id: number }>(
    `SELECT id FROM _metadata.mappings_relation
      WHERE from_table_id = $1 AND from_column = $2 AND to_table_id = $3 AND to_column = $4 AND id <> $5
      ORDER BY id LIMIT 1`,
    [r.to_table_id, r.to_column, r.from_table_id, r.from_column, r.id],
    db,
  );
  return row ? getRelation(row.id, db) : null;
}

/** Deletes a relation (guarded by its version) and, when asked, its reverse, in one transaction. */
export async function deleteRelationAndReverse(
  id: number,
  rowVersion: string,
  withReverse: boolean,
  pool: pg.Pool = getPool(),
): Promise<{ deleted: number[] }> {
  return tx(async (client) => {
    const row = await maybeOne<{ id: number }>(
      `SELECT id FROM _metadata.mappings_relation r WHERE r.id = $1 AND ${rowVersionSql("mappings_relation")} = $2 FOR UPDATE`,
      [id, rowVersion],
      client,
    );
    const current = await getRelation(id, client);
    if (!row || !current) throw new ConflictError(current);
    const reverse = withReverse ? await findReverse(current, client) : null;
    const ids = reverse ? [id, reverse.id] : [id];
    await client.query("DELETE FROM _metadata.mappings_relation WHERE id = ANY($1::bigint[])", [ids]);
    return { deleted: ids };
  }, pool);
}

