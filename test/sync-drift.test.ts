import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyPlan, ApplyRefusedError, previewPlan } from "../lib/sync/apply";
import { runImport } from "../lib/sync/import";
import { resolveWithDatabase } from "../lib/sync/resolve";
import { loadSync } from "../lib/sync/sync";
import { withLocale } from "../lib/i18n/locale-scope";
import { freshDatabase, servers, type FreshDatabase } from "./helpers/db";

const SCHEMA = `
  CREATE TABLE public.users (id bigserial PRIMARY KEY, email varchar(255) NOT NULL UNIQUE, name text);
  CREATE TABLE public.posts (id bigserial PRIMARY KEY, user_id bigint NOT NULL, title text, body text);
  INSERT INTO public.users (email) VALUES ('a@example.com'), ('b@example.com');
  INSERT INTO public.posts (user_id, title) VALUES (1, 'hello');
  INSERT INTO _metadata.project (id, project_id, project_name, root_path) VALUES (1, 'shop', 'Shop', '/tmp/shop');
`;
// What someone does in psql behind the metadata's back.
const PSQL_CHANGES = `
  ALTER TABLE public.users ADD COLUMN nickname varchar(30);
  ALTER TABLE public.users ALTER COLUMN email DROP NOT NULL;
  ALTER TABLE public.posts ADD CONSTRAINT posts_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.users (id);
`;

async function setUp(serverName: "pg18" | "pg15") {
  const db = await freshDatabase({ init: true, server: serverName });
  await db.client.query(SCHEMA);
  await runImport(db.client, ["public"]);
  // A person's edits, which no import or resolution may overwrite.
  await db.client.query("UPDATE _metadata.mappings_column SET label = '전자우편', help_text = 'Work address' WHERE pg_column = 'email'");
  await db.client.query(PSQL_CHANGES);
  return db;
}

const kinds = async (client: pg.ClientBase) => (await loadSync(client)).items.map((i) => `${i.kind} ${i.table}${i.column ? `.${i.column}` : ""}`).sort();

describe.each(servers().map((s) => [s.name] as const))("drift after a psql change on %s", (serverName) => {
  let db: FreshDatabase;
  let other: FreshDatabase;
  beforeAll(async () => {
    [db, other] = await Promise.all([setUp(serverName), setUp(serverName)]);
  });
  afterAll(async () => {
    await db?.drop();
    await other?.drop();
  });

  it("shows ADD COLUMN, DROP NOT NULL and a new FK as drift items", async () => {
    expect(await kinds(db.client)).toEqual(["column public.users.nickname", "foreign-key public.posts.user_id", "nullability public.users.email"]);
  });

  it("resolves each item by taking the database's version, keeping what a person wrote", async () => {
    for (const item of (await loadSync(db.client)).items) {
      await resolveWithDatabase(db.client, item.id);
    }
    expect(await kinds(db.client)).toEqual([]);
    const { rows } = await db.client.query(
      "SELECT pg_column, pg_type, pg_constraints, label, help_text FROM _metadata.mappings_column WHERE table_name = 'users' ORDER BY sort_order",
    );
    expect(rows.find((r) => r.pg_column === "email")).toMatchObject({ label: "전자우편", help_text: "Work address", pg_constraints: { notNull: false } });
    expect(rows.find((r) => r.pg_column === "nickname")).toMatchObject({ pg_type: "character varying(30)", label: "Nickname" });
    const relations = await db.client.query("SELECT from_table, to_table, relation_type::text, constraint_name FROM _metadata.mappings_relation");
    expect(relations.rows).toEqual([{ from_table: "posts", to_table: "users", relation_type: "ManyToOne", constraint_name: "posts_user_id_fkey" }]);
  });

  it("resolves each item the other way: a plan that puts the database back, applied item by item", async () => {
    const items = (await loadSync(other.client)).items;
    const nickname = items.find((i) => i.kind === "column")!;
    const preview = await previewPlan(other.client, { itemIds: [nickname.id] });
    expect(preview.destructive).toBe(1);
    expect(preview.statements[0]).toMatchObject({ destructive: true, rows: 0, sql: 'ALTER TABLE "public"."users" DROP COLUMN "nickname";' });
    expect(preview.down).toBe('ALTER TABLE "public"."users" ADD COLUMN "nickname" character varying(30);\n');
    const refused = await applyPlan(other.client, { itemIds: [nickname.id] }).catch((e) => e);
    expect(refused).toBeInstanceOf(ApplyRefusedError);
    expect(await kinds(other.client)).toHaveLength(3);

    const nullability = items.find((i) => i.kind === "nullability")!;
    const notNull = await previewPlan(other.client, { itemIds: [nullability.id] });
    expect(notNull.statements).toMatchObject([{ sql: 'ALTER TABLE "public"."users" ALTER COLUMN "email" SET NOT NULL;', destructive: true, rows: 0 }]);

    for (const item of items) await applyPlan(other.client, { itemIds: [item.id], allowDestructive: true });
    expect(await kinds(other.client)).toEqual([]);
    const columns = await other.client.query("SELECT column_name FROM information_schema.columns WHERE table_name = 'users' ORDER BY 1");
    expect(columns.rows.map((r) => r.column_name)).toEqual(["email", "id", "name"]);
    const { rows } = await other.client.query("SELECT last_sync_at IS NOT NULL AS synced FROM _metadata.project");
    expect(rows).toEqual([{ synced: true }]);
    const log = await other.client.query("SELECT new_data FROM _metadata.metadata_sync_log WHERE table_name = 'database' AND operation = 'APPLY' ORDER BY id");
    expect(log.rows).toHaveLength(3);
    expect(log.rows.map((r) => r.new_data.up).join("\n")).toMatch(/DROP COLUMN "nickname"/);
  });

  it("refuses a plan that changed since it was reviewed", async () => {
    await other.client.query("ALTER TABLE public.posts ADD COLUMN extra int");
    const preview = await previewPlan(other.client);
    await other.client.query("ALTER TABLE public.posts ADD COLUMN extra2 int");
    const refused = await applyPlan(other.client, { allowDestructive: true, digest: preview.digest }).catch((e) => e);
    expect(refused).toBeInstanceOf(ApplyRefusedError);
    expect(await kinds(other.client)).toEqual(["column public.posts.extra", "column public.posts.extra2"]);
  });

  it("applies a plan reviewed in Korean from an English session: the language is not part of the plan", async () => {
    const korean = await withLocale("ko", () => previewPlan(other.client));
    const english = await previewPlan(other.client);
    expect(korean.up).toMatch(/^-- DESTRUCTIVE: [^\n]*[가-힣]/m);
    expect(korean.up).not.toBe(english.up);
    expect(korean.digest).toBe(english.digest);
    await applyPlan(other.client, { allowDestructive: true, digest: korean.digest });
    expect(await kinds(other.client)).toEqual([]);
  });
});
