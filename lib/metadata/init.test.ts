import { describe, expect, it } from "vitest";
import { parseInitSteps, readInitSql } from "./init";

const STATEMENT_BEGIN_COMMIT = /^\s*(BEGIN|COMMIT|ROLLBACK|START TRANSACTION)\s*;/im;

describe("parseInitSteps on sql/001_metadata_init.sql", () => {
  const sql = readInitSql();
  const steps = parseInitSteps(sql);

  it("yields the steps in order: lock, schema, enums, tables, indexes, triggers, history, layout", () => {
    expect(steps.map((s) => s.key)).toEqual(["lock", "schema", "enums", "tables", "indexes", "triggers", "history", "layout"]);
    expect(steps.map((s) => s.label)).toEqual([
      "Lock taken",
      "_metadata schema created",
      "ENUM types created",
      "metadata tables created",
      "indexes created",
      "triggers created",
      "change history triggers created",
      "diagram layout table created",
    ]);
  });

  it("has no BEGIN/COMMIT statement inside any step (the runner owns the transaction)", () => {
    expect(sql).toMatch(STATEMENT_BEGIN_COMMIT); // the file itself has them, for psql
    for (const step of steps) expect(step.sql, step.key).not.toMatch(STATEMENT_BEGIN_COMMIT);
  });

  it("keeps plpgsql BEGIN blocks intact (the enums step's DO block)", () => {
    const enums = steps.find((s) => s.key === "enums")!;
    expect(enums.sql).toMatch(/DO \$\$\nBEGIN\n/);
    expect(enums.sql).toMatch(/END \$\$;/);
  });

  it("takes the advisory lock in the first step, before anything is created", () => {
    expect(steps[0].sql).toContain("pg_advisory_xact_lock(hashtext('metadata-editor:init'))");
    expect(steps[0].sql.replace(/--.*$/gm, "")).not.toMatch(/CREATE|ALTER|COMMENT/i);
  });

  it("puts every object in its step", () => {
    const of = (key: string) => steps.find((s) => s.key === key)!.sql;
    expect(of("schema")).toContain("CREATE SCHEMA IF NOT EXISTS _metadata");
    expect(of("tables").match(/CREATE TABLE IF NOT EXISTS/g)).toHaveLength(6);
    expect(of("indexes").match(/CREATE INDEX IF NOT EXISTS/g)).toHaveLength(9);
    expect(of("triggers").match(/CREATE OR REPLACE TRIGGER/g)).toHaveLength(4);
    expect(of("history").match(/CREATE OR REPLACE TRIGGER \w+_sync_log/g)).toHaveLength(15); // insert, update, delete × 5 tables
  });

  it("loses no line of SQL (besides markers and BEGIN/COMMIT)", () => {
    const kept = steps.map((s) => s.sql).join("");
    const expected = sql
      .split("\n")
      .filter((l) => !/^-- @step /.test(l) && !/^\s*(BEGIN|COMMIT)\s*;\s*$/i.test(l))
      .join("\n");
    const code = (text: string) => text.replace(/--.*$/gm, "").replace(/\s+/g, " ").trim();
    expect(code(kept)).toBe(code(expected));
  });
});

describe("parseInitSteps on small inputs", () => {
  it("splits on markers and drops steps with only comments", () => {
    const steps = parseInitSteps(
      ["-- header", "BEGIN;", "SELECT 1;", "-- @step a: First", "-- only a comment", "-- @step b_c: Second one ", "SELECT 2;", "COMMIT;"].join("\n"),
    );
    expect(steps).toEqual([
      { key: "lock", label: "Lock taken", sql: "-- header\nSELECT 1;\n" },
      { key: "b_c", label: "Second one", sql: "SELECT 2;\n" },
    ]);
  });
});
