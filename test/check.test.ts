import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { readCatalog } from "../lib/metadata/catalog";
import { compareCatalog, type CheckItem } from "../lib/metadata/check";
import { freshDatabase, type FreshDatabase } from "./helpers/db";

const notPresent = (items: CheckItem[]) =>
  items.filter((i) => i.status !== "present").map(({ kind, name, status }) => ({ kind, name, status }));

describe("compareCatalog against the live schema", () => {
  const dbs: FreshDatabase[] = [];
  let db: FreshDatabase;
  beforeEach(async () => {
    db = await freshDatabase({ init: true });
    dbs.push(db);
  });
  afterAll(async () => {
    await Promise.all(dbs.map((d) => d.drop()));
  });
  const summary = async () => compareCatalog(await readCatalog(db.client));

  it("reports a dropped index as missing, and nothing else", async () => {
    await db.client.query("DROP INDEX _metadata.idx_project_status");
    const s = await summary();
    expect(notPresent(s.items)).toEqual([{ kind: "index", name: "project.idx_project_status", status: "missing" }]);
    expect(s).toMatchObject({ complete: false, empty: false, missing: 1, different: 0, extra: 0 });
  });

  it("reports a dropped column as missing (and its index with it)", async () => {
    await db.client.query("ALTER TABLE _metadata.mappings_column DROP COLUMN remark");
    expect(notPresent((await summary()).items)).toEqual([{ kind: "column", name: "mappings_column.remark", status: "missing" }]);
    await db.client.query("ALTER TABLE _metadata.mappings_column DROP COLUMN sort_order");
    expect(notPresent((await summary()).items)).toEqual([
      { kind: "column", name: "mappings_column.sort_order", status: "missing" },
      { kind: "column", name: "mappings_column.remark", status: "missing" },
      { kind: "index", name: "mappings_column.idx_mappings_column_table_order", status: "missing" },
    ]);
  });

  it("reports a changed column default as different, with both definitions", async () => {
    await db.client.query("ALTER TABLE _metadata.mappings_column ALTER COLUMN form_type SET DEFAULT 'textarea'");
    const s = await summary();
    const item = s.items.find((i) => i.name === "mappings_column.form_type")!;
    expect(item).toMatchObject({ kind: "column", status: "different" });
    expect(item.expected).toContain("DEFAULT 'text'::character varying");
    expect(item.actual).toContain("DEFAULT 'textarea'::character varying");
    expect(s).toMatchObject({ complete: false, missing: 0, different: 1, extra: 0 });
  });

  it("reports NOT NULL dropped and a type change as different", async () => {
    await db.client.query("ALTER TABLE _metadata.mappings_table ALTER COLUMN label DROP NOT NULL");
    await db.client.query("ALTER TABLE _metadata.mappings_table ALTER COLUMN description TYPE varchar(10)");
    expect(notPresent((await summary()).items)).toEqual([
      { kind: "column", name: "mappings_table.label", status: "different" },
      { kind: "column", name: "mappings_table.description", status: "different" },
    ]);
  });

  it("reports additions as extra, which still counts as complete", async () => {
    await db.client.query("ALTER TABLE _metadata.project ADD COLUMN schema_version int");
    await db.client.query("CREATE INDEX idx_extra ON _metadata.project (project_id)");
    await db.client.query("CREATE TABLE _metadata.schema_version (v int)");
    const s = await summary();
    expect(notPresent(s.items)).toEqual([
      { kind: "column", name: "project.schema_version", status: "extra" },
      { kind: "index", name: "project.idx_extra", status: "extra" },
      { kind: "table", name: "schema_version", status: "extra" },
    ]);
    expect(s).toMatchObject({ complete: true, missing: 0, different: 0, extra: 3 });
  });

  it("reports a dropped trigger and a replaced trigger function", async () => {
    await db.client.query("DROP TRIGGER trigger_mappings_api_endpoint_updated_at ON _metadata.mappings_api_endpoint");
    await db.client.query(
      "CREATE OR REPLACE FUNCTION _metadata.update_updated_at_column() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$",
    );
    expect(notPresent((await summary()).items)).toEqual([
      { kind: "trigger", name: "mappings_api_endpoint.trigger_mappings_api_endpoint_updated_at", status: "missing" },
      { kind: "function", name: "update_updated_at_column", status: "different" },
    ]);
  });

  it("an empty database is empty and incomplete; a dropped schema too", async () => {
    const empty = await freshDatabase({ init: false });
    dbs.push(empty);
    const s = compareCatalog(await readCatalog(empty.client));
    expect(s).toMatchObject({ empty: true, complete: false, different: 0, extra: 0 });
    expect(s.items.find((i) => i.kind === "schema")).toMatchObject({ status: "missing" });
    expect(s.items.filter((i) => i.kind === "table").every((i) => i.status === "missing")).toBe(true);
    await db.client.query("DROP SCHEMA _metadata CASCADE");
    expect((await summary()).empty).toBe(true);
  });
});
