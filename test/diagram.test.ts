import { describe, expect, it } from "vitest";
import { exportMetadata, parseBackup, restoreMetadata, serializeBackup } from "../lib/metadata/backup";
import { deleteTable } from "../lib/metadata/tables";
import {
  clearPositions,
  columnsOfTables,
  createTableWithKey,
  loadDiagram,
  loadNeighbourhood,
  savePositions,
} from "../lib/metadata/diagram";
import { diagramTableSchema, FULL_MODEL_LIMIT, positionsSchema } from "../lib/schemas/diagram";
import { tableDefaults } from "../lib/schemas/table";
import { journey, rows, tableValues, thrown, useMetadataDb } from "./helpers/metadata";
import { createTable } from "../lib/metadata/tables";

const ctx = useMetadataDb();

const layout = async () =>
  rows<{ table_id: number; pos_x: number; pos_y: number }>(ctx.pool, "SELECT table_id, pos_x, pos_y FROM _metadata.diagram_layout ORDER BY table_id");

describe("the diagram's model", () => {
  it("tables with their stored positions, relations and columns; positions upsert and vanish with the table", async () => {
    await ctx.pool.query("DELETE FROM _metadata.diagram_layout");
    const { users, posts, author } = await journey(ctx.pool);
    expect(await savePositions([{ table_id: users.id, x: 10, y: -20 }], ctx.pool)).toBe(1);
    expect(await savePositions([{ table_id: users.id, x: 30, y: 40 }, { table_id: posts.id, x: 400, y: 0 }, { table_id: 999_999, x: 1, y: 1 }], ctx.pool)).toBe(2);
    const model = await loadDiagram(ctx.pool);
    expect(model.tables.map((t) => [t.table_name, t.x, t.y])).toEqual([
      ["posts", 400, 0],
      ["users", 30, 40],
    ]);
    expect(model.relations).toEqual([
      { id: author.id, from_table_id: posts.id, to_table_id: users.id, from_column: "user_id", to_column: "id", relation_type: "ManyToOne", graphql_field: "author" },
    ]);
    expect(model.columns?.filter((c) => c.table_id === users.id).map((c) => [c.pg_column, c.pg_type, c.is_primary_key, c.is_unique])).toEqual([
      ["id", "BIGSERIAL", true, false],
      ["email", "VARCHAR(255)", false, true],
      ["name", "VARCHAR(100)", false, false],
    ]);
    await deleteTable(posts.id, posts.rowVersion, ctx.pool);
    expect(await layout()).toEqual([{ table_id: users.id, pos_x: 30, pos_y: 40 }]);
    expect(await clearPositions(ctx.pool)).toBe(1);
    expect(await layout()).toEqual([]);
  });

  it("a table's neighbourhood: the table, the tables one relation away and the relations among them", async () => {
    const { users, posts } = await journey(ctx.pool);
    const tags = await createTable(tableValues("tags"), ctx.pool);
    const near = await loadNeighbourhood(posts.id, ctx.pool);
    expect(near.tables.map((t) => t.table_name)).toEqual(["posts", "users"]);
    expect(near.relations).toHaveLength(1);
    expect(new Set(near.columns?.map((c) => c.table_id))).toEqual(new Set([users.id, posts.id]));
    const alone = await loadNeighbourhood(tags.id, ctx.pool);
    expect(alone).toEqual({ tables: [expect.objectContaining({ table_name: "tags" })], relations: [], columns: [] });
    expect((await columnsOfTables([users.id], ctx.pool)).map((c) => c.pg_column)).toEqual(["id", "email", "name"]);
  });

  it(`a model of more than ${FULL_MODEL_LIMIT} tables comes without its columns`, async () => {
    await ctx.pool.query(
      `INSERT INTO _metadata.mappings_table (table_name, label) SELECT 't' || i, 'T' FROM generate_series(1, $1) i`,
      [FULL_MODEL_LIMIT + 1],
    );
    const model = await loadDiagram(ctx.pool);
    expect(model.tables).toHaveLength(FULL_MODEL_LIMIT + 1);
    expect(model.columns).toBeNull();
  });

  it("New table on the diagram: the table and its key column together; no key when asked; a taken name adds nothing", async () => {
    const values = diagramTableSchema.parse({ ...tableDefaults, table_name: "users", label: "Users", key_type: "BIGSERIAL" });
    const users = await createTableWithKey(values, ctx.pool);
    expect((await columnsOfTables([users.id], ctx.pool)).map((c) => [c.pg_column, c.pg_type, c.is_primary_key])).toEqual([["id", "BIGSERIAL", true]]);
    const uuid = await createTableWithKey(diagramTableSchema.parse({ ...values, table_name: "tokens", primary_key: "token", key_type: "UUID" }), ctx.pool);
    expect((await columnsOfTables([uuid.id], ctx.pool)).map((c) => [c.pg_column, c.pg_type])).toEqual([["token", "UUID"]]);
    const bare = await createTableWithKey(diagramTableSchema.parse({ ...values, table_name: "notes", key_type: "" }), ctx.pool);
    expect(bare.primary_key).toBeNull();
    expect(await columnsOfTables([bare.id], ctx.pool)).toEqual([]);
    const error = await thrown(createTableWithKey(values, ctx.pool));
    expect(error).toMatchObject({ field: "table_name" });
    expect((await rows(ctx.pool, "SELECT 1 FROM _metadata.mappings_table")).length).toBe(3);
  });

  it("the schemas are exact: whole numbers in range, at most 5,000 positions, no extra keys; a key needs a name", () => {
    expect(positionsSchema.safeParse([{ table_id: 1, x: 1.5, y: 0 }]).success).toBe(false);
    expect(positionsSchema.safeParse([{ table_id: 1, x: "1", y: 0 }]).success).toBe(false);
    expect(positionsSchema.safeParse([{ table_id: 1, x: 2_000_000, y: 0 }]).success).toBe(false);
    expect(positionsSchema.safeParse([{ table_id: 1, x: 1, y: 0, z: 1 }]).success).toBe(false);
    expect(positionsSchema.safeParse([]).success).toBe(false);
    expect(positionsSchema.safeParse(Array.from({ length: 5001 }, (_, i) => ({ table_id: i + 1, x: 0, y: 0 }))).success).toBe(false);
    const noName = diagramTableSchema.safeParse({ ...tableDefaults, table_name: "a", label: "A", primary_key: "", key_type: "SERIAL" });
    expect(noName.error?.issues.map((i) => i.path.join("."))).toEqual(["primary_key"]);
  });
});

