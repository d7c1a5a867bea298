import { describe, expect, it } from "vitest";
import { HTTP_METHODS } from "./enums";
import {
  ENDPOINT_FIELD_KINDS,
  ENDPOINT_JSON_FIELDS,
  ENDPOINT_JSON_HINTS,
  endpointDefaults,
  endpointSchema,
  type EndpointValues,
} from "./endpoint";
import { fromDbValue, toDbValue, toFormValue } from "./fields";

const valid: EndpointValues = { ...endpointDefaults, endpoint_name: "github_user_api", base_url: "https://api.github.com" };

/** The first message of a failed parse by field (what the form shows). */
function problems(values: Partial<Record<keyof EndpointValues, unknown>>): Record<string, string> {
  const result = endpointSchema.safeParse({ ...valid, ...values });
  const found: Record<string, string> = {};
  for (const issue of result.error?.issues ?? []) found[issue.path.join(".")] ??= issue.message;
  return found;
}

const NAME = "Lower-case letters, digits and underscores, starting with a letter, e.g. github_user_api.";

describe("endpointSchema", () => {
  it("accepts the defaults plus a name and URL, and the seed's (and the hints') JSON examples", () => {
    expect(endpointSchema.parse(valid)).toEqual(valid);
    expect(problems({ ...ENDPOINT_JSON_HINTS })).toEqual({});
    expect(problems({ timeout_ms: "", description: "" })).toEqual({});
  });

  it("trims the name and URL", () => {
    expect(endpointSchema.parse({ ...valid, endpoint_name: " github_user_api ", base_url: " https://api.github.com/v3 " })).toMatchObject({
      endpoint_name: "github_user_api",
      base_url: "https://api.github.com/v3",
    });
  });

  it.each([
    ["GithubUserApi", NAME],
    ["_github", NAME],
    ["1api", NAME],
    ["github-user-api", NAME],
    ["github user", NAME],
    ["", "Endpoint name is required."],
    ["   ", "Endpoint name is required."],
    ["a".repeat(101), "At most 100 characters."],
  ])("endpoint_name %j is refused: %s", (name, message) => {
    expect(problems({ endpoint_name: name })).toEqual({ endpoint_name: message });
  });

  it.each(["github_user_api", "api2", "a", "a".repeat(100)])("endpoint_name %j is accepted", (name) => {
    expect(problems({ endpoint_name: name })).toEqual({});
  });

  it.each([
    ["", "Base URL is required."],
    ["api.github.com", "Not a URL: write it in full, e.g. https://api.github.com"],
    ["not a url", "Not a URL: write it in full, e.g. https://api.github.com"],
    ["https://", "Not a URL: write it in full, e.g. https://api.github.com"],
    ["ftp://files.example.com", "The URL must start with http:// or https://."],
    ["javascript:alert(1)", "The URL must start with http:// or https://."],
    [`https://example.com/${"a".repeat(481)}`, "At most 500 characters."],
  ])("base_url %j is refused: %s", (url, message) => {
    expect(problems({ base_url: url })).toEqual({ base_url: message });
  });

  it.each(["http://localhost:8080", "https://api.github.com/users/{username}", "https://example.com/v1?x=1"])("base_url %j is accepted", (url) => {
    expect(problems({ base_url: url })).toEqual({});
  });

  it("method is one of the seed's enum values", () => {
    for (const method of HTTP_METHODS) expect(problems({ method })).toEqual({});
    expect(problems({ method: "get" })).toEqual({ method: "Choose a method: GET, POST, PUT, DELETE, PATCH." });
    expect(problems({ method: "" })).toEqual({ method: "Choose a method: GET, POST, PUT, DELETE, PATCH." });
  });

  it.each([
    ["0", "Between 1 and 3,600,000 ms."],
    ["-5", "Between 1 and 3,600,000 ms."],
    ["3600001", "Between 1 and 3,600,000 ms."],
    ["1.5", "A whole number."],
    ["abc", "A whole number."],
  ])("timeout_ms %j is refused: %s", (timeout, message) => {
    expect(problems({ timeout_ms: timeout })).toEqual({ timeout_ms: message });
  });

  it("timeout_ms from 1 to an hour, or empty", () => {
    for (const t of ["1", "30000", "3600000", " 5000 ", ""]) expect(problems({ timeout_ms: t })).toEqual({});
  });

  it("malformed JSON is refused on every JSON field, with the parser's reason", () => {
    for (const f of ENDPOINT_JSON_FIELDS) expect(problems({ [f]: '{"a": ' })[f]).toMatch(/^Not valid JSON: /);
  });

  it("headers: an object of text values", () => {
    expect(problems({ headers: '{"Accept": "application/json"}' })).toEqual({});
    expect(problems({ headers: '{"X-Retries": 3}' })).toEqual({ headers: "X-Retries: header values are text." });
    expect(problems({ headers: '["Accept"]' })).toEqual({ headers: "Must be a JSON object: { ... }" });
  });

  it("auth, rate limit, retry and cache configs are objects", () => {
    for (const f of ["auth_config", "rate_limit_config", "retry_config", "cache_config"] as const) {
      expect(problems({ [f]: "[1]" })).toEqual({ [f]: "Must be a JSON object: { ... }" });
      expect(problems({ [f]: "42" })).toEqual({ [f]: "Must be a JSON object: { ... }" });
      expect(problems({ [f]: "{}" })).toEqual({});
    }
  });

  it("rate_limit_config: maxRequests and windowMs are positive whole numbers; other keys pass", () => {
    expect(problems({ rate_limit_config: '{"maxRequests": 0, "windowMs": 60000}' })).toEqual({ rate_limit_config: "maxRequests: a positive whole number." });
    expect(problems({ rate_limit_config: '{"maxRequests": 100, "windowMs": 1.5}' })).toEqual({ rate_limit_config: "windowMs: a whole number." });
    expect(problems({ rate_limit_config: '{"maxRequests": "100"}' })).toEqual({ rate_limit_config: "maxRequests: a number, e.g. 1000." });
    expect(problems({ rate_limit_config: '{"maxRequests": 10, "burst": 5}' })).toEqual({});
  });

  it("retry_config: maxRetries ≥ 0 whole, backoff text, initialDelay ≥ 0", () => {
    expect(problems({ retry_config: '{"maxRetries": 0, "backoff": "linear", "initialDelay": 0}' })).toEqual({});
    expect(problems({ retry_config: '{"maxRetries": -1}' })).toEqual({ retry_config: "maxRetries: 0 or more." });
    expect(problems({ retry_config: '{"maxRetries": 2.5}' })).toEqual({ retry_config: "maxRetries: a whole number." });
    expect(problems({ retry_config: '{"backoff": 2}' })).toEqual({ retry_config: "backoff: text, e.g. exponential." });
    expect(problems({ retry_config: '{"initialDelay": -100}' })).toEqual({ retry_config: "initialDelay: 0 or more." });
  });

  it("auth_config: type, tokenField and refreshUrl are text", () => {
    expect(problems({ auth_config: '{"type": 1}' })).toEqual({ auth_config: "type: text, e.g. Bearer." });
    expect(problems({ auth_config: '{"type": "ApiKey", "header": "X-API-Key"}' })).toEqual({});
  });

  it("request and response mappings take any JSON object or array", () => {
    expect(problems({ request_mapping: '{"username": "login"}', response_mapping: '[{"from": "a", "to": "b"}]' })).toEqual({});
    expect(problems({ response_mapping: '"login"' })).toEqual({ response_mapping: "Must be a JSON object or array" });
  });
});

