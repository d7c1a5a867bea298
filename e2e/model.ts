import type pg from "pg";
import { freshEditor } from "./db";

/** users (id, email, name) and posts (id, user_id → users), a relation and an endpoint: a model every page shows. */
export async function smallModel(db: pg.Client): Promise<{ usersId: string; postsId: string }> {
  await freshEditor(db);
  await db.query("DELETE FROM _metadata.mappings_api_endpoint");
  const table = async (name: string, type: string, label: string) =>
    (await db.query<{ id: string }>("INSERT INTO _metadata.mappings_table (table_name, graphql_type, label) VALUES ($1, $2, $3) RETURNING id", [name, type, label]))
      .rows[0].id;
  const column = (tableId: string, name: string, pgType: string, field: string, type: string, label: string, order: number) =>
    db.query(
      `INSERT INTO _metadata.mappings_column (table_id, schema_name, table_name, pg_column, pg_type, graphql_field, graphql_type, label, is_primary_key, sort_order)
       SELECT id, schema_name, table_name, $2, $3, $4, $5, $6, $7, $8 FROM _metadata.mappings_table WHERE id = $1`,
      [tableId, name, pgType, field, type, label, name === "id", order],
    );
  const usersId = await table("users", "User", "사용자");
  await column(usersId, "id", "BIGSERIAL", "id", "ID", "ID", 1);
  await column(usersId, "email", "VARCHAR(255)", "email", "String", "이메일", 2);
  await column(usersId, "name", "VARCHAR(100)", "name", "String", "이름", 3);
  const postsId = await table("posts", "Post", "게시글");
  await column(postsId, "id", "BIGSERIAL", "id", "ID", "ID", 1);
  await column(postsId, "user_id", "BIGINT", "userId", "ID", "작성자", 2);
  await db.query(
    `INSERT INTO _metadata.mappings_relation (from_table_id, to_table_id, from_schema, from_table, from_column, to_schema, to_table, to_column, relation_type, graphql_field)
     VALUES ($1, $2, 'public', 'posts', 'user_id', 'public', 'users', 'id', 'ManyToOne', 'author')`,
    [postsId, usersId],
  );
  await db.query("INSERT INTO _metadata.mappings_api_endpoint (endpoint_name, base_url) VALUES ('github_user_api', 'https://api.github.com')");
  return { usersId, postsId };
}
