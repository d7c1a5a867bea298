import { describe, expect, it } from "vitest";
import {
  BACKUP_TABLES,
  canonicalJson,
  parseBackup,
  serializeBackup,
  type BackupDocument,
  type BackupTable,
} from "./backup-format";
import { expectedCatalog } from "./check";

const catalog = expectedCatalog();

/** A row with every column of `table`: a value of the column's type where NOT NULL, null elsewhere. */
function row(table: BackupTable, values: Record<string, unknown> = {}): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, column] of Object.entries(catalog.tables[table].columns)) {
    let value: unknown = null;
    if (column.notNull) {
      if (column.type === "bigint" || column.type === "integer") value = 1;
      else if (column.type === "boolean") value = false;
      else if (column.type.startsWith("_metadata.")) value = catalog.enums[column.type.slice(10)][0];
      else value = "x";
    }
    out[name] = value;
  }
  return { ...out, ...values };
}

function doc(overrides: Partial<Record<BackupTable, Record<string, unknown>[]>> = {}): Record<string, unknown> {
  const tables = Object.fromEntries(BACKUP_TABLES.map((t) => [t, [] as unknown[]])) as Record<BackupTable, unknown[]>;
  tables.project = [
    row("project", { id: 1, project_id: "shop", project_name: "Shop", root_path: "/srv", status: "DEVELOPMENT" }),
  ];
  tables.mappings_table = [
    row("mappings_table", {
      id: 1,
      table_name: "users",
      label: "Users",
      indexes: [{ columns: ["email"], type: "UNIQUE" }],
    }),
  ];
  tables.mappings_column = [row("mappings_column", { id: 1, table_id: 1, table_name: "users", pg_column: "email" })];
  Object.assign(tables, overrides);
  return {
    format: "metadata-editor-backup",
    version: 1,
    exportedAt: "2025-01-02T03:04:05.000Z",
    source: { database: "shop_db", serverVersion: "18.0" },
    tables,
    sequences: {
      project: 1,
      mappings_table: 1,
      mappings_column: 1,
      mappings_relation: null,
      mappings_api_endpoint: null,
      metadata_sync_log: null,
    },
  };
}

const text = (value: unknown) => JSON.stringify(value);

function refusal(input: string) {
  const result = parseBackup(input, catalog);
  if (result.ok) throw new Error("expected a refusal, the backup was accepted");
  return result;
}

