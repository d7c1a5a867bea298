import { expect, test } from "@playwright/test";
import type pg from "pg";
import { e2eClient, freshEditor } from "./db";
import { callAction, encodeArgs, RawJson, serverActions, type ServerAction } from "./server-actions";

/**
 * Issue 7's acceptance: every server action of the production build, called over HTTP exactly as the browser
 * calls it, with ≥ 1,000 hostile inputs (seeded, so a failure replays): no response over 1 s, no 5xx, no
 * PostgreSQL message text, and no row of _metadata changed by a request the action refused.
 */
test.describe.configure({ mode: "serial", timeout: 240_000 });

let db: pg.Client;
test.beforeAll(async () => {
  db = await e2eClient();
  await freshEditor(db);
  // A retry starts clean: the endpoints this spec made (freshEditor removes only tables).
  await db.query("DELETE FROM _metadata.mappings_api_endpoint WHERE endpoint_name LIKE 'fuzz%'");
});
test.afterAll(async () => {
  await db.end();
});

function mulberry32(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const deep = (n: number) => new RawJson("[".repeat(n) + "]".repeat(n));
/** Values no field accepts as they are, each aimed at a defect of issue 7 or a classic. */
const HOSTILE: unknown[] = [
  null,
  true,
  0,
  -1,
  1.5,
  1e308,
  "0x10",
  "",
  "   ",
  "a\u0000b",
  "\ud800",
  "x".repeat(200_000),
  "a" + " a".repeat(128_000) + "!",
  { a: 1 },
  ["orders_renamed"],
  [5],
  deep(3000),
  "'; DROP TABLE users; --",
  'x" OR 1=1 --',
  "$1",
  "Bad Name!",
  "+275760-09-13",
  "2024-02-30T10:00",
  "2024-99-99 10:00:00+00",
  "9".repeat(400),
  { __proto__: { polluted: true }, constructor: { prototype: { polluted: true } } },
  { minLength: 1, pattern: "(a+)+$" },
  '{"pattern": "(a+)+$"}',
  '{"a": "\\u0000"}',
  "[" + "[".repeat(5000),
];

const PG_TEXT =
  /syntax error at or near|violates (unique|foreign key|check|not-null) constraint|invalid input syntax|duplicate key value|value too long for type|is out of range for type|unsupported Unicode escape|invalid byte sequence|date\/time field value out of range|current transaction is aborted|(relation|column|type|function|schema) "[^"]*" does not exist|null value in column|Key \([^)]*\)=|canceling statement due to|deadlock detected|invalid regular expression|ERROR: |at [A-Za-z.]+ \(|node_modules/;

async function snapshot(): Promise<string> {
  const tables = ["project", "mappings_table", "mappings_column", "mappings_relation", "mappings_api_endpoint"];
  const parts = tables.map(
    (t) => `(SELECT md5(COALESCE(string_agg(x::text, '|' ORDER BY x.id), '')) FROM _metadata.${t} x)`,
  );
  // The history log only grows (no action rewrites an entry): a refused request must add or remove none, which its
  // count and newest id tell. Hashing it whole made each request cost the size of every earlier spec's history.
  parts.push(`(SELECT count(*) || ':' || COALESCE(max(id), 0) FROM _metadata.metadata_sync_log)`);
  const { rows } = await db.query<{ s: string }>(`SELECT concat_ws(',', ${parts.join(", ")}) AS s`);
  return rows[0].s;
}

/** Whether the action said no: a failed result, or a refused backup file. */
function refused(result: unknown): boolean {
  if (result === null || typeof result !== "object") return false;
  const r = result as { ok?: unknown; data?: { kind?: unknown } };
  return r.ok === false || r.data?.kind === "refused";
}

