import { beforeEach, describe, expect, it } from "vitest";
import { mutationFailed, parseInlineEdit } from "../lib/actions/result";
import { addColumns } from "../lib/metadata/columns";
import { ConflictError, FieldError } from "../lib/metadata/conflict";
import {
  createEndpoint,
  deleteEndpoint,
  getEndpoint,
  listEndpointNames,
  listEndpoints,
  updateEndpoint,
  type EndpointRow,
} from "../lib/metadata/endpoints";
import { createTable } from "../lib/metadata/tables";
import { ENDPOINT_FIELDS, endpointDefaults, endpointSchema, type EndpointInput } from "../lib/schemas/endpoint";
import { newColumn, rows, tableValues, thrown, useMetadataDb } from "./helpers/metadata";

const ctx = useMetadataDb();
beforeEach(async () => {
  await ctx.pool.query("TRUNCATE _metadata.mappings_api_endpoint RESTART IDENTITY");
});

/** Form values as the New endpoint dialog sends them, through the shared schema. */
const values = (endpoint_name: string, overrides: Partial<EndpointInput> = {}) =>
  endpointSchema.parse({ ...endpointDefaults, endpoint_name, base_url: "https://api.github.com", ...overrides });

const raw = async () =>
  rows(
    ctx.pool,
    `SELECT endpoint_name, base_url, method::text AS method, pg_typeof(method)::text AS method_type, timeout_ms, is_active, description,
            headers, auth_config, rate_limit_config, retry_config, cache_config, request_mapping, response_mapping,
            jsonb_typeof(headers) AS headers_type, jsonb_typeof(request_mapping) AS request_type, jsonb_typeof(response_mapping) AS response_type
       FROM _metadata.mappings_api_endpoint ORDER BY id`,
  );
const count = async () => (await rows<{ n: number }>(ctx.pool, "SELECT count(*)::int AS n FROM _metadata.mappings_api_endpoint"))[0].n;

describe("createEndpoint", () => {
  it("stores every field: JSON objects and arrays as JSONB, the method as the enum", async () => {
    const row = await createEndpoint(
      values("github_user_api", {
        method: "POST",
        headers: '{"Accept": "application/vnd.github+json"}',
        auth_config: '{"type": "Bearer", "tokenField": "access_token", "refreshUrl": "/oauth/token"}',
        rate_limit_config: '{"maxRequests": 100, "windowMs": 60000}',
        timeout_ms: "5000",
        retry_config: '{"maxRetries": 3, "backoff": "exponential", "initialDelay": 1000}',
        cache_config: '{"ttlMs": 300000}',
        request_mapping: '[{"from": "username", "to": "login"}]',
        response_mapping: '{"login": "username"}',
        description: "GitHub 사용자 조회",
        is_active: false,
      }),
      ctx.pool,
    );
    expect(row).toMatchObject({ endpoint_name: "github_user_api", method: "POST", timeout_ms: 5000, is_active: false });
    expect(row.rowVersion).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
    expect(await raw()).toEqual([
      {
        endpoint_name: "github_user_api",
        base_url: "https://api.github.com",
        method: "POST",
        method_type: "_metadata.http_method_enum",
        timeout_ms: 5000,
        is_active: false,
        description: "GitHub 사용자 조회",
        headers: { Accept: "application/vnd.github+json" },
        auth_config: { type: "Bearer", tokenField: "access_token", refreshUrl: "/oauth/token" },
        rate_limit_config: { maxRequests: 100, windowMs: 60000 },
        retry_config: { maxRetries: 3, backoff: "exponential", initialDelay: 1000 },
        cache_config: { ttlMs: 300000 },
        request_mapping: [{ from: "username", to: "login" }],
        response_mapping: { login: "username" },
        headers_type: "object",
        request_type: "array",
        response_type: "object",
      },
    ]);
  });

  it("the form's defaults are the seed's column defaults (GET, 30000 ms, active); empty JSON is NULL", async () => {
    await createEndpoint(values("weather_api"), ctx.pool);
    expect((await raw())[0]).toMatchObject({ method: "GET", timeout_ms: 30000, is_active: true, description: null, headers: null, auth_config: null, request_mapping: null });
  });

  it("a duplicate endpoint_name is a field error, and nothing is inserted", async () => {
    await createEndpoint(values("github_user_api"), ctx.pool);
    const error = await thrown(createEndpoint(values("github_user_api", { base_url: "https://example.com" }), ctx.pool));
    expect(error).toBeInstanceOf(FieldError);
    expect(error).toMatchObject({ field: "endpoint_name", message: "An endpoint named github_user_api already exists." });
    expect(mutationFailed(error)).toEqual({
      ok: false,
      formError: "An endpoint named github_user_api already exists.",
      fieldErrors: { endpoint_name: "An endpoint named github_user_api already exists." },
    });
    expect(await count()).toBe(1);
  });

  it("a bad URL never reaches the database: the schema refuses it, in the form and in a cell edit", async () => {
    const row = await createEndpoint(values("github_user_api"), ctx.pool);
    const before = await raw();
    for (const url of ["api.github.com", "ftp://x.example.com", ""]) {
      expect(endpointSchema.safeParse({ ...endpointDefaults, endpoint_name: "other_api", base_url: url }).success).toBe(false);
      const edit = parseInlineEdit(ENDPOINT_FIELDS, { id: row.id, rowVersion: row.rowVersion, field: "base_url", value: url });
      expect(edit.ok).toBe(false);
    }
    // The column itself would take any text: the schema is the guard.
    expect(await raw()).toEqual(before);
  });

  it("lists endpoints and their names by name", async () => {
    await createEndpoint(values("weather_api"), ctx.pool);
    await createEndpoint(values("github_user_api"), ctx.pool);
    expect((await listEndpoints(ctx.pool)).map((r) => r.endpoint_name)).toEqual(["github_user_api", "weather_api"]);
    expect(await listEndpointNames(ctx.pool)).toEqual(["github_user_api", "weather_api"]);
  });
});