describe("positions in backups", () => {
  it("survive a backup → restore; a backup from before the layout table restores with none", async () => {
    await ctx.pool.query("DELETE FROM _metadata.diagram_layout");
    const { users, posts } = await journey(ctx.pool);
    await savePositions([{ table_id: users.id, x: 120, y: 80 }, { table_id: posts.id, x: -40, y: 300 }], ctx.pool);
    const text = serializeBackup(await exportMetadata(ctx.pool));
    await savePositions([{ table_id: users.id, x: 999, y: 999 }], ctx.pool);
    const parsed = parseBackup(text);
    if (!parsed.ok) throw new Error(parsed.reason);
    await restoreMetadata(ctx.pool, parsed.doc);
    expect(await layout()).toEqual([
      { table_id: users.id, pos_x: 120, pos_y: 80 },
      { table_id: posts.id, pos_x: -40, pos_y: 300 },
    ]);

    const old = JSON.parse(text);
    delete old.tables.diagram_layout;
    delete old.sequences.diagram_layout;
    const older = parseBackup(JSON.stringify(old));
    if (!older.ok) throw new Error(`${older.reason} ${older.problems.join("; ")}`);
    expect(older.doc.tables.diagram_layout).toEqual([]);
    await restoreMetadata(ctx.pool, older.doc);
    expect(await layout()).toEqual([]);
    expect((await loadDiagram(ctx.pool)).tables.map((t) => t.table_name)).toEqual(["posts", "users"]);
  });
});