describe("endpoint field kinds", () => {
  it("every field of the schema has a kind, and every JSON field a hint", () => {
    expect(Object.keys(ENDPOINT_FIELD_KINDS).sort()).toEqual(Object.keys(endpointSchema.shape).sort());
    expect(Object.entries(ENDPOINT_FIELD_KINDS).filter(([, k]) => k === "json").map(([f]) => f).sort()).toEqual([...ENDPOINT_JSON_FIELDS].sort());
    expect(Object.keys(ENDPOINT_JSON_HINTS).sort()).toEqual([...ENDPOINT_JSON_FIELDS].sort());
  });

  it("the seed's examples are the hints for auth, rate limit and retry", () => {
    expect(ENDPOINT_JSON_HINTS.auth_config).toBe('{"type": "Bearer", "tokenField": "access_token", "refreshUrl": "/oauth/token"}');
    expect(ENDPOINT_JSON_HINTS.rate_limit_config).toBe('{"maxRequests": 100, "windowMs": 60000}');
    expect(ENDPOINT_JSON_HINTS.retry_config).toBe('{"maxRetries": 3, "backoff": "exponential", "initialDelay": 1000}');
  });

  it("grid values become form values and database parameters", () => {
    expect(toFormValue(ENDPOINT_FIELD_KINDS.timeout_ms, 5000)).toBe("5000");
    expect(toFormValue(ENDPOINT_FIELD_KINDS.timeout_ms, null)).toBe("");
    expect(toDbValue(ENDPOINT_FIELD_KINDS.timeout_ms, "5000")).toBe(5000);
    expect(toDbValue(ENDPOINT_FIELD_KINDS.timeout_ms, "")).toBeNull();
    expect(toDbValue(ENDPOINT_FIELD_KINDS.method, "POST")).toBe("POST");
    expect(toDbValue(ENDPOINT_FIELD_KINDS.is_active, false)).toBe(false);
    expect(toDbValue(ENDPOINT_FIELD_KINDS.headers, ' {"Accept": "x"} ')).toBe('{"Accept":"x"}');
    expect(fromDbValue(ENDPOINT_FIELD_KINDS.rate_limit_config, { maxRequests: 100 })).toBe('{\n  "maxRequests": 100\n}');
    expect(fromDbValue(ENDPOINT_FIELD_KINDS.description, null)).toBe("");
  });
});
