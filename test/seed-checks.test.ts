import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HTTP_METHODS, PROJECT_STATUSES, PROJECT_TEMPLATES, RELATION_TYPES } from "../lib/schemas/enums";
import { freshDatabase, type FreshDatabase } from "./helpers/db";

describe("the seed's own checks, on the initialized schema", () => {
  let db: FreshDatabase;
  beforeAll(async () => {
    db = await freshDatabase({ init: true });
  });
  afterAll(async () => {
    await db?.drop();
  });

  it("enums have the seed's values, in the seed's order", async () => {
    const labels = async (type: string) =>
      (await db.client.query<{ v: string }>(`SELECT unnest(enum_range(NULL::_metadata.${type}))::text AS v`)).rows.map((r) => r.v);
    expect(await labels("relation_type_enum")).toEqual(["OneToOne", "OneToMany", "ManyToOne", "ManyToMany"]);
    expect(await labels("http_method_enum")).toEqual(["GET", "POST", "PUT", "DELETE", "PATCH"]);
    expect(await labels("project_status_enum")).toEqual([
      "PLANNING", "DEVELOPMENT", "TESTING", "STAGING", "PRODUCTION", "MAINTENANCE", "ARCHIVED",
    ]);
    expect(await labels("project_template_enum")).toEqual([
      "BASIC", "ECOMMERCE", "CMS", "DASHBOARD", "API_ONLY", "MOBILE_BACKEND", "MICROSERVICE",
    ]);
    // The app's copies (lib/schemas/enums.ts) agree with the database.
    expect(await labels("relation_type_enum")).toEqual([...RELATION_TYPES]);
    expect(await labels("http_method_enum")).toEqual([...HTTP_METHODS]);
    expect(await labels("project_status_enum")).toEqual([...PROJECT_STATUSES]);
    expect(await labels("project_template_enum")).toEqual([...PROJECT_TEMPLATES]);
  });

  it("single_project refuses id = 2, and the row gets the seed's defaults", async () => {
    const error = await db.client
      .query("INSERT INTO _metadata.project (id, project_id, project_name, root_path) VALUES (2, 'two', 'Two', '/two')")
      .catch((e) => e);
    expect(error).toMatchObject({ code: "23514", constraint: "single_project" });
    const { rows } = await db.client.query(
      `INSERT INTO _metadata.project (id, project_id, project_name, root_path) VALUES (1, 'one', 'One', '/one')
       RETURNING backend_path, frontend_path, database_path, template::text, status::text, version, package_manager,
                 default_schema, auto_generation, watch_mode, git_branch`,
    );
    expect(rows[0]).toEqual({
      backend_path: "./backend",
      frontend_path: "./frontend",
      database_path: "./database",
      template: "BASIC",
      status: "PLANNING",
      version: "1.0.0",
      package_manager: "npm",
      default_schema: "public",
      auto_generation: true,
      watch_mode: true,
      git_branch: "main",
    });
    await db.client.query("DELETE FROM _metadata.project");
  });

  it("deleting a mappings_table row cascades to its columns and its relations (both directions)", async () => {
    const c = db.client;
    const insertTable = async (name: string) =>
      (await c.query<{ id: string }>("INSERT INTO _metadata.mappings_table (table_name, label) VALUES ($1, $1) RETURNING id", [name]))
        .rows[0].id;
    const [users, orders, items] = [await insertTable("users"), await insertTable("orders"), await insertTable("items")];
    for (const [tableId, table, column] of [[users, "users", "id"], [users, "users", "email"], [orders, "orders", "user_id"], [items, "items", "order_id"]]) {
      await c.query(
        "INSERT INTO _metadata.mappings_column (table_id, schema_name, table_name, pg_column, label) VALUES ($1, 'public', $2, $3, $3)",
        [tableId, table, column],
      );
    }
    const relation = `INSERT INTO _metadata.mappings_relation (from_table_id, to_table_id, from_schema, from_table, from_column,
                        to_schema, to_table, to_column, relation_type) VALUES ($1, $2, 'public', $3, $4, 'public', $5, 'id', $6)`;
    await c.query(relation, [orders, users, "orders", "user_id", "users", "ManyToOne"]);
    await c.query(relation, [users, orders, "users", "id", "orders", "OneToMany"]);
    await c.query(relation, [items, orders, "items", "order_id", "orders", "ManyToOne"]);

    await c.query("DELETE FROM _metadata.mappings_table WHERE id = $1", [users]);

    const { rows: columns } = await c.query("SELECT table_name, pg_column FROM _metadata.mappings_column ORDER BY id");
    expect(columns).toEqual([{ table_name: "orders", pg_column: "user_id" }, { table_name: "items", pg_column: "order_id" }]);
    const { rows: relations } = await c.query("SELECT from_table, to_table FROM _metadata.mappings_relation");
    expect(relations).toEqual([{ from_table: "items", to_table: "orders" }]);
    await c.query("DELETE FROM _metadata.mappings_table");
    expect((await c.query("SELECT count(*)::int AS n FROM _metadata.mappings_column")).rows[0].n).toBe(0);
  });

  it.each([
    ["mappings_table", "INSERT INTO _metadata.mappings_table (table_name, label, updated_at) VALUES ('t', 'T', $1) RETURNING id", "label = 'T2'"],
    ["mappings_column", "INSERT INTO _metadata.mappings_column (schema_name, table_name, pg_column, label, updated_at) VALUES ('public', 't', 'c', 'C', $1) RETURNING id", "label = 'C2'"],
    ["project", "INSERT INTO _metadata.project (id, project_id, project_name, root_path, updated_at) VALUES (1, 'p', 'P', '/p', $1) RETURNING id", "project_name = 'P2'"],
    ["mappings_api_endpoint", "INSERT INTO _metadata.mappings_api_endpoint (endpoint_name, base_url, updated_at) VALUES ('e', 'https://api.example.com', $1) RETURNING id", "timeout_ms = 5000"],
  ])("UPDATE on %s bumps updated_at (trigger)", async (table, insert, change) => {
    const old = "2001-02-03T04:05:06Z";
    const { rows } = await db.client.query<{ id: string }>(insert, [old]);
    const id = rows[0].id;
    const read = async () =>
      (await db.client.query<{ updated_at: Date; created_at: Date }>(`SELECT updated_at, created_at FROM _metadata.${table} WHERE id = $1`, [id])).rows[0];
    expect((await read()).updated_at.toISOString()).toBe("2001-02-03T04:05:06.000Z");
    const { rows: now } = await db.client.query<{ now: Date }>("SELECT now()");
    await db.client.query(`UPDATE _metadata.${table} SET ${change} WHERE id = $1`, [id]);
    const after = await read();
    expect(after.updated_at.getTime()).toBeGreaterThanOrEqual(now[0].now.getTime());
    // Even an explicit value is overridden: the trigger owns updated_at.
    await db.client.query(`UPDATE _metadata.${table} SET updated_at = $2 WHERE id = $1`, [id, old]);
    expect((await read()).updated_at.getTime()).toBeGreaterThanOrEqual(now[0].now.getTime());
    await db.client.query(`DELETE FROM _metadata.${table} WHERE id = $1`, [id]);
  });
});
