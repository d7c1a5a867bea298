import { readFileSync } from "node:fs";
import path from "node:path";
import { buildSchema, validateSchema } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { analyze, generateFiles } from "../lib/codegen/generate";
import { loadCodegenInput } from "../lib/metadata/codegen-input";
import { pgTypeProblem } from "../lib/metadata/pg-types";
import { applyPlan, previewPlan } from "../lib/sync/apply";
import { previewImport, runImport } from "../lib/sync/import";
import { loadSync } from "../lib/sync/sync";
import { outputDir, typecheck } from "./helpers/codegen";
import { freshDatabase, servers, type FreshDatabase } from "./helpers/db";
import { metadataOf } from "./helpers/sync";

// Third-party schemas whose names are not lower snake_case: Prisma's (public) and Chinook's (a mixed-case schema).
const prisma = readFileSync(path.join(__dirname, "fixtures", "sync-prisma.sql"), "utf8");
const chinook = readFileSync(path.join(__dirname, "fixtures", "sync-chinook.sql"), "utf8");
const SCHEMAS = ["public", "Chinook"];

// Names PostgreSQL takes when quoted but the metadata still refuses: each is listed as skipped, with the reason.
const REFUSED = `CREATE SCHEMA odd;
  CREATE TABLE odd."has space" (id int);
  CREATE TABLE odd."dash-name" (id int);
  CREATE TABLE odd."dollar$" (id int);
  CREATE TABLE odd."café" (id int);
  CREATE TABLE odd."Fine" ("Id" int PRIMARY KEY, "quote""d" int);
  CREATE TABLE odd."AlsoFine" ("Id" int PRIMARY KEY, "Name" text);`;