describe("parseBackup", () => {
  it("accepts a well-formed backup and keeps every row as it is", () => {
    const result = parseBackup(text(doc()), catalog);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.doc.tables.mappings_table[0].indexes).toEqual([{ columns: ["email"], type: "UNIQUE" }]);
    expect(result.doc.sequences.mappings_relation).toBeNull();
    expect(result.doc.source.database).toBe("shop_db");
  });

  it("refuses an empty file and text that is not JSON (a truncated backup)", () => {
    expect(refusal("  ").reason).toBe("The file is empty.");
    const full = text(doc());
    expect(refusal(full.slice(0, full.length / 2)).reason).toMatch(
      /^The file is not valid JSON \(.+\); it may be truncated/,
    );
  });

  it("refuses JSON that is not one of our backups", () => {
    for (const foreign of ["[]", "42", '{"name":"package"}', text({ ...doc(), format: "pg_dump" })]) {
      expect(refusal(foreign).reason).toMatch(/^This is not a Metadata Editor backup/);
    }
  });

  it("refuses a newer format version and says so", () => {
    expect(refusal(text({ ...doc(), version: 2 })).reason).toMatch(
      /format version 2, written by a newer Metadata Editor; this one reads version 1/,
    );
    expect(refusal(text({ ...doc(), version: "1" })).reason).toMatch(/version is missing or not a whole number/);
  });

  it("names a missing table and an unknown one", () => {
    const d = doc();
    delete (d.tables as Record<string, unknown>).mappings_relation;
    expect(refusal(text(d)).reason).toBe("The backup is incomplete or foreign: missing table mappings_relation.");
    const e = doc();
    (e.tables as Record<string, unknown>).users = [];
    expect(refusal(text(e)).reason).toBe("The backup is incomplete or foreign: unknown table users.");
  });

  it("refuses a malformed header", () => {
    const d = doc();
    delete d.source;
    const r = refusal(text(d));
    expect(r.reason).toBe("The backup's header is malformed.");
    expect(r.problems[0]).toMatch(/^source:/);
  });

  it("names the row and the columns that are missing or unknown", () => {
    const column = row("mappings_column", {
      id: 7,
      table_id: 1,
      table_name: "users",
      pg_column: "email",
      colour: "red",
    });
    delete column.label;
    delete column.form_type;
    const r = refusal(text(doc({ mappings_column: [column] })));
    expect(r.reason).toMatch(/do not fit the _metadata tables \(2 problems\)/);
    expect(r.problems).toEqual([
      "mappings_column row 1 (id 7) is missing columns: label, form_type",
      "mappings_column row 1 (id 7) has unknown columns: colour",
    ]);
  });

  it("refuses duplicate and invalid ids", () => {
    const a = row("mappings_table", { id: 3, table_name: "a", label: "A" });
    const b = row("mappings_table", { id: 3, table_name: "b", label: "B" });
    const c = row("mappings_table", { id: "4", table_name: "c", label: "C" });
    const r = refusal(text(doc({ mappings_table: [a, b, c], mappings_column: [] })));
    expect(r.problems).toEqual([
      "mappings_table: id 3 appears more than once",
      "mappings_table row 3: id must be a positive whole number",
    ]);
  });

  it("checks each value against its column's type", () => {
    const t = row("mappings_table", {
      id: 1,
      table_name: "x".repeat(101),
      label: null,
      is_api_enabled: "yes",
      created_at: 5,
    });
    const rel = row("mappings_relation", { id: 1, from_table_id: 1.5, relation_type: "ManyToSome" });
    const r = refusal(text(doc({ mappings_table: [t], mappings_column: [], mappings_relation: [rel] })));
    expect(r.problems).toEqual([
      "mappings_table row 1 (id 1): table_name is longer than 100 characters",
      "mappings_table row 1 (id 1): label must not be null",
      "mappings_table row 1 (id 1): is_api_enabled must be true, false or null",
      "mappings_table row 1 (id 1): created_at must be a text (timestamp with time zone)",
      "mappings_relation row 1 (id 1): from_table_id must be a whole number (bigint)",
      "mappings_relation row 1 (id 1): relation_type must be one of OneToOne, OneToMany, ManyToOne, ManyToMany",
    ]);
  });

  it("counts characters, not UTF-16 units, for VARCHAR lengths", () => {
    const t = row("mappings_table", { id: 1, table_name: "users", label: "😀".repeat(200) });
    expect(parseBackup(text(doc({ mappings_table: [t], mappings_column: [] })), catalog).ok).toBe(true);
  });

  it("refuses bad sequence values and lists at most 20 problems", () => {
    const d = doc();
    (d.sequences as Record<string, unknown>).project = -1;
    expect(refusal(text(d)).problems).toEqual(["sequences.project must be a positive whole number or null"]);
    const many = Array.from({ length: 30 }, (_, i) =>
      row("mappings_table", { id: i + 1, table_name: `t${i}`, label: null }),
    );
    const r = refusal(text(doc({ mappings_table: many, mappings_column: [] })));
    expect(r.problems).toHaveLength(21);
    expect(r.problems[20]).toBe("… and 10 more");
  });
});

describe("serializeBackup", () => {
  it("writes one row a line and reads back to the same document", () => {
    const result = parseBackup(text(doc()), catalog);
    if (!result.ok) throw new Error(result.reason);
    const written = serializeBackup(result.doc);
    expect(written).toMatch(/\n {4}"mappings_table": \[\n {6}\{"id":1,/);
    expect(written).toContain('"mappings_relation": []');
    const again = parseBackup(written, catalog);
    expect(again.ok && again.doc).toEqual(result.doc);
    expect(serializeBackup((again as { doc: BackupDocument }).doc)).toBe(written);
  });
});

describe("canonicalJson", () => {
  it("ignores key order at every depth, keeps array order", () => {
    expect(canonicalJson({ b: 1, a: { d: [2, 1], c: null } })).toBe(canonicalJson({ a: { c: null, d: [2, 1] }, b: 1 }));
    expect(canonicalJson([1, 2])).not.toBe(canonicalJson([2, 1]));
  });
});
