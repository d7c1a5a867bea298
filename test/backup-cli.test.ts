import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { exportMetadata, parseBackup, serializeBackup, type BackupDocument } from "../lib/metadata/backup";
import { runCli } from "./helpers/cli";
import { freshDatabase, type FreshDatabase } from "./helpers/db";

const show = (r: { stdout: string; stderr: string }) => `stdout:\n${r.stdout}\nstderr:\n${r.stderr}`;
const tablesText = (doc: BackupDocument) => JSON.stringify(doc.tables);

async function populated(dbs: FreshDatabase[]): Promise<FreshDatabase> {
  const db = await freshDatabase({ init: true });
  dbs.push(db);
  await db.client.query(
    "INSERT INTO _metadata.project (id, project_id, project_name, root_path) VALUES (1, 'cli-shop', 'CLI Shop', '/srv/shop')",
  );
  await db.client.query(
    "INSERT INTO _metadata.mappings_table (table_name, label) VALUES ('users', 'Users'), ('posts', 'Posts')",
  );
  await db.client.query(
    `INSERT INTO _metadata.mappings_column (table_id, schema_name, table_name, pg_column, pg_type, graphql_field, graphql_type, label, form_type)
     VALUES (1, 'public', 'users', 'email', 'TEXT', 'email', 'String', 'Email', 'email')`,
  );
  return db;
}

