import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { freshDatabase, servers, type FreshDatabase } from "./helpers/db";

/**
 * Issue 7's input defects (1, 5, 8, 9, 10) on each PostgreSQL version, through the server actions themselves
 * (what the browser's requests reach): each hostile value is refused with a sentence of ours, quickly, and
 * changes no row. e2e/hardening.spec.ts sends the same over HTTP to the production build (PostgreSQL 18).
 */
const PG_TEXT = /date\/time field value out of range|is out of range for type|invalid input syntax|violates|unsupported Unicode|ERROR:|null character|at Object\.|\n\s+at /i;

type Result = { ok: boolean; formError?: string; fieldErrors?: Record<string, string> };
type Action = (...args: unknown[]) => Promise<Result>;

describe.each(servers().map((s) => [s.name, s.version] as const))("hostile action input on %s (%s)", (serverName) => {
  let db: FreshDatabase;
  let actions: Record<string, Action>;
  let endPool: () => Promise<void>;
  let tableId: number;
  let columnId: number;

  beforeAll(async () => {
    db = await freshDatabase({ init: true, server: serverName });
    await db.client.query("INSERT INTO _metadata.project (id, project_id, project_name, root_path) VALUES (1, 'hostile', 'Hostile', '/tmp/hostile')");
    tableId = (await db.client.query<{ id: number }>("INSERT INTO _metadata.mappings_table (table_name, label) VALUES ('orders', 'Orders') RETURNING id::int")).rows[0].id;
    columnId = (
      await db.client.query<{ id: number }>(
        "INSERT INTO _metadata.mappings_column (table_id, schema_name, table_name, pg_column, pg_type, label) VALUES ($1, 'public', 'orders', 'amount', 'NUMERIC(12,2)', 'Amount') RETURNING id::int",
        [tableId],
      )
    ).rows[0].id;
    // The app's own pool, on this server's database: a fresh module graph per server.
    vi.stubEnv("DATABASE_URL", db.url);
    vi.resetModules();
    const modules = await Promise.all([
      import("../app/(editor)/tables/actions"),
      import("../app/(editor)/tables/[id]/actions"),
      import("../app/(editor)/history/actions"),
      import("../app/(editor)/tables/[id]/codegen-actions"),
    ]);
    actions = Object.assign({}, ...modules) as Record<string, Action>;
    const pool = await import("../lib/db/pool");
    endPool = async () => {
      await pool.getPool().end();
      // The pool lives on globalThis (lib/db/pool.ts): the next server's module graph must make its own.
      delete (globalThis as Record<symbol, unknown>)[Symbol.for("metadata-editor.pool")];
    };
  });
  afterAll(async () => {
    await endPool?.();
    vi.unstubAllEnvs();
    await db?.drop();
  });

  const snapshot = async () =>
    JSON.stringify(
      (
        await db.client.query(
          `SELECT (SELECT json_agg(t ORDER BY id) FROM _metadata.mappings_table t) AS t,
                  (SELECT json_agg(c ORDER BY id) FROM _metadata.mappings_column c) AS c`,
        )
      ).rows[0],
    );
  const version = async (table: string, id: number) =>
    (
      await db.client.query<{ v: string }>(
        `SELECT to_char(updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS v FROM _metadata.${table} WHERE id = $1`,
        [id],
      )
    ).rows[0].v;
  /** Calls an action that must refuse: no row changes, our words only, and it answers at once. */
  async function refused(name: string, ...args: unknown[]): Promise<Result> {
    const before = await snapshot();
    const started = performance.now();
    const result = await actions[name](...args);
    const ms = performance.now() - started;
    expect(result.ok, `${name} ${JSON.stringify(args).slice(0, 200)}`).toBe(false);
    expect(JSON.stringify(result)).not.toMatch(PG_TEXT);
    expect(ms, `${name} took ${Math.round(ms)} ms`).toBeLessThan(3_000);
    expect(await snapshot()).toBe(before);
    return result;
  }

  it("defect 1: a pg_type built to backtrack is refused by its length on every path", async () => {
    const hostile = "a" + " a".repeat(128_000) + "!";
    const row = { pg_column: "x", pg_type: hostile, label: "X", graphql_field: "", graphql_type: "", form_type: "", is_required: false, is_unique: false, is_primary_key: false };
    const v = await version("mappings_column", columnId);
    expect(await refused("updateColumnFieldAction", { id: columnId, rowVersion: v, field: "pg_type", value: hostile })).toMatchObject({ formError: "At most 100 characters." });
    expect(await refused("addColumnAction", tableId, row)).toMatchObject({ fieldErrors: { pg_type: "At most 100 characters." } });
    expect((await refused("pasteColumnsAction", tableId, { rows: Array.from({ length: 200 }, () => row) })).formError).toMatch(/At most 100 characters/);
  });

  it("defect 5: JSON nested deeper than 32 levels is refused; History lists deep JSON stored by other means", async () => {
    const deep = (n: number): unknown => (n === 0 ? [] : [deep(n - 1)]);
    const v = await version("mappings_column", columnId);
    expect(await refused("updateColumnFieldAction", { id: columnId, rowVersion: v, field: "data_transformation", value: deep(3000) })).toMatchObject({
      formError: "Nested more than 32 levels deep.",
    });
    const text = "[".repeat(3000) + "]".repeat(3000);
    await db.client.query("UPDATE _metadata.mappings_column SET data_transformation = $2::jsonb WHERE id = $1", [columnId, text]);
    const history = (await actions.historyAction({})) as Result & { data?: { entries: { changes: { field: string; after: string }[] }[] } };
    expect(history.ok).toBe(true);
    const change = history.data!.entries[0].changes.find((c) => c.field === "data_transformation")!;
    expect(change.after.startsWith("[[[[")).toBe(true);
    await db.client.query("UPDATE _metadata.mappings_column SET data_transformation = NULL WHERE id = $1", [columnId]);
  });

  it("defect 8: an inline edit takes exactly the field's type; ids are ids", async () => {
    const v = await version("mappings_table", tableId);
    const edit = (field: string, value: unknown) => refused("updateTableFieldAction", { id: tableId, rowVersion: v, field, value });
    expect(await edit("label", { a: 1 })).toMatchObject({ formError: "Text expected." });
    expect(await edit("table_name", ["orders_renamed"])).toMatchObject({ formError: "Text expected." });
    expect(await edit("is_api_enabled", "yes")).toMatchObject({ formError: "true or false expected." });
    for (const id of ["0x10", true, [tableId], `${tableId}.0`, 0, -1, 2 ** 60]) await refused("deleteTableAction", { id, rowVersion: v });
  });

  it("defect 9: NUL, lone surrogates, impossible dates, empty changes and bad version tokens are field errors, not echoed", async () => {
    const v = await version("mappings_table", tableId);
    const edit = (field: string, value: unknown, token = v) => refused("updateTableFieldAction", { id: tableId, rowVersion: token, field, value });
    expect((await edit("label", "a\u0000b")).formError).toMatch(/NUL character/);
    expect((await edit("label", "a\ud800b")).formError).toMatch(/lone UTF-16 surrogate/);
    expect((await edit("api_permissions", { read: "x\u0000" })).formError).toMatch(/NUL character/);
    expect(await refused("updateTableAction", { id: tableId, rowVersion: v, values: {} })).toMatchObject({ formError: "Nothing to change: no field was sent." });
    const long = await edit("label", "x", "9".repeat(1_000_000));
    expect(JSON.stringify(long).length).toBeLessThan(2_000);
    expect(long.formError).toBe("The row's version token is malformed; reload the page.");
    // Well-formed, but no date PostgreSQL knows: our sentence, not the server's.
    expect((await edit("label", "x", "2024-02-31T10:00:00Z")).formError).toMatch(/someone else|version/i);
  });

  it("defect 10: too long is an error, never a cut, on every text field of a table", async () => {
    const v = await version("mappings_table", tableId);
    expect(await refused("updateTableFieldAction", { id: tableId, rowVersion: v, field: "label", value: "가".repeat(10_000) })).toMatchObject({ formError: "At most 200 characters." });
    expect(await refused("updateTableFieldAction", { id: tableId, rowVersion: v, field: "table_name", value: "n".repeat(100) })).toMatchObject({ formError: "At most 63 bytes." });
  });

  it("names: mixed case is a name (kept as typed, always quoted in SQL); quotes, spaces, -, $ and non-ASCII are refused", async () => {
    const v = await version("mappings_table", tableId);
    for (const value of ['x"";drop', "a b", "a-b", "é", "dollar$", "Users;--"]) {
      expect((await refused("updateTableFieldAction", { id: tableId, rowVersion: v, field: "table_name", value })).formError).toMatch(/^Use letters, digits and underscores/);
    }
    const row = { pg_column: "createdAt", pg_type: "TIMESTAMPTZ", label: "Created at", graphql_field: "", graphql_type: "", form_type: "", is_required: false, is_unique: false, is_primary_key: false };
    for (const pg_column of ['x"";drop', "a b", "a-b", "é"]) {
      expect((await refused("addColumnAction", tableId, { ...row, pg_column })).fieldErrors).toMatchObject({ pg_column: expect.stringMatching(/^Use letters, digits and underscores/) });
    }
    expect((await refused("addColumnAction", tableId, { ...row, pg_type: '"Role";drop' })).fieldErrors).toMatchObject({ pg_type: expect.any(String) });
    expect(await actions.addColumnAction(tableId, row)).toMatchObject({ ok: true });
    const { rows } = await db.client.query("SELECT pg_column FROM _metadata.mappings_column WHERE table_id = $1 AND pg_column = 'createdAt'", [tableId]);
    expect(rows).toEqual([{ pg_column: "createdAt" }]);
  });

  it("a reorder names exactly the table's columns at the versions the grid holds, or writes nothing and says why", async () => {
    const { rows: added } = await db.client.query<{ id: number }>(
      `INSERT INTO _metadata.mappings_column (table_id, schema_name, table_name, pg_column, pg_type, label, sort_order)
       VALUES ($1, 'public', 'orders', 'placed_at', 'TIMESTAMPTZ', 'Placed at', 2), ($1, 'public', 'orders', 'note', 'TEXT', 'Note', 3) RETURNING id::int`,
      [tableId],
    );
    // Earlier tests may have added columns to this table: they are part of every order sent.
    const listed = async () =>
      (await db.client.query<{ id: number }>("SELECT id::int FROM _metadata.mappings_column WHERE table_id = $1 ORDER BY sort_order, id", [tableId])).rows.map((r) => r.id);
    const all = await listed();
    const [amount, placed, note] = [columnId, ...added.map((r) => r.id)];
    const others = all.filter((id) => ![amount, placed, note].includes(id));
    const at = async (...ids: number[]) => Promise.all([...ids, ...others].map(async (id) => ({ id, rowVersion: await version("mappings_column", id) })));
    const stale = "The table's columns changed meanwhile (someone edited, added, deleted or reordered them): the new order was not saved. The grid now shows the columns as they are.";
    // Unknown, missing: was "ok", with nothing changed (or a partial order written).
    const unknown = { id: 987654321, rowVersion: "2024-05-01T10:00:00.000000Z" };
    for (const columns of [[...(await at(note, placed, amount)), unknown], await at(note, placed), [unknown]]) {
      const result = await refused("reorderColumnsAction", { tableId, columns });
      expect(result).toMatchObject({ ok: false, formError: stale });
      // The grid is given the columns as they are, to show.
      expect((result as unknown as { conflict: { id: number }[] }).conflict.map((c) => c.id)).toEqual(all);
    }
    expect((await refused("reorderColumnsAction", { tableId, columns: await at(note, note, amount) })).fieldErrors).toEqual({ columns: "The new order names a column twice; it was not saved." });
    expect((await refused("reorderColumnsAction", { tableId, columns: [...(await at(note, placed)), { id: 0, rowVersion: unknown.rowVersion }] })).formError).toBe("Some values need correcting; see the marked fields.");
    // Stale: someone edits a column (or reorders) after the grid loaded; the grid's reorder overwrote their order.
    const loaded = await at(note, placed, amount);
    await db.client.query("UPDATE _metadata.mappings_column SET label = 'Notes' WHERE id = $1", [note]);
    expect(await refused("reorderColumnsAction", { tableId, columns: loaded })).toMatchObject({ ok: false, formError: stale });
    const beforeTheirs = await at(note, amount, placed);
    const theirs = await actions.reorderColumnsAction({ tableId, columns: await at(placed, amount, note) });
    expect(theirs.ok).toBe(true);
    expect(await refused("reorderColumnsAction", { tableId, columns: beforeTheirs })).toMatchObject({ ok: false, formError: stale });
    // The happy path, from the versions the last reorder returned.
    const ok = await actions.reorderColumnsAction({ tableId, columns: (theirs as unknown as { data: { id: number; rowVersion: string }[] }).data.map((c) => ({ id: c.id, rowVersion: c.rowVersion })).reverse() });
    expect(ok.ok).toBe(true);
    expect(await listed()).toEqual([placed, amount, note, ...others].reverse());
    await db.client.query("DELETE FROM _metadata.mappings_column WHERE id = ANY($1::bigint[])", [added.map((r) => r.id)]);
  });

  it("the Code tab says what is wrong in a generation_config written with wrong types, not code made with the defaults", async () => {
    await db.client.query(`UPDATE _metadata.project SET generation_config = '{"outputDir": "./src/generated", "prettier": "no"}' WHERE id = 1`);
    try {
      expect(await actions.tableCodeAction(tableId)).toEqual({ ok: false, formError: "generation_config.prettier must be true or false: the code generators read it." });
      await db.client.query(`UPDATE _metadata.project SET generation_config = '{"includeComments": 1}' WHERE id = 1`);
      expect(await actions.tableCodeAction(tableId)).toEqual({ ok: false, formError: "generation_config.includeComments must be true or false: the code generators read it." });
    } finally {
      await db.client.query("UPDATE _metadata.project SET generation_config = NULL WHERE id = 1");
    }
    expect((await actions.tableCodeAction(tableId)).ok).toBe(true);
  });

  it("the Code tab, the Form preview and a reorder of a table that is not there (deleted meanwhile, or never) say so", async () => {
    for (const name of ["tableCodeAction", "tableFormAction"]) {
      expect((await actions[name](tableId)).ok, name).toBe(true);
      // Was: ok, with the code of a project without tables / no form and no problem to say why.
      expect(await refused(name, 987654321)).toEqual({ ok: false, formError: "That table no longer exists." });
    }
    // Alt+↑ on a table deleted meanwhile: said so (it answered ok with no columns, and the grid emptied itself).
    expect(await refused("reorderColumnsAction", { tableId: 987654321, columns: [{ id: columnId, rowVersion: await version("mappings_column", columnId) }] })).toMatchObject({ ok: false, formError: "That table no longer exists." });
    // Deleted after its preview was built (and kept): the next opening says it is gone.
    const { rows } = await db.client.query<{ id: number }>("INSERT INTO _metadata.mappings_table (table_name, label) VALUES ('gone_soon', 'Gone') RETURNING id::int");
    expect((await actions.tableFormAction(rows[0].id)).ok).toBe(true);
    await db.client.query("DELETE FROM _metadata.mappings_table WHERE id = $1", [rows[0].id]);
    for (const name of ["tableCodeAction", "tableFormAction"]) {
      expect(await refused(name, rows[0].id)).toEqual({ ok: false, formError: "That table no longer exists." });
    }
  });
});
