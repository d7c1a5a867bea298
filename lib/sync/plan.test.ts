import { describe, expect, it } from "vitest";
import { compareModels } from "./drift";
import type { SchemaModel, TableModel } from "./model";
import { buildPlan, planScripts } from "./plan";

const users = (extra: Partial<TableModel> = {}): TableModel => ({
  schema: "public",
  name: "users",
  comment: "사용자's",
  columns: [
    { name: "id", type: "bigint", serial: "bigserial", identity: null, notNull: true, default: null, comment: null },
    { name: "email", type: "character varying(255)", serial: null, identity: null, notNull: true, default: null, comment: null },
    { name: "status", type: "text", serial: null, identity: null, notNull: false, default: "'ACTIVE'::text", comment: null },
  ],
  primaryKey: ["id"],
  primaryKeyName: null,
  uniques: [{ column: "email", name: null }],
  indexes: [{ name: null, columns: ["status"], method: "btree", unique: false, where: "(status IS NOT NULL)" }],
  checks: [{ name: "users_status_check", condition: "(status <> ''::text)" }],
  ...extra,
});
const posts: TableModel = {
  schema: "public",
  name: "posts",
  comment: null,
  columns: [
    { name: "id", type: "integer", serial: null, identity: "always", notNull: true, default: null, comment: null },
    { name: "user_id", type: "bigint", serial: null, identity: null, notNull: false, default: null, comment: "작성자" },
  ],
  primaryKey: ["id"],
  primaryKeyName: null,
  uniques: [],
  indexes: [],
  checks: [],
};
const model = (tables: TableModel[], fk = true): SchemaModel => ({
  tables,
  foreignKeys: fk ? [{ name: "", schema: "public", table: "posts", column: "user_id", toSchema: "public", toTable: "users", toColumn: "id", cascade: true }] : [],
  enums: [],
});
const empty: SchemaModel = { tables: [], foreignKeys: [], enums: [] };

describe("buildPlan", () => {
  it("creates tables, then indexes, foreign keys and comments, and drops them in reverse in the down script", () => {
    const desired = model([users(), posts]);
    const plan = buildPlan(compareModels(desired, empty), desired, empty);
    const { up, down } = planScripts(plan);
    expect(up).toBe(
      [
        'CREATE SCHEMA IF NOT EXISTS "public";',
        'CREATE TABLE "public"."users" (\n  "id" bigserial NOT NULL,\n  "email" character varying(255) NOT NULL,\n  "status" text DEFAULT \'ACTIVE\'::text,\n  PRIMARY KEY ("id"),\n  CONSTRAINT "users_email_key" UNIQUE ("email"),\n  CONSTRAINT "users_status_check" CHECK ((status <> \'\'::text))\n);',
        'CREATE TABLE "public"."posts" (\n  "id" integer GENERATED ALWAYS AS IDENTITY NOT NULL,\n  "user_id" bigint,\n  PRIMARY KEY ("id")\n);',
        'CREATE INDEX "users_status_partial_idx" ON "public"."users" USING btree ("status") WHERE ((status IS NOT NULL));',
        'ALTER TABLE "public"."posts" ADD CONSTRAINT "posts_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "public"."users" ("id") ON DELETE CASCADE;',
        "COMMENT ON TABLE \"public\".\"users\" IS '사용자''s';",
        "COMMENT ON COLUMN \"public\".\"posts\".\"user_id\" IS '작성자';",
      ].join("\n\n") + "\n",
    );
    expect(down).toBe(
      ['ALTER TABLE "public"."posts" DROP CONSTRAINT "posts_user_id_fkey";', 'DROP TABLE "public"."posts";', 'DROP TABLE "public"."users";'].join("\n\n") + "\n",
    );
    expect(plan.statements.some((s) => s.destructive)).toBe(false);
  });

  it("marks drops, narrowing type changes and SET NOT NULL as destructive, with a count query", () => {
    const actual = model([users(), posts]);
    const narrowed = users({
      columns: [
        users().columns[0],
        { ...users().columns[1], type: "character varying(20)" },
        { ...users().columns[2], notNull: true },
      ],
    });
    const desired = model([narrowed], false);
    const plan = buildPlan(compareModels(desired, actual), desired, actual);
    const destructive = plan.statements.filter((s) => s.destructive).map((s) => s.sql);
    expect(destructive).toEqual([
      'DROP TABLE "public"."posts";',
      'ALTER TABLE "public"."users" ALTER COLUMN "email" TYPE character varying(20) USING "email"::character varying(20);',
      'ALTER TABLE "public"."users" ALTER COLUMN "status" SET NOT NULL;',
    ]);
    expect(plan.statements.find((s) => s.sql.startsWith("DROP TABLE"))!.countSql).toBe('SELECT count(*) FROM "public"."posts"');
    // A widening is not destructive.
    const widened = model([users({ columns: [users().columns[0], { ...users().columns[1], type: "text" }, users().columns[2]] })], false);
    const widening = buildPlan(compareModels(widened, model([users()], false)), widened, model([users()], false));
    expect(widening.statements).toMatchObject([{ destructive: false }]);
  });

  it("a mixed-case table's serial: the sequence is created and named quoted, inside nextval's text too", () => {
    const column = { name: "AlbumId", type: "integer", serial: null, identity: null, notNull: true, default: null, comment: null };
    const album = (serial: "serial" | null): TableModel => ({ ...posts, schema: "Chinook", name: "Album", columns: [{ ...column, serial }], primaryKey: ["AlbumId"] });
    const [desired, actual] = [model([album("serial")], false), model([album(null)], false)];
    const sql = buildPlan(compareModels(desired, actual), desired, actual).statements.map((s) => s.sql);
    expect(sql).toEqual([
      'CREATE SEQUENCE "Chinook"."Album_AlbumId_seq" AS integer OWNED BY "Chinook"."Album"."AlbumId";',
      `ALTER TABLE "Chinook"."Album" ALTER COLUMN "AlbumId" SET DEFAULT nextval('"Chinook"."Album_AlbumId_seq"'::regclass);`,
    ]);
  });

  it("explains ManyToMany instead of generating DDL for it", () => {
    const plan = buildPlan([], empty, empty, ["public.a.id ↔ public.b.id"]);
    expect(plan.notes).toEqual(["ManyToMany public.a.id ↔ public.b.id: no DDL is generated; model it as a junction table with two ManyToOne relations."]);
  });
});
