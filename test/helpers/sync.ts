import type { FreshDatabase } from "./db";

/** Every database-side value of the metadata of `schema`, in a stable order, ids left out. */
export async function metadataOf(db: FreshDatabase, schema: string) {
  const { rows } = await db.client.query(
    `SELECT jsonb_build_object('t', t.table_name, 'pk', t.primary_key, 'checks', t.table_constraints, 'indexes', t.indexes,
              'description', t.description) AS r
       FROM _metadata.mappings_table t WHERE t.schema_name = $1
     UNION ALL
     SELECT jsonb_build_object('c', c.table_name || '.' || c.pg_column, 'type', c.pg_type, 'pgc', c.pg_constraints, 'pk', c.is_primary_key,
              'unique', c.is_unique, 'indexed', c.is_indexed, 'index', c.index_config - 'name', 'enum', c.enum_options, 'comment', c.comment,
              'order', c.sort_order, 'label', c.label, 'form', c.form_type, 'gql', c.graphql_type)
       FROM _metadata.mappings_column c WHERE c.schema_name = $1
     UNION ALL
     SELECT jsonb_build_object('r', r.from_table || '.' || r.from_column || '>' || r.to_table || '.' || r.to_column, 'type', r.relation_type,
              'cascade', r.is_cascade_delete, 'name', r.constraint_name)
       FROM _metadata.mappings_relation r WHERE r.from_schema = $1
     ORDER BY 1`,
    [schema],
  );
  return rows.map((r) => r.r);
}