describe("updateEndpoint", () => {
  it("saves the changed fields (casts included) and gives a new version", async () => {
    const row = await createEndpoint(values("github_user_api"), ctx.pool);
    const saved = await updateEndpoint(
      row.id,
      row.rowVersion,
      { method: "PATCH", timeout_ms: "", headers: '{"X-Trace": "1"}', response_mapping: '["login"]', is_active: false },
      ctx.pool,
    );
    expect(saved).toMatchObject({ method: "PATCH", timeout_ms: null, headers: { "X-Trace": "1" }, response_mapping: ["login"], is_active: false, base_url: "https://api.github.com" });
    expect(saved.rowVersion).not.toBe(row.rowVersion);
    expect(await getEndpoint(row.id, ctx.pool)).toEqual(saved);
  });

  it("two browsers: a stale update throws ConflictError with the current row and overwrites nothing", async () => {
    const row = await createEndpoint(values("github_user_api"), ctx.pool);
    const first = await updateEndpoint(row.id, row.rowVersion, { description: "A" }, ctx.pool);
    const error = await thrown(updateEndpoint(row.id, row.rowVersion, { description: "B", timeout_ms: "1000" }, ctx.pool));
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError<EndpointRow>).current).toEqual(first);
    expect(await getEndpoint(row.id, ctx.pool)).toEqual(first);
    // With the current version, the second writer's change goes through.
    expect(await updateEndpoint(row.id, first.rowVersion, { description: "B" }, ctx.pool)).toMatchObject({ description: "B" });
  });

  it("renaming to a taken name is a field error and changes nothing", async () => {
    await createEndpoint(values("weather_api"), ctx.pool);
    const row = await createEndpoint(values("github_user_api"), ctx.pool);
    const error = await thrown(updateEndpoint(row.id, row.rowVersion, { endpoint_name: "weather_api", description: "x" }, ctx.pool));
    expect(error).toMatchObject({ field: "endpoint_name", message: "An endpoint named weather_api already exists." });
    expect(await getEndpoint(row.id, ctx.pool)).toEqual(row);
  });

  it("a rename is carried to the columns that name the endpoint, in the same transaction", async () => {
    const row = await createEndpoint(values("github_user_api"), ctx.pool);
    const users = await createTable(tableValues("users"), ctx.pool);
    await addColumns(users.id, [newColumn("login", "TEXT"), newColumn("avatar", "TEXT"), newColumn("name", "TEXT")], ctx.pool);
    await ctx.pool.query(
      `UPDATE _metadata.mappings_column SET api_endpoints = CASE pg_column
         WHEN 'login' THEN '["weather_api", "github_user_api"]'::jsonb WHEN 'avatar' THEN '{"github_user_api": true}'::jsonb END,
         api_source_path = CASE pg_column WHEN 'avatar' THEN 'github_user_api' WHEN 'name' THEN '/users/{id}' END`,
    );
    await updateEndpoint(row.id, row.rowVersion, { endpoint_name: "github_users" }, ctx.pool);
    expect(await rows(ctx.pool, "SELECT pg_column, api_endpoints, api_source_path FROM _metadata.mappings_column ORDER BY sort_order")).toEqual([
      { pg_column: "login", api_endpoints: ["weather_api", "github_users"], api_source_path: null },
      // Only arrays are lists of names; an object is left as it is.
      { pg_column: "avatar", api_endpoints: { github_user_api: true }, api_source_path: "github_users" },
      { pg_column: "name", api_endpoints: null, api_source_path: "/users/{id}" },
    ]);
  });

  it("an endpoint someone deleted: update and delete throw ConflictError with current = null", async () => {
    const row = await createEndpoint(values("github_user_api"), ctx.pool);
    await deleteEndpoint(row.id, row.rowVersion, ctx.pool);
    for (const attempt of [updateEndpoint(row.id, row.rowVersion, { description: "x" }, ctx.pool), deleteEndpoint(row.id, row.rowVersion, ctx.pool)]) {
      const error = await thrown(attempt);
      expect(error).toBeInstanceOf(ConflictError);
      expect((error as ConflictError<EndpointRow>).current).toBeNull();
    }
  });
});

describe("deleteEndpoint", () => {
  it("with a stale version deletes nothing; with the current one it deletes", async () => {
    const row = await createEndpoint(values("github_user_api"), ctx.pool);
    const changed = await updateEndpoint(row.id, row.rowVersion, { is_active: false }, ctx.pool);
    const error = await thrown(deleteEndpoint(row.id, row.rowVersion, ctx.pool));
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError<EndpointRow>).current).toEqual(changed);
    expect(await count()).toBe(1);
    await deleteEndpoint(row.id, changed.rowVersion, ctx.pool);
    expect(await getEndpoint(row.id, ctx.pool)).toBeNull();
    expect(await count()).toBe(0);
  });
});
