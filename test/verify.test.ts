import { afterAll, describe, expect, it } from "vitest";
import type pg from "pg";
import { verifyMetadata, type VerifyResult } from "../lib/metadata/verify";
import { freshDatabase, type FreshDatabase } from "./helpers/db";

const byName = (results: VerifyResult[], name: string) => {
  const found = results.find((r) => r.name === name);
  if (!found) throw new Error(`no result named "${name}" in ${results.map((r) => r.name).join(", ")}`);
  return found;
};

async function counts(client: pg.Client) {
  const { rows } = await client.query<{ t: number; c: number; p: number; r: number }>(
    `SELECT (SELECT count(*)::int FROM _metadata.mappings_table) AS t, (SELECT count(*)::int FROM _metadata.mappings_column) AS c,
            (SELECT count(*)::int FROM _metadata.project) AS p, (SELECT count(*)::int FROM _metadata.mappings_relation) AS r`,
  );
  return rows[0];
}

describe("verifyMetadata (the seed's 검증 및 테스트)", () => {
  const dbs: FreshDatabase[] = [];
  const fresh = async () => {
    const db = await freshDatabase({ init: true });
    dbs.push(db);
    return db;
  };
  afterAll(async () => {
    await Promise.all(dbs.map((d) => d.drop()));
  });

  it("passes every check on a good schema and keeps nothing", async () => {
    const { client } = await fresh();
    const results = await verifyMetadata(client);
    expect(results.map((r) => r.name)).toEqual([
      "Tables exist",
      "ENUM types exist with the spec's values",
      "Indexes exist",
      "Columns, constraints, triggers and functions match",
      "Sample project row (id = 1)",
      "Sample table and column insert",
      "Cascade delete of a table's columns",
    ]);
    expect(results.filter((r) => !r.ok)).toEqual([]);
    expect(await counts(client)).toEqual({ t: 0, c: 0, p: 0, r: 0 });
    expect((await client.query("SELECT now() = statement_timestamp() AS idle")).rows[0].idle).toBe(true);
  });

  it("with a project row present: still passes, and the row is untouched", async () => {
    const { client } = await fresh();
    await client.query(
      "INSERT INTO _metadata.project (id, project_id, project_name, root_path) VALUES (1, 'keep', 'Keep me', '/srv/keep')",
    );
    const before = (await client.query("SELECT * FROM _metadata.project")).rows;
    const results = await verifyMetadata(client);
    expect(results.filter((r) => !r.ok)).toEqual([]);
    expect((await client.query("SELECT * FROM _metadata.project")).rows).toEqual(before);
    expect(await counts(client)).toEqual({ t: 0, c: 0, p: 1, r: 0 });
  });

  it("a dropped index fails 'Indexes exist', naming the index", async () => {
    const { client } = await fresh();
    await client.query("DROP INDEX _metadata.idx_mappings_column_table_order");
    const results = await verifyMetadata(client);
    const indexes = byName(results, "Indexes exist");
    expect(indexes.ok).toBe(false);
    expect(indexes.actual).toContain("idx_mappings_column_table_order");
    expect(indexes.actual).toContain("missing");
    expect(byName(results, "Tables exist").ok).toBe(true);
    expect(byName(results, "ENUM types exist with the spec's values").ok).toBe(true);
  });

  it("a dropped table fails 'Tables exist', naming the table", async () => {
    const { client } = await fresh();
    await client.query("DROP TABLE _metadata.mappings_api_endpoint");
    const results = await verifyMetadata(client);
    const tables = byName(results, "Tables exist");
    expect(tables.ok).toBe(false);
    expect(tables.actual).toBe("missing: mappings_api_endpoint");
    // The sample inserts are not attempted on an incomplete schema.
    expect(results.map((r) => r.name)).not.toContain("Sample table and column insert");
  });

  it("an enum with a missing value fails the enum check, naming the type", async () => {
    const { client } = await fresh();
    await client.query("ALTER TABLE _metadata.mappings_api_endpoint ALTER COLUMN method DROP DEFAULT");
    await client.query("ALTER TABLE _metadata.mappings_api_endpoint ALTER COLUMN method TYPE text");
    await client.query("DROP TYPE _metadata.http_method_enum");
    await client.query("CREATE TYPE _metadata.http_method_enum AS ENUM ('GET', 'POST')");
    const result = byName(await verifyMetadata(client), "ENUM types exist with the spec's values");
    expect(result.ok).toBe(false);
    expect(result.actual).toBe("http_method_enum has different values");
  });

  it("a broken cascade (FK without ON DELETE CASCADE) fails the cascade check and keeps nothing", async () => {
    const { client } = await fresh();
    await client.query("ALTER TABLE _metadata.mappings_column DROP CONSTRAINT mappings_column_table_id_fkey");
    await client.query(
      "ALTER TABLE _metadata.mappings_column ADD CONSTRAINT mappings_column_table_id_fkey FOREIGN KEY (table_id) REFERENCES _metadata.mappings_table(id)",
    );
    const results = await verifyMetadata(client);
    const cascade = byName(results, "Cascade delete of a table's columns");
    expect(cascade.ok).toBe(false);
    expect(cascade.actual).toMatch(/foreign key/);
    expect(byName(results, "Columns, constraints, triggers and functions match").actual).toContain(
      "constraint mappings_column.mappings_column_table_id_fkey different",
    );
    expect(await counts(client)).toEqual({ t: 0, c: 0, p: 0, r: 0 });
  });
});
