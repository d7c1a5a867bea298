import type pg from "pg";
import { readCatalog } from "./catalog";
import { compareCatalog, expectedCatalog } from "./check";

/** One of the spec's "검증 및 테스트" checks, with what was expected and what was found. */
export interface VerifyResult {
  /** Stable id of the check (the UI translates its name by it: tools.checks.<key>). */
  key: string;
  name: string;
  ok: boolean;
  expected: string;
  actual: string;
}

/**
 * The spec's verification: tables, enums and indexes present (in _metadata: fix 7), a sample
 * project/table/column insert, and cascade delete — all inside a transaction that is rolled back,
 * so nothing of it stays behind.
 */
export async function verifyMetadata(client: pg.ClientBase): Promise<VerifyResult[]> {
  const results: VerifyResult[] = [];
  const expected = expectedCatalog();
  const actual = await readCatalog(client);

  const expectedTables = Object.keys(expected.tables).sort();
  const missingTables = expectedTables.filter((t) => !actual.tables[t]);
  results.push({
    key: "tables",
    name: "Tables exist",
    ok: missingTables.length === 0,
    expected: expectedTables.join(", "),
    actual: missingTables.length ? `missing: ${missingTables.join(", ")}` : "all present",
  });

  const enumProblems = Object.entries(expected.enums)
    .filter(([name, labels]) => actual.enums[name]?.join(",") !== labels.join(","))
    .map(([name]) => (actual.enums[name] ? `${name} has different values` : `${name} missing`));
  results.push({
    key: "enums",
    name: "ENUM types exist with the spec's values",
    ok: enumProblems.length === 0,
    expected: Object.keys(expected.enums).join(", "),
    actual: enumProblems.length ? enumProblems.join("; ") : "all present",
  });

  const summary = compareCatalog(actual, expected);
  const indexProblems = summary.items
    .filter((i) => i.kind === "index" && (i.status === "missing" || i.status === "different"))
    .map((i) => `${i.name} ${i.status}`);
  const indexCount = Object.values(expected.tables).reduce((n, t) => n + Object.keys(t.indexes).length, 0);
  results.push({
    key: "indexes",
    name: "Indexes exist",
    ok: indexProblems.length === 0,
    expected: `${indexCount} indexes as defined by the init script`,
    actual: indexProblems.length ? indexProblems.join("; ") : "all present",
  });

  const otherProblems = summary.items
    .filter((i) => i.kind !== "index" && i.kind !== "table" && i.kind !== "enum" && (i.status === "missing" || i.status === "different"))
    .map((i) => `${i.kind} ${i.name} ${i.status}`);
  results.push({
    key: "objects",
    name: "Columns, constraints, triggers and functions match",
    ok: otherProblems.length === 0,
    expected: "every object as the init script creates it",
    actual: otherProblems.length ? otherProblems.slice(0, 20).join("; ") + (otherProblems.length > 20 ? ` … (${otherProblems.length})` : "") : "all match",
  });

  if (missingTables.length > 0) return results;

  await client.query("BEGIN");
  try {
    results.push(await step(client, "project", "Sample project row (id = 1)", "inserted, or the existing row refuses a second", async () => {
      const { rowCount } = await client.query("SELECT 1 FROM _metadata.project WHERE id = 1");
      if (rowCount) {
        try {
          await client.query("SAVEPOINT second_project");
          await client.query(
            "INSERT INTO _metadata.project (id, project_id, project_name, root_path) VALUES (2, 'second', 'Second', '/tmp')",
          );
          return "a second project row was accepted";
        } catch {
          await client.query("ROLLBACK TO SAVEPOINT second_project");
          return null;
        }
      }
      await client.query(
        `INSERT INTO _metadata.project (id, project_id, project_name, description, root_path, tech_stack)
         VALUES (1, 'test-project', 'Test Project', 'Sample project for testing', '/workspace/test',
                 '{"backend": "Node.js", "frontend": "React"}'::jsonb)`,
      );
      return null;
    }));
    const tableName = `verify_${Date.now().toString(36)}`;
    results.push(await step(client, "insert", "Sample table and column insert", "1 table and 1 column row", async () => {
      const table = await client.query<{ id: number }>(
        `INSERT INTO _metadata.mappings_table (schema_name, table_name, graphql_type, label, description)
         VALUES ('public', $1, 'User', '사용자', '테스트 사용자 테이블') RETURNING id`,
        [tableName],
      );
      await client.query(
        `INSERT INTO _metadata.mappings_column (table_id, schema_name, table_name, pg_column, pg_type, graphql_field, graphql_type, label, form_type)
         VALUES ($1, 'public', $2, 'email', 'VARCHAR(255)', 'email', 'String', '이메일', 'email')`,
        [table.rows[0].id, tableName],
      );
      const { rows } = await client.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM _metadata.mappings_column WHERE table_name = $1",
        [tableName],
      );
      return rows[0].n === 1 ? null : `${rows[0].n} column rows`;
    }));
    results.push(await step(client, "cascade", "Cascade delete of a table's columns", "0 columns left after deleting the table", async () => {
      await client.query("DELETE FROM _metadata.mappings_table WHERE table_name = $1", [tableName]);
      const { rows } = await client.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM _metadata.mappings_column WHERE table_name = $1",
        [tableName],
      );
      return rows[0].n === 0 ? null : `${rows[0].n} columns left (cascade did not happen)`;
    }));
  } finally {
    await client.query("ROLLBACK");
  }
  return results;
}

async function step(
  client: pg.ClientBase,
  key: string,
  name: string,
  expected: string,
  run: () => Promise<string | null>,
): Promise<VerifyResult> {
  await client.query(`SAVEPOINT verify_step`);
  try {
    const problem = await run();
    await client.query(`RELEASE SAVEPOINT verify_step`);
    return { key, name, ok: problem === null, expected, actual: problem ?? "as expected" };
  } catch (error) {
    await client.query(`ROLLBACK TO SAVEPOINT verify_step`);
    return { key, name, ok: false, expected, actual: error instanceof Error ? error.message : String(error) };
  }
}
