import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { CELL_SAVE_BODY_LIMIT, jsonRouteLimit, sameOrigin } from "../lib/http/json-route";
import { freshDatabase, type FreshDatabase } from "./helpers/db";

/**
 * The grids' cell route (app/cell/[entity]/route.ts), called as Next calls it: the perimeter a server action has
 * (same origin, JSON, a body limit) refuses before anything is read or saved, and behind it the answer is exactly
 * the grid's inline-edit action's (the zod check and its words, the row version's conflict, the saved row),
 * with PostgreSQL's own text never in it. e2e/fuzz-actions.spec.ts and e2e/perimeter.spec.ts send the same over
 * HTTP to the production build, through the proxy.
 */
type Post = (request: Request, context: { params: Promise<{ entity: string }> }) => Promise<Response>;

describe("the grids' cell route", () => {
  let db: FreshDatabase;
  let POST: Post;
  let updateTableFieldAction: (input: unknown) => Promise<unknown>;
  let endPool: () => Promise<void>;
  let tableId: number;

  beforeAll(async () => {
    db = await freshDatabase({ init: true });
    await db.client.query("INSERT INTO _metadata.project (id, project_id, project_name, root_path) VALUES (1, 'cells', 'Cells', '/tmp/cells')");
    tableId = (await db.client.query<{ id: number }>("INSERT INTO _metadata.mappings_table (table_name, label) VALUES ('orders', 'Orders') RETURNING id::int")).rows[0].id;
    vi.stubEnv("DATABASE_URL", db.url);
    vi.resetModules();
    POST = (await import("../app/cell/[entity]/route")).POST as Post;
    updateTableFieldAction = (await import("../lib/actions/cell-saves")).updateTableFieldAction;
    const pool = await import("../lib/db/pool");
    endPool = async () => {
      await pool.getPool().end();
      delete (globalThis as Record<symbol, unknown>)[Symbol.for("metadata-editor.pool")];
    };
  });
  afterAll(async () => {
    await endPool?.();
    vi.unstubAllEnvs();
    await db?.drop();
  });

  const ORIGIN = "http://127.0.0.1:20100";
  const post = (entity: string, body: BodyInit, headers: Record<string, string> = {}) => {
    const text = typeof body === "string" ? body : null;
    const request = new Request(`${ORIGIN}/metadata-editor/cell/${entity}`, {
      method: "POST",
      headers: {
        Host: "127.0.0.1:20100",
        Origin: ORIGIN,
        "Content-Type": "application/json",
        ...(text !== null ? { "Content-Length": String(Buffer.byteLength(text)) } : {}),
        ...headers,
      },
      body,
    });
    return POST(request, { params: Promise.resolve({ entity }) });
  };
  const row = async () =>
    (
      await db.client.query<{ label: string; v: string }>(
        `SELECT label, to_char(updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS v FROM _metadata.mappings_table WHERE id = $1`,
        [tableId],
      )
    ).rows[0];

  it("saves one cell and answers the action's result: the saved row with its new version", async () => {
    const before = await row();
    const response = await post("tables", JSON.stringify({ id: tableId, rowVersion: before.v, field: "label", value: "Purchases" }));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const result = (await response.json()) as { ok: boolean; data: { id: number; label: string; rowVersion: string } };
    const after = await row();
    expect(result).toMatchObject({ ok: true, data: { id: tableId, label: "Purchases" } });
    expect(after.label).toBe("Purchases");
    expect(result.data.rowVersion).not.toBe(before.v);
  });

  it("answers exactly what the action answers: refusals in its words, the conflict with the row as it is", async () => {
    const { v } = await row();
    const inputs: unknown[] = [
      { id: tableId, rowVersion: v, field: "label", value: "가".repeat(300) },
      { id: tableId, rowVersion: v, field: "table_name", value: "Bad Name!" },
      { id: tableId, rowVersion: v, field: "no_such_field", value: "x" },
      { id: tableId, rowVersion: v, field: "__proto__", value: "x" },
      { id: tableId, rowVersion: v, field: "label", value: { object: 1 } },
      { id: tableId, rowVersion: "9".repeat(1000), field: "label", value: "x" },
      { id: tableId, rowVersion: "2001-01-01T00:00:00.000000Z", field: "label", value: "Late" },
      { id: 987654321, rowVersion: v, field: "label", value: "Gone" },
      { id: -1, rowVersion: v, field: "label", value: "x" },
      [],
      null,
      "text",
    ];
    for (const input of inputs) {
      const response = await post("tables", JSON.stringify(input));
      expect(response.status).toBe(200);
      const text = await response.text();
      expect(JSON.parse(text), JSON.stringify(input).slice(0, 80)).toEqual(JSON.parse(JSON.stringify(await updateTableFieldAction(input))));
      expect(JSON.parse(text)).toMatchObject({ ok: false });
      expect(text).not.toMatch(/violates|invalid input syntax|ERROR:|\n\s+at /);
    }
    const conflict = (await (await post("tables", JSON.stringify(inputs[6]))).json()) as { conflict: { label: string } };
    expect(conflict.conflict.label).toBe("Purchases");
    expect((await row()).label).toBe("Purchases");
  });

  it("refuses another origin, a missing one, a body that is not JSON, too large or of unknown length, before anything is read", async () => {
    const before = await row();
    const body = JSON.stringify({ id: tableId, rowVersion: before.v, field: "label", value: "Refused" });
    const cases: [string, Promise<Response>, number][] = [
      ["another origin", post("tables", body, { Origin: "https://evil.example" }), 403],
      ["another port", post("tables", body, { Origin: "http://127.0.0.1:1" }), 403],
      ["an opaque origin", post("tables", body, { Origin: "null" }), 403],
      ["no origin", post("tables", body, { Origin: "" }), 403],
      ["forwarded for another host", post("tables", body, { "X-Forwarded-Host": "editor.example" }), 403],
      ["text/plain", post("tables", body, { "Content-Type": "text/plain;charset=UTF-8" }), 415],
      ["multipart", post("tables", body, { "Content-Type": "multipart/form-data; boundary=x" }), 415],
      ["JSON in another charset", post("tables", body, { "Content-Type": "application/json; charset=utf-16" }), 415],
      ["a length over 1 MB", post("tables", body, { "Content-Length": String(1024 * 1024 + 1) }), 413],
      ["a malformed length", post("tables", body, { "Content-Length": "12abc" }), 413],
      ["not JSON", post("tables", "{not json"), 400],
      ["not UTF-8", post("tables", new Uint8Array([0x22, 0xff, 0x22]), { "Content-Length": "3" }), 400],
      ["no such grid", post("nothing", body), 404],
      ["a prototype's name", post("__proto__", body), 404],
    ];
    for (const [what, response, status] of cases) {
      const answered = await response;
      expect(answered.status, what).toBe(status);
      expect(answered.headers.get("content-type"), what).toMatch(/^text\/plain/);
    }
    expect(await row()).toEqual(before);
  });

  it("GET only loads the route (the grids' warm-up): 204, no body, nothing saved", async () => {
    const before = await row();
    const { GET } = (await import("../app/cell/[entity]/route")) as unknown as { GET: () => Promise<Response> };
    const response = await GET();
    expect(response.status).toBe(204);
    expect(await response.text()).toBe("");
    expect(await row()).toEqual(before);
  });

  it("accepts the editor's origin behind a proxy that forwards its host, and Host with the scheme's default port", async () => {
    const { v } = await row();
    const forwarded = await post("tables", JSON.stringify({ id: tableId, rowVersion: v, field: "label", value: "Forwarded" }), {
      Origin: "https://editor.example",
      "X-Forwarded-Host": "editor.example",
    });
    expect(forwarded.status).toBe(200);
    const { v: v2 } = await row();
    const defaultPort = await post("tables", JSON.stringify({ id: tableId, rowVersion: v2, field: "label", value: "Default port" }), {
      Origin: "http://localhost",
      Host: "localhost:80",
    });
    expect(defaultPort.status).toBe(200);
    expect((await row()).label).toBe("Default port");
  });
});