/** Each hostile value at each leaf of the valid input, and in place of each whole argument. */
function mutations(base: unknown[], random: () => number, perLeaf: number): unknown[][] {
  const out: unknown[][] = [];
  base.forEach((_, i) => {
    for (const h of HOSTILE) out.push(base.map((a, j) => (j === i ? h : a)));
  });
  out.push([], [...base, "extra"]);
  base.forEach((arg, i) => {
    if (arg === null || typeof arg !== "object" || Array.isArray(arg)) return;
    const leaves = (prefix: string[], value: Record<string, unknown>): string[][] =>
      Object.entries(value).flatMap(([k, v]) =>
        v !== null && typeof v === "object" && !Array.isArray(v) ? leaves([...prefix, k], v as Record<string, unknown>) : [[...prefix, k]],
      );
    for (const leaf of leaves([], arg as Record<string, unknown>)) {
      for (let n = 0; n < perLeaf; n++) {
        const h = HOSTILE[Math.floor(random() * HOSTILE.length)];
        const copy = structuredClone(arg) as Record<string, unknown>;
        let at = copy;
        for (const k of leaf.slice(0, -1)) at = at[k] as Record<string, unknown>;
        at[leaf[leaf.length - 1]] = h;
        out.push(base.map((a, j) => (j === i ? copy : a)));
      }
      const without = structuredClone(arg) as Record<string, unknown>;
      delete without[leaf[0]];
      out.push(base.map((a, j) => (j === i ? without : a)));
    }
  });
  return out;
}

