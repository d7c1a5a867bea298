import type pg from "pg";
import { freshEditor } from "./db";

/**
 * users (id, email, name) and posts (id, user_id → users), a relation and an endpoint: a model every page shows.
 * The columns carry form types and required flags, so the generated code and form preview have something to show.
 */
export async function smallModel(db: pg.Client): Promise<{ usersId: string; postsId: string; emailId: string; nameId: string }> {
  await freshEditor(db);
  await db.query("DELETE FROM _metadata.mappings_api_endpoint");
  const table = async (name: string, type: string, label: string) =>
    (await db.query<{ id: string }>("INSERT INTO _metadata.mappings_table (table_name, graphql_type, label) VALUES ($1, $2, $3) RETURNING id", [name, type, label]))
      .rows[0].id;
  const column = async (tableId: string, name: string, pgType: string, c: { field: string; type: string; label: string; form: string; required?: boolean; order: number }) =>
    (
      await db.query<{ id: string }>(
        `INSERT INTO _metadata.mappings_column (table_id, schema_name, table_name, pg_column, pg_type, graphql_field, graphql_type, label,
           form_type, is_required, is_primary_key, sort_order)
         SELECT id, schema_name, table_name, $2, $3, $4, $5, $6, $7, $8, $9, $10 FROM _metadata.mappings_table WHERE id = $1 RETURNING id`,
        [tableId, name, pgType, c.field, c.type, c.label, c.form, c.required ?? false, name === "id", c.order],
      )
    ).rows[0].id;
  const usersId = await table("users", "User", "사용자");
  await column(usersId, "id", "BIGSERIAL", { field: "id", type: "ID", label: "ID", form: "hidden", required: true, order: 1 });
  const emailId = await column(usersId, "email", "VARCHAR(255)", { field: "email", type: "String", label: "이메일", form: "email", required: true, order: 2 });
  const nameId = await column(usersId, "name", "VARCHAR(100)", { field: "name", type: "String", label: "이름", form: "text", order: 3 });
  const postsId = await table("posts", "Post", "게시글");
  await column(postsId, "id", "BIGSERIAL", { field: "id", type: "ID", label: "ID", form: "hidden", required: true, order: 1 });
  await column(postsId, "user_id", "BIGINT", { field: "userId", type: "ID", label: "작성자", form: "number", order: 2 });
  await db.query(
    `INSERT INTO _metadata.mappings_relation (from_table_id, to_table_id, from_schema, from_table, from_column, to_schema, to_table, to_column, relation_type, graphql_field)
     VALUES ($1, $2, 'public', 'posts', 'user_id', 'public', 'users', 'id', 'ManyToOne', 'author')`,
    [postsId, usersId],
  );
  await db.query("INSERT INTO _metadata.mappings_api_endpoint (endpoint_name, base_url) VALUES ('github_user_api', 'https://api.github.com')");
  return { usersId, postsId, emailId, nameId };
}