describe("the JSON route perimeter's parts", () => {
  it("the proxy checks the cell route's POSTs, and nothing else", () => {
    expect(jsonRouteLimit("POST", "/cell/tables")).toBe(CELL_SAVE_BODY_LIMIT);
    expect(jsonRouteLimit("POST", "/cell/anything/")).toBe(CELL_SAVE_BODY_LIMIT);
    expect(jsonRouteLimit("GET", "/cell/tables")).toBeNull();
    expect(jsonRouteLimit("POST", "/tables")).toBeNull();
    expect(jsonRouteLimit("POST", "/cell/tables/1")).toBeNull();
  });
  it.each([
    [{ origin: "http://127.0.0.1:3000", host: "127.0.0.1:3000" }, true],
    [{ origin: "http://LOCALHOST:3000", host: "localhost:3000" }, true],
    [{ origin: "https://editor.example", host: "127.0.0.1:3000", "x-forwarded-host": "editor.example, proxy.internal" }, true],
    [{ origin: "http://localhost", host: "localhost:80" }, true],
    [{ origin: "https://localhost", host: "localhost:443" }, true],
    [{ origin: "http://localhost:3001", host: "localhost:3000" }, false],
    [{ origin: "http://localhost", host: "localhost:443" }, false],
    [{ origin: "http://evil.example", host: "localhost:3000" }, false],
    [{ origin: "null", host: "localhost:3000" }, false],
    [{ origin: "file:///etc/passwd", host: "" }, false],
    [{ origin: "not a url", host: "localhost:3000" }, false],
    [{ host: "localhost:3000" }, false],
    [{ origin: "http://localhost:3000" }, false],
  ])("sameOrigin(%j) is %s", (headers, expected) => {
    expect(sameOrigin(new Headers(headers as Record<string, string>))).toBe(expected);
  });
});