test("≥ 1,000 hostile requests over every server action: fast, no 5xx, no PostgreSQL text, refused means unchanged", async ({
  baseURL,
}) => {
  const one = async <T extends pg.QueryResultRow>(sql: string, params: unknown[] = []) => (await db.query<T>(sql, params)).rows[0];
  const table = await one<{ id: number; version: string }>(
    `INSERT INTO _metadata.mappings_table (table_name, label) VALUES ('fuzz_users', 'Users') RETURNING id::int, to_char(updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS version`,
  );
  const posts = await one<{ id: number }>(`INSERT INTO _metadata.mappings_table (table_name, label) VALUES ('fuzz_posts', 'Posts') RETURNING id::int`);
  const column = await one<{ id: number; version: string }>(
    `INSERT INTO _metadata.mappings_column (table_id, schema_name, table_name, pg_column, pg_type, label)
     VALUES ($1, 'public', 'fuzz_users', 'id', 'BIGINT', 'Id') RETURNING id::int, to_char(updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS version`,
    [table.id],
  );
  await db.query(
    `INSERT INTO _metadata.mappings_column (table_id, schema_name, table_name, pg_column, pg_type, label) VALUES ($1, 'public', 'fuzz_posts', 'user_id', 'BIGINT', 'User')`,
    [posts.id],
  );
  const relation = await one<{ id: number; version: string }>(
    `INSERT INTO _metadata.mappings_relation (from_table_id, to_table_id, from_schema, from_table, from_column, to_schema, to_table, to_column, relation_type)
     VALUES ($1, $2, 'public', 'fuzz_posts', 'user_id', 'public', 'fuzz_users', 'id', 'ManyToOne') RETURNING id::int, md5((to_jsonb(mappings_relation) - 'created_at')::text || to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')) AS version`,
    [posts.id, table.id],
  );
  const endpoint = await one<{ id: number; version: string }>(
    `INSERT INTO _metadata.mappings_api_endpoint (endpoint_name, base_url) VALUES ('fuzz_api', 'https://api.example.com') RETURNING id::int, to_char(updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS version`,
  );
  const project = await one<{ version: string }>(`SELECT to_char(updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS version FROM _metadata.project`);
  const entry = await one<{ id: number }>("SELECT max(id)::int AS id FROM _metadata.metadata_sync_log");

  const edit = (id: number, rowVersion: string, field: string, value: unknown) => [{ id, rowVersion, field, value }];
  const newColumn = { pg_column: "fuzz_col", pg_type: "TEXT", label: "Fuzz", graphql_field: "", graphql_type: "", form_type: "", is_required: false, is_unique: false, is_primary_key: false };
  const tableValues = { schema_name: "public", table_name: "fuzz_new", graphql_type: "", label: "New", description: "", primary_key: "id", is_api_enabled: true, api_permissions: "", table_constraints: "", indexes: "" };
  const endpointValues = { endpoint_name: "fuzz_new_api", base_url: "https://x.example.com", method: "GET", headers: "", auth_config: "", rate_limit_config: "", timeout_ms: "30000", retry_config: "", cache_config: "", request_mapping: "", response_mapping: "", description: "", is_active: true };
  /** A valid input per action this spec knows; any other action (a later one) gets the whole-argument values. */
  const BASES: Record<string, unknown[]> = {
    createTableAction: [tableValues],
    updateTableFieldAction: edit(table.id, table.version, "label", "Members"),
    updateTableCellsAction: [{ edits: edit(table.id, table.version, "label", "Members") }],
    updateTableAction: [{ id: table.id, rowVersion: table.version, values: { label: "Members", api_permissions: '{"read": "public"}' } }],
    tableImpactAction: [table.id],
    deleteTableAction: [{ id: table.id, rowVersion: table.version }],
    addColumnAction: [table.id, newColumn],
    pasteColumnsAction: [table.id, { rows: [newColumn] }],
    updateColumnFieldAction: edit(column.id, column.version, "validation_rules", { minLength: 1 }),
    // Batch cell edits (paste, fill down, undo): each cell is a leaf the mutations reach.
    updateColumnCellsAction: [{ edits: [edit(column.id, column.version, "label", "Id")[0], edit(column.id, column.version, "is_required", true)[0]] }],
    updateColumnAction: [{ id: column.id, rowVersion: column.version, values: { pg_column: "id", pg_type: "BIGINT", label: "Id", sort_order: "1", enum_options: "[]" } }],
    reorderColumnsAction: [{ tableId: table.id, columns: [{ id: column.id, rowVersion: column.version }] }],
    deleteColumnAction: [{ id: column.id, rowVersion: column.version }],
    createRelationAction: [{ from_table_id: posts.id, from_column: "user_id", to_table_id: table.id, to_column: "id", relation_type: "OneToOne", graphql_field: "", is_cascade_delete: false, constraint_name: "" }],
    updateRelationFieldAction: edit(relation.id, relation.version, "relation_type", "OneToOne"),
    updateRelationCellsAction: [{ edits: edit(relation.id, relation.version, "relation_type", "OneToOne") }],
    deleteRelationAction: [{ id: relation.id, rowVersion: relation.version }],
    tableColumnsAction: [table.id],
    createEndpointAction: [endpointValues],
    updateEndpointFieldAction: edit(endpoint.id, endpoint.version, "timeout_ms", 5000),
    updateEndpointCellsAction: [{ edits: edit(endpoint.id, endpoint.version, "timeout_ms", 5000) }],
    updateEndpointAction: [{ id: endpoint.id, rowVersion: endpoint.version, values: { base_url: "https://y.example.com", headers: '{"A": "b"}' } }],
    deleteEndpointAction: [{ id: endpoint.id, rowVersion: endpoint.version }],
    undoDeletionAction: [{ table: "mappings_table", id: table.id }],
    historyAction: [{ table: "mappings_table", operation: "UPDATE", from: "2024-01-01T00:00", tableId: table.id, before: entry.id }],
    resetAction: [{ projectId: "not-this-project" }],
    saveProjectAction: [{ project_id: "e2e-editor", project_name: "E2E", last_sync_at: "2024-05-01T10:30", tags: "[]", rowVersion: project.version }],
    finishSetupAction: [{ project_id: "other", project_name: "Other", root_path: "/tmp", template: "BASIC", status: "PLANNING" }],
  };
  // History's restore and the tools' restore share a name; the file tells them apart.
  const baseOf = (a: ServerAction) =>
    a.name === "restoreAction" && a.file.includes("history") ? [{ entryId: entry.id, which: "before" }] : (BASES[a.name] ?? []);
  // These do real work on any input (init, verification): a few calls, not hundreds.
  const HEAVY = new Set(["initializeAction", "verifyAction", "checkConnectionAction"]);

  const random = mulberry32(7);
  const actions = serverActions(table.id);
  expect(actions.length).toBeGreaterThanOrEqual(30);
  const failures: string[] = [];
  let sent = 0;
  let refusals = 0;
  const send = async (action: ServerAction, body: string | FormData, what: string) => {
    const before = await snapshot();
    const response = await callAction(baseURL!, action, body);
    sent++;
    const label = `${action.file} ${action.name} ${what.slice(0, 120)}`;
    if (response.status >= 500) failures.push(`${label}: HTTP ${response.status}`);
    if (response.ms > 1000) failures.push(`${label}: ${Math.round(response.ms)} ms`);
    const leak = PG_TEXT.exec(response.text);
    if (leak) failures.push(`${label}: PostgreSQL or stack text in the response: ${leak[0]}`);
    // A refusal by the proxy (a body too large or nested too deep to be read) is a refusal too: nothing may change.
    if (refused(response.result) || response.status === 400 || response.status === 413) {
      refusals++;
      if ((await snapshot()) !== before) failures.push(`${label}: refused, yet rows changed`);
    }
    return response;
  };

  for (const action of actions) {
    const base = baseOf(action);
    const all = mutations(base.length ? base : [undefined], random, action.name === "updateColumnAction" ? 2 : 3);
    const chosen = HEAVY.has(action.name) ? all.slice(0, 3) : all;
    for (const args of chosen) await send(action, encodeArgs(args), encodeArgs(args));
  }
  // The backup upload goes as a file (multipart), like the browser's form.
  for (const action of actions.filter((a) => a.file.includes("tools") && /restore/i.test(a.name))) {
    for (const content of ["{not json", "[" .repeat(100_000), '{"format": "metadata-editor-backup", "x": "\\u0000"}', "\u0000", ""]) {
      // As React's client encodes a FormData argument: its fields under "_1_" (the "$K1" reference's prefix). Under
      // "1_" the action got an empty form and answered "Choose a backup file." without reading the file.
      const form = new FormData();
      form.append("_1_file", new Blob([content]), "backup.json");
      form.append("_1_digest", "0".repeat(64));
      form.append("0", '["$K1"]');
      const response = await send(action, form, `file ${JSON.stringify(content.slice(0, 40))}`);
      // The file itself was read (and refused for what it holds), not left out of the form.
      const reason = (response.result as { data?: { reason?: unknown } } | null)?.data?.reason;
      if (reason === "Choose a backup file.") failures.push(`${action.name} file ${JSON.stringify(content.slice(0, 40))}: the file did not reach the action`);
    }
  }

  // The batch cell actions: hostile values inside each cell of the batch, a cell too many, 100,000 cells,
  // unknown fields and wrong ids. Each must be refused as a whole (the snapshot check above) or be valid.
  for (const action of actions.filter((a) => /CellsAction$/.test(a.name))) {
    const [{ edits }] = BASES[action.name] as [{ edits: Record<string, unknown>[] }];
    const cell = edits[0];
    // 100,000 cells: refused by the request's size before it is read; 5,001 (small enough to be read): in words.
    const before = await snapshot();
    const huge = await callAction(baseURL!, action, encodeArgs([{ edits: Array.from({ length: 100_000 }, () => cell) }]));
    expect(huge.status, `${action.name} 100,000 cells`).toBe(413);
    const many = await callAction(baseURL!, action, encodeArgs([{ edits: Array.from({ length: 5001 }, () => cell) }]));
    expect(many.result, `${action.name} 5,001 cells`).toEqual({ ok: false, formError: "At most 5,000 cells at once.", fieldErrors: {} });
    expect(await snapshot()).toBe(before);
    const variants: unknown[] = [
      { edits: Array.from({ length: 100_000 }, () => cell) },
      { edits: [cell, { ...cell, field: "no_such_field" }] },
      { edits: [cell, { ...cell, field: "__proto__" }] },
      { edits: [cell, { ...cell, id: 987654321 }] },
      { edits: [cell, { ...cell, id: -1 }] },
      { edits: [cell, { ...cell, value: { object: "as a value" } }] },
      { edits: [cell, { ...cell, value: ["array"] }] },
      { edits: [cell, cell] },
      { edits: {} },
      { edits: [cell], extra: true },
    ];
    for (const key of Object.keys(cell)) for (const h of HOSTILE) variants.push({ edits: [cell, { ...cell, [key]: h }] });
    for (const input of variants) await send(action, encodeArgs([input]), `batch ${encodeArgs([input]).slice(0, 100)}`);
  }

  console.log(`fuzz: ${sent} requests over ${actions.length} actions, ${refusals} refused, ${failures.length} failures`);
  expect(failures).toEqual([]);
  expect(sent).toBeGreaterThanOrEqual(1000);
  // The responses were read: nearly every hostile request is refused by its action.
  expect(refusals).toBeGreaterThan(sent * 0.8);
});