describe.each(servers().map((s) => [s.name] as const))("mixed-case names (Prisma, Chinook) on %s", (serverName) => {
  let source: FreshDatabase;
  let empty: FreshDatabase;
  const out = outputDir();
  beforeAll(async () => {
    [source, empty] = await Promise.all([freshDatabase({ init: true, server: serverName }), freshDatabase({ init: true, server: serverName })]);
    await source.client.query(prisma);
    await source.client.query(chinook);
    await source.client.query(REFUSED);
  });
  afterAll(async () => {
    await source?.drop();
    await empty?.drop();
    out.cleanup();
  });

  it("imports every Prisma and Chinook table, column, key, index and relation: nothing is skipped for its name", async () => {
    const preview = await previewImport(source.client, SCHEMAS);
    expect(preview.problems).toEqual([]);
    expect(preview.skipped).toEqual([]);
    expect(preview.counts.table).toEqual({ add: 17, update: 0, unchanged: 0 });
    expect(preview.counts.relation.add).toBe(5 + 11);
    await runImport(source.client, SCHEMAS);

    const { rows: tables } = await source.client.query(
      `SELECT schema_name || '.' || table_name AS t, graphql_type, label, primary_key, indexes, table_constraints
         FROM _metadata.mappings_table WHERE schema_name = ANY($1) ORDER BY 1`,
      [SCHEMAS],
    );
    const table = Object.fromEntries(tables.map((t) => [t.t, t]));
    expect(Object.keys(table)).toHaveLength(17);
    expect(table["public.User"]).toMatchObject({ graphql_type: "User", label: "User", primary_key: "id", indexes: [{ columns: ["email"], type: "UNIQUE", name: "User_email_key" }] });
    expect(table["public._prisma_migrations"]).toMatchObject({ graphql_type: "PrismaMigration", label: "Prisma migrations" });
    expect(table["public._CategoryToPost"]).toMatchObject({ graphql_type: "CategoryToPost", primary_key: null });
    expect(table["Chinook.InvoiceLine"]).toMatchObject({ graphql_type: "InvoiceLine", label: "Invoice line", primary_key: "InvoiceLineId" });
    expect(table["Chinook.Invoice"].table_constraints).toEqual({ checks: [{ name: "CK_InvoiceTotal", condition: '("Total" >= (0)::numeric)' }] });

    const { rows: columns } = await source.client.query(
      `SELECT schema_name || '.' || table_name || '.' || pg_column AS c, pg_type, pg_constraints, is_primary_key, is_unique, is_indexed,
              index_config, enum_options, graphql_field, graphql_type, label, form_type
         FROM _metadata.mappings_column WHERE schema_name = ANY($1) ORDER BY 1`,
      [SCHEMAS],
    );
    const column = Object.fromEntries(columns.map((c) => [c.c, c]));
    expect(column["public.User.id"]).toMatchObject({ pg_type: "SERIAL", is_primary_key: true, graphql_type: "ID" });
    expect(column["public.User.role"]).toMatchObject({ pg_type: '"Role"', form_type: "select", pg_constraints: { notNull: true, default: `'USER'::"Role"` } });
    expect(column["public.User.role"].enum_options.map((o: { value: string }) => o.value)).toEqual(["USER", "ADMIN", "EDITOR"]);
    expect(column["public.User.createdAt"]).toMatchObject({ pg_type: "timestamp(3) without time zone", graphql_field: "createdAt", label: "Created at", form_type: "datetime" });
    expect(column["public.Post.authorId"]).toMatchObject({ graphql_field: "authorId", graphql_type: "ID", label: "Author id", is_indexed: true, index_config: { type: "BTREE", name: "Post_authorId_idx" } });
    expect(column["Chinook.Album.AlbumId"]).toMatchObject({ graphql_field: "albumId", graphql_type: "ID", label: "Album id", is_primary_key: true });
    expect(column["Chinook.Album.ArtistId"]).toMatchObject({ is_indexed: true, index_config: { type: "BTREE", name: "IFK_AlbumArtistId" } });
    expect(column["Chinook.Customer.Email"]).toMatchObject({ is_unique: true, form_type: "email", label: "Email" });
    expect(column["Chinook.MediaType.Kind"]).toMatchObject({ pg_type: '"Chinook"."MediaKind"', form_type: "select" });
    expect(column["Chinook.MediaType.Kind"].enum_options.map((o: { value: string }) => o.value)).toEqual(["Audio", "Video", "Protected Audio"]);

    const { rows: relations } = await source.client.query(
      `SELECT from_table || '.' || from_column || ' > ' || to_table || '.' || to_column AS r, relation_type::text AS type, graphql_field, constraint_name, is_cascade_delete
         FROM _metadata.mappings_relation WHERE from_schema = ANY($1) ORDER BY 1`,
      [SCHEMAS],
    );
    const relation = Object.fromEntries(relations.map((r) => [r.r, r]));
    expect(relation["Post.authorId > User.id"]).toMatchObject({ type: "ManyToOne", graphql_field: "author", constraint_name: "Post_authorId_fkey", is_cascade_delete: false });
    expect(relation["Profile.userId > User.id"]).toMatchObject({ type: "OneToOne", graphql_field: "user", is_cascade_delete: true });
    expect(relation["User.invitedById > User.id"]).toMatchObject({ graphql_field: "invitedBy", constraint_name: "User_invitedById_fkey" });
    expect(relation["Employee.ReportsTo > Employee.EmployeeId"]).toMatchObject({ type: "ManyToOne", graphql_field: "reportsToEmployee", constraint_name: "FK_EmployeeReportsTo" });
    expect(relation["_CategoryToPost.A > Category.id"]).toMatchObject({ graphql_field: "category" });
    expect(relation["Album.ArtistId > Artist.ArtistId"]).toMatchObject({ graphql_field: "artist", constraint_name: "FK_AlbumArtistId" });
  });

  it("a quoted type is the server's to check, case and all: \"Role\" exists, \"ROLE\" and a bare Role (read as role) do not", async () => {
    expect(await pgTypeProblem('"Role"', source.client)).toBeNull();
    expect(await pgTypeProblem('public."Role"[]', source.client)).toBeNull();
    expect(await pgTypeProblem('"Chinook"."MediaKind"', source.client)).toBeNull();
    expect(await pgTypeProblem('"ROLE"', source.client)).toMatch(/does not know the type/);
    expect(await pgTypeProblem("Role", source.client)).toMatch(/does not know the type/);
  });

  it("finds no drift right after the import, and a second import changes nothing", async () => {
    const state = await loadSync(source.client, { schemas: SCHEMAS });
    expect(state.canonical.problems).toEqual([]);
    expect(state.items).toEqual([]);
    const again = await previewImport(source.client, SCHEMAS);
    expect(again.entries.filter((e) => e.action !== "unchanged")).toEqual([]);
  });

  it("lists the names it still refuses as skipped, with the reason, and imports their neighbours", async () => {
    const preview = await previewImport(source.client, ["odd"]);
    expect(preview.problems).toEqual([]);
    const skipped = Object.fromEntries(preview.skipped.map((s) => [s.name, s.reason]));
    expect(Object.keys(skipped).sort()).toEqual(["odd.Fine", "odd.café", "odd.dash-name", "odd.dollar$", "odd.has space"]);
    expect(skipped["odd.has space"]).toMatch(/letters, digits and underscores/);
    expect(skipped["odd.Fine"]).toMatch(/column "quote"d"/);
    expect(preview.entries.filter((e) => e.kind === "table").map((e) => e.name)).toEqual(["odd.AlsoFine"]);
  });

  it("plans the metadata into an empty database with every name quoted, applies it, and imports back the same metadata", async () => {
    const preview = await previewPlan(source.client, { target: empty.client, schemas: SCHEMAS });
    expect(preview.problems).toEqual([]);
    expect(preview.destructive).toBe(0);
    expect(preview.up).toContain(`CREATE TYPE "public"."Role" AS ENUM ('USER', 'ADMIN', 'EDITOR');`);
    expect(preview.up).toContain(`CREATE TYPE "Chinook"."MediaKind" AS ENUM ('Audio', 'Video', 'Protected Audio');`);
    expect(preview.up).toContain(`CREATE SCHEMA IF NOT EXISTS "Chinook";`);
    expect(preview.up).toMatch(/CREATE TABLE "public"\."User" \(\n {2}"id" serial NOT NULL,/);
    expect(preview.up).toContain(`"role" "Role" NOT NULL DEFAULT 'USER'::"Role"`);
    expect(preview.up).toContain(`CREATE UNIQUE INDEX "User_email_key" ON "public"."User" USING btree ("email");`);
    expect(preview.up).toContain(`ALTER TABLE "Chinook"."Employee" ADD CONSTRAINT "FK_EmployeeReportsTo" FOREIGN KEY ("ReportsTo") REFERENCES "Chinook"."Employee" ("EmployeeId");`);
    const result = await applyPlan(source.client, { target: empty.client, schemas: SCHEMAS, digest: preview.digest });
    expect(result.remaining).toEqual([]);
    const across = await loadSync(source.client, { target: empty.client, schemas: SCHEMAS });
    expect(across.canonical.problems).toEqual([]);
    expect(across.items).toEqual([]);
    // Case kept: "User" and a new "user" are two tables.
    await empty.client.query(`INSERT INTO "User" ("email", "updatedAt", "role") VALUES ('b@example.com', now(), 'EDITOR')`);
    await empty.client.query(`CREATE TABLE public."user" (id int)`);
    const imported = await runImport(empty.client, SCHEMAS);
    expect(imported.problems).toEqual([]);
    expect(imported.entries.filter((e) => e.action === "add" && e.kind === "table").map((e) => e.name)).toContain("public.user");
    await empty.client.query(`DROP TABLE public."user"`);
    await empty.client.query(`DELETE FROM _metadata.mappings_table WHERE schema_name = 'public' AND table_name = 'user'`);
    for (const schema of SCHEMAS) expect(await metadataOf(empty, schema), schema).toEqual(await metadataOf(source, schema));
    expect((await loadSync(empty.client, { schemas: SCHEMAS })).items).toEqual([]);
  });

  it("generates code for the imported tables: the SDL builds and the TypeScript compiles strict", { timeout: 120_000 }, async () => {
    await source.client.query(`DELETE FROM _metadata.mappings_table WHERE schema_name = 'odd'`);
    const input = await loadCodegenInput(source.client);
    const analysis = analyze(input);
    expect(analysis.problems.map((p) => `${p.table}: ${p.message}`)).toEqual([]);
    const types = analysis.model.tables.map((t) => t.typeName).sort();
    expect(types).toEqual(expect.arrayContaining(["Album", "CategoryToPost", "InvoiceLine", "Post", "PrismaMigration", "User"]));
    const user = analysis.model.tables.find((t) => t.typeName === "User")!;
    expect(user.columns.map((c) => c.name)).toEqual(["id", "email", "name", "role", "createdAt", "updatedAt", "invitedById"]);
    const files = generateFiles(input, analysis);
    const sdl = files.find((f) => f.path === "schema.graphql")!.content;
    expect(validateSchema(buildSchema(sdl))).toEqual([]);
    expect(sdl).toMatch(/type Album \{[^}]*\balbumId: ID!/);
    out.write(files.filter((f) => f.path !== "schema.graphql"));
    const result = await typecheck(out.dir);
    expect(result.output).toBe("");
    expect(result.code).toBe(0);
  });
});