describe("metadata:backup / restore / reset (the CLI, end to end)", { timeout: 120_000 }, () => {
  const dbs: FreshDatabase[] = [];
  const dir = mkdtempSync(path.join(os.tmpdir(), "metadata-backup-cli-"));
  afterAll(async () => {
    await Promise.all(dbs.map((d) => d.drop()));
    rmSync(dir, { recursive: true, force: true });
  });

  it("backup to stdout and to a file; restore --dry-run previews, restore brings the backup back", async () => {
    const db = await populated(dbs);
    const env = { DATABASE_URL: db.url };
    const expected = await exportMetadata(db.client);

    const toStdout = await runCli("backup", env);
    expect(toStdout.code, show(toStdout)).toBe(0);
    const printed = parseBackup(toStdout.stdout);
    expect(printed.ok && tablesText(printed.doc)).toBe(tablesText(expected));

    const file = path.join(dir, "backup.json");
    const toFile = await runCli(["backup", "--out", file], env);
    expect(toFile.code, show(toFile)).toBe(0);
    expect(toFile.stdout).toMatch(new RegExp(`✅ Backup written to ${file} \\(\\d+ bytes\\)`));
    expect(readFileSync(file, "utf8")).toBe(
      serializeBackup({ ...expected, exportedAt: JSON.parse(readFileSync(file, "utf8")).exportedAt }),
    );

    await db.client.query("UPDATE _metadata.mappings_table SET label = 'Members' WHERE table_name = 'users'");
    await db.client.query("DELETE FROM _metadata.mappings_table WHERE table_name = 'posts'");
    const changed = await exportMetadata(db.client);

    const dry = await runCli(["restore", file, "--dry-run"], env);
    expect(dry.code, show(dry)).toBe(0);
    expect(dry.stdout).toMatch(/mappings_table\s+\+1 added, ~1 changed, -0 removed, 0 unchanged/);
    expect(dry.stdout).toMatch(/changed\s+#1 public\.users \(label, updated_at\)/);
    expect(dry.stdout).toMatch(/added\s+#2 public\.posts/);
    expect(dry.stdout).toMatch(/metadata_sync_log\s+\+0 added, ~0 changed, -2 removed/);
    expect(dry.stdout).toContain("🔍 Dry run: nothing was changed.");
    expect(tablesText(await exportMetadata(db.client))).toBe(tablesText(changed));

    const restore = await runCli(["restore", file], env);
    expect(restore.code, show(restore)).toBe(0);
    expect(restore.stdout).toContain("✅ Restored");
    expect(tablesText(await exportMetadata(db.client))).toBe(tablesText(expected));
  });

  it("restore refuses truncated, foreign and inconsistent files with the reason and changes nothing", async () => {
    const db = await populated(dbs);
    const env = { DATABASE_URL: db.url };
    const before = await exportMetadata(db.client);
    const good = serializeBackup(before);
    const orphan = { ...before.tables.mappings_column[0], id: 50, table_id: 999 };
    const cases: [string, string, RegExp][] = [
      ["truncated.json", good.slice(0, good.length - 40), /refused: The file is not valid JSON/],
      [
        "foreign.json",
        JSON.stringify({ name: "some-package", version: "1.0.0" }),
        /refused: This is not a Metadata Editor backup/,
      ],
      ["newer.json", good.replace('"version": 1', '"version": 7'), /refused: This backup is format version 7/],
      [
        "orphan.json",
        serializeBackup({ ...before, tables: { ...before.tables, mappings_column: [orphan] } }),
        /The backup has 1 row that the editor would refuse as an edit; nothing was restored\.\n {3}- mappings_column #50 \S+: table_id: the backup has no mappings_table row with id 999\n/,
      ],
      [
        "hostile.json",
        serializeBackup({
          ...before,
          tables: {
            ...before.tables,
            mappings_table: before.tables.mappings_table.map((t) => ({ ...t, table_name: `${t.table_name}; DROP TABLE x` })),
            mappings_column: [],
            mappings_relation: [],
          },
        }),
        /The backup has \d+ rows? that the editor would refuse as an edit.*\n {3}- mappings_table #\d+ public\.\w+; DROP TABLE x: table_name: Use letters, digits and underscores/,
      ],
    ];
    for (const [name, text, reason] of cases) {
      const file = path.join(dir, name);
      writeFileSync(file, text);
      const result = await runCli(["restore", file], env);
      expect(result.code, `${name}\n${show(result)}`).toBe(1);
      expect(result.stdout, name).toMatch(reason);
      expect(result.stdout, name).toMatch(/Nothing was changed\./);
    }
    expect(tablesText(await exportMetadata(db.client))).toBe(tablesText(before));

    const usage = await runCli("restore", env);
    expect(usage.code, show(usage)).toBe(2);
    expect(usage.stdout).toContain("usage: npm run metadata:restore -- FILE [--dry-run]");
    const missing = await runCli(["restore", path.join(dir, "nope.json")], env);
    expect(missing.code).toBe(1);
    expect(missing.stdout).toMatch(/Cannot read .*nope\.json: ENOENT/);
  });

  it("reset refuses without --yes and says what it would drop; with --yes the schema is gone", async () => {
    const db = await populated(dbs);
    const env = { DATABASE_URL: db.url };
    const refused = await runCli("reset", env);
    expect(refused.code, show(refused)).toBe(1);
    expect(refused.stdout).toContain("This would drop the _metadata schema of project cli-shop");
    expect(refused.stdout).toMatch(/tables: .*mappings_column \(1 row\), .*mappings_table \(2 rows\)/);
    expect(refused.stdout).toContain(
      "types: http_method_enum, project_status_enum, project_template_enum, relation_type_enum",
    );
    expect(refused.stdout).toContain("Refused: run `npm run metadata:reset -- --yes` to drop it.");
    const schema = () =>
      db.client.query("SELECT 1 FROM pg_namespace WHERE nspname = '_metadata'").then((r) => r.rowCount);
    expect(await schema()).toBe(1);

    const reset = await runCli(["reset", "--yes"], env);
    expect(reset.code, show(reset)).toBe(0);
    expect(reset.stdout).toContain("✅ Reset complete");
    expect(await schema()).toBe(0);

    const again = await runCli(["reset", "--yes"], env);
    expect(again.stdout).toContain("Nothing to reset: there is no _metadata schema.");
    const backup = await runCli("backup", env);
    expect(backup.code, show(backup)).toBe(1);
    expect(backup.stdout).toBe("");
    expect(backup.stderr).toMatch(/nothing to back up.*Initialize the schema first/);
  });
});
