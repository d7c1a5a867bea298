import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyPlan, ApplyFailedError, previewPlan } from "../lib/sync/apply";
import { previewImport, runImport } from "../lib/sync/import";
import { loadSync } from "../lib/sync/sync";
import { freshDatabase, servers, type FreshDatabase } from "./helpers/db";
import { metadataOf } from "./helpers/sync";

const fixture = readFileSync(path.join(__dirname, "fixtures", "sync-shop.sql"), "utf8");

describe.each(servers().map((s) => [s.name] as const))("import → drift → plan → apply on %s", (serverName) => {
  let source: FreshDatabase;
  let empty: FreshDatabase;
  beforeAll(async () => {
    source = await freshDatabase({ init: true, server: serverName });
    empty = await freshDatabase({ init: true, server: serverName });
    await source.client.query(fixture);
  });
  afterAll(async () => {
    await source?.drop();
    await empty?.drop();
  });

  it("imports the realistic schema and lists the rest as skipped, with reasons", async () => {
    const preview = await previewImport(source.client, ["shop"]);
    expect(preview.problems).toEqual([]);
    expect(preview.counts.table).toEqual({ add: 4, update: 0, unchanged: 0 });
    const skipped = Object.fromEntries(preview.skipped.map((s) => [s.name.replace(/ on .*/, ""), s.kind]));
    expect(skipped).toMatchObject({
      "shop.events": "partitioned table",
      "shop.events_2026": "partition",
      "shop.paid_orders": "view",
      "shop.product_counts": "materialized view",
      customers_lower_email_idx: "index",
    });
    expect(preview.skipped.every((s) => s.reason.length > 10)).toBe(true);
    expect(preview.notes.join("\n")).toMatch(/ON DELETE SET NULL/);

    await runImport(source.client, ["shop"]);
    const { rows: columns } = await source.client.query(
      `SELECT table_name || '.' || pg_column AS c, pg_type, pg_constraints, is_primary_key, is_unique, form_type, enum_options, comment
         FROM _metadata.mappings_column WHERE schema_name = 'shop' ORDER BY 1`,
    );
    const byName = Object.fromEntries(columns.map((c) => [c.c, c]));
    expect(byName["customers.id"]).toMatchObject({ pg_type: "BIGSERIAL", is_primary_key: true });
    expect(byName["customers.email"]).toMatchObject({ pg_type: "shop.email_address", is_unique: true, pg_constraints: { notNull: true } });
    expect(byName["customers.tags"]).toMatchObject({ pg_type: "text[]", pg_constraints: { default: "'{}'::text[]" }, form_type: "json" });
    expect(byName["customers.full_name"]).toMatchObject({ pg_type: "character varying(120)", comment: "고객 이름" });
    expect(byName["products.id"].pg_constraints).toMatchObject({ identity: "always" });
    expect(byName["products.price"].pg_type).toBe("numeric(10,2)");
    expect(byName["orders.status"]).toMatchObject({ pg_type: "shop.order_status", form_type: "select" });
    expect(byName["orders.status"].enum_options.map((o: { value: string }) => o.value)).toEqual(["pending", "paid", "shipped", "cancelled"]);
    expect(byName["orders.ordered_at"].pg_type).toBe("timestamp(3) without time zone");
    expect(byName["order_items.order_id"].is_primary_key).toBe(true);
    expect(byName["order_items.product_id"].is_primary_key).toBe(true);
    const { rows: tables } = await source.client.query(
      "SELECT table_name, description, indexes, table_constraints, primary_key FROM _metadata.mappings_table WHERE schema_name = 'shop' ORDER BY 1",
    );
    const customers = tables.find((t) => t.table_name === "customers");
    expect(customers.description).toBe("고객");
    expect(customers.indexes).toContainEqual({ columns: ["created_at"], type: "BTREE", name: "customers_created_idx", where: expect.stringContaining("2020-01-01") });
    expect(tables.find((t) => t.table_name === "order_items").primary_key).toBeNull();
    expect(tables.find((t) => t.table_name === "products").table_constraints).toEqual({ checks: [{ name: "price_positive", condition: "(price > (0)::numeric)" }] });
    const { rows: relations } = await source.client.query(
      "SELECT from_table, from_column, to_table, relation_type::text, is_cascade_delete, constraint_name FROM _metadata.mappings_relation ORDER BY 1, 2",
    );
    expect(relations).toEqual([
      { from_table: "order_items", from_column: "order_id", to_table: "orders", relation_type: "ManyToOne", is_cascade_delete: true, constraint_name: "order_items_order_id_fkey" },
      { from_table: "order_items", from_column: "product_id", to_table: "products", relation_type: "ManyToOne", is_cascade_delete: false, constraint_name: "order_items_product_id_fkey" },
      { from_table: "orders", from_column: "customer_id", to_table: "customers", relation_type: "ManyToOne", is_cascade_delete: true, constraint_name: "orders_customer_id_fkey" },
    ]);
  });

  it("finds no drift right after the import, and a second import changes nothing", async () => {
    const state = await loadSync(source.client, { schemas: ["shop"] });
    expect(state.canonical.problems).toEqual([]);
    expect(state.items).toEqual([]);
    const again = await previewImport(source.client, ["shop"]);
    expect(again.counts.column.update + again.counts.column.add + again.counts.table.update).toBe(0);
  });

  it("a re-import refreshes only database-side fields and says which change; what a person wrote stays", async () => {
    await source.client.query(
      `UPDATE _metadata.mappings_column SET label = '이름', placeholder = '홍길동', validation_rules = '{"minLength": 2}', permission_write = 'admin'
        WHERE schema_name = 'shop' AND table_name = 'customers' AND pg_column = 'full_name'`,
    );
    await source.client.query("UPDATE _metadata.mappings_table SET label = '고객들', description = '사람이 쓴 설명' WHERE table_name = 'products'");
    await source.client.query("ALTER TABLE shop.customers ALTER COLUMN full_name TYPE varchar(200)");
    const preview = await previewImport(source.client, ["shop"]);
    expect(preview.entries.filter((e) => e.action !== "unchanged")).toEqual([
      { kind: "column", name: "shop.customers.full_name", action: "update", fields: ["pg_type"] },
    ]);
    await runImport(source.client, ["shop"]);
    const { rows } = await source.client.query(
      `SELECT pg_type, label, placeholder, validation_rules, permission_write, comment FROM _metadata.mappings_column
        WHERE schema_name = 'shop' AND table_name = 'customers' AND pg_column = 'full_name'`,
    );
    expect(rows).toEqual([
      { pg_type: "character varying(200)", label: "이름", placeholder: "홍길동", validation_rules: { minLength: 2 }, permission_write: "admin", comment: "고객 이름" },
    ]);
    // products has no comment in the database: the description a person wrote stays (the plan would write it).
    const table = await source.client.query("SELECT label, description FROM _metadata.mappings_table WHERE table_name = 'products'");
    expect(table.rows).toEqual([{ label: "고객들", description: "사람이 쓴 설명" }]);
    // Back to the derived values, so the round trip below compares like with like.
    await source.client.query("UPDATE _metadata.mappings_table SET description = NULL WHERE table_name = 'products'");
    await source.client.query("UPDATE _metadata.mappings_column SET label = 'Full name' WHERE table_name = 'customers' AND pg_column = 'full_name'");
  });

  it("plans the imported metadata into an empty database, applies it, and imports back the same metadata", async () => {
    await empty.client.query("CREATE DOMAIN public.email_address_dummy AS text"); // unrelated objects are left alone
    await empty.client.query("CREATE SCHEMA shop; CREATE DOMAIN shop.email_address AS text CHECK (VALUE ~ '@')");
    const preview = await previewPlan(source.client, { target: empty.client, schemas: ["shop"] });
    expect(preview.problems).toEqual([]);
    expect(preview.destructive).toBe(0);
    expect(preview.up).toMatch(/CREATE TYPE "shop"."order_status" AS ENUM \('pending', 'paid', 'shipped', 'cancelled'\)/);
    expect(preview.up).toMatch(/ON DELETE CASCADE/);
    expect(preview.down).toMatch(/DROP TABLE "shop"."customers"/);
    const result = await applyPlan(source.client, { target: empty.client, schemas: ["shop"], digest: preview.digest });
    expect(result.remaining).toEqual([]);
    expect((await loadSync(source.client, { target: empty.client, schemas: ["shop"] })).items).toEqual([]);
    await runImport(empty.client, ["shop"]);
    expect(await metadataOf(empty, "shop")).toEqual(await metadataOf(source, "shop"));
    const { rows } = await source.client.query("SELECT last_sync_at IS NOT NULL AS synced FROM _metadata.project");
    void rows; // the test template has no project row; last_sync_at is covered where one exists
  });

  it("a failing statement leaves the database and the metadata unchanged", async () => {
    await empty.client.query("INSERT INTO shop.customers (email, full_name) VALUES ('a@b', 'A')");
    await source.client.query(
      `UPDATE _metadata.mappings_column SET pg_constraints = pg_constraints || '{"notNull": true}' WHERE schema_name = 'shop' AND table_name = 'customers' AND pg_column = 'search'`,
    );
    await source.client.query(
      `INSERT INTO _metadata.mappings_column (table_id, schema_name, table_name, pg_column, pg_type, label, pg_constraints, sort_order)
       SELECT id, 'shop', 'customers', 'nickname', 'varchar(20)', 'Nickname', '{"notNull": false}', 99 FROM _metadata.mappings_table
        WHERE schema_name = 'shop' AND table_name = 'customers'`,
    );
    const before = await loadSync(source.client, { target: empty.client, schemas: ["shop"] });
    expect(before.items.map((i) => i.kind).sort()).toEqual(["column", "nullability"]);
    const error = await applyPlan(source.client, { target: empty.client, schemas: ["shop"], allowDestructive: true }).catch((e) => e);
    expect(error).toBeInstanceOf(ApplyFailedError);
    expect(error.message).toMatch(/SET NOT NULL/);
    expect(error.message).toMatch(/NULL values/);
    const after = await loadSync(source.client, { target: empty.client, schemas: ["shop"] });
    expect(after.items).toEqual(before.items);
  });
});
