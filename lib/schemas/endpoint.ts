import { z } from "zod";
import { HTTP_METHODS } from "./enums";
import { intText, longText, MAX_LONG_TEXT, requiredText } from "./fields";
import { jsonText, jsonTextOf } from "./json-text";
import { boolField, castsOf, enumField, field, kindsOf, labelsOf, schemaOf, entityFields } from "./registry";
import { say, vmsg } from "../i18n/messages";

export const ENDPOINT_NAME_PATTERN = /^[a-z][a-z0-9_]*$/;
export const MAX_TIMEOUT_MS = 3_600_000;

/** Empty strings are left to the required check, so each field reports one problem. */
const httpUrl = requiredText(500, "Base URL").superRefine((value, ctx) => {
  if (value === "") return;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    ctx.addIssue({ code: "custom", message: vmsg("notUrl") });
    return;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    ctx.addIssue({ code: "custom", message: vmsg("urlScheme") });
  }
});

const OBJECT = { error: () => say("server.jsonObject") };
// jsonTextOf prefixes the key ("windowMs: …"), so the messages below do not repeat it.
const numberEg = (example: string) => ({ error: () => say("server.numberEg", { example }) });
const whole = { error: () => say("server.wholeNumberLower") };
const zeroOrMore = { error: () => say("server.zeroOrMore") };
const positiveInt = z.number(numberEg("1000")).int(whole).positive({ error: () => say("server.positiveWhole") });
const wholeFromZero = z.number(numberEg("3")).int(whole).min(0, zeroOrMore);
const fromZero = z.number(numberEg("1000")).min(0, zeroOrMore);
const word = (example: string) => {
  const message = { error: () => say("server.textEg", { example }) };
  return z.string(message).trim().min(1, message);
};

// Light checks, shaped by the spec's examples: the keys it names are typed when present, any other key passes.
export const headersValue = z.record(z.string().max(200), z.string({ error: () => say("server.headerValuesText") }).max(10_000), OBJECT);
export const authConfigValue = z.looseObject(
  { type: word("Bearer").optional(), tokenField: word("access_token").optional(), refreshUrl: word("/oauth/token").optional() },
  OBJECT,
);
export const rateLimitConfigValue = z.looseObject({ maxRequests: positiveInt.optional(), windowMs: positiveInt.optional() }, OBJECT);
export const retryConfigValue = z.looseObject(
  { maxRetries: wholeFromZero.optional(), backoff: word("exponential").optional(), initialDelay: fromZero.optional() },
  OBJECT,
);

const timeoutText = intText.refine(
  (v) => !/^-?\d+$/.test(v) || (Number(v) >= 1 && Number(v) <= MAX_TIMEOUT_MS),
  { error: () => say("server.timeoutRange", { max: MAX_TIMEOUT_MS }) },
);

/** The spec's examples (its COMMENTs) for auth, rate limit and retry; the others are illustrations. */
export const ENDPOINT_JSON_HINTS: Record<string, string> = {
  headers: '{"Accept": "application/vnd.github+json", "User-Agent": "myapp"}',
  auth_config: '{"type": "Bearer", "tokenField": "access_token", "refreshUrl": "/oauth/token"}',
  rate_limit_config: '{"maxRequests": 100, "windowMs": 60000}',
  retry_config: '{"maxRetries": 3, "backoff": "exponential", "initialDelay": 1000}',
  cache_config: '{"ttlMs": 300000}',
  request_mapping: '{"username": "login"}',
  response_mapping: '{"login": "username", "avatar_url": "avatarUrl"}',
};

const json = (label: string, schema: z.ZodString, name: string) => field("json", label, schema, { hint: ENDPOINT_JSON_HINTS[name] });

/** mappings_api_endpoint's editable fields, declared once (see registry.ts). */
export const ENDPOINT_FIELDS = entityFields("endpoint", {
  endpoint_name: field(
    "required",
    "Endpoint name",
    requiredText(100, "Endpoint name").regex(
      ENDPOINT_NAME_PATTERN,
      { error: () => say("server.endpointName") },
    ),
    { max: 100, width: 210, hint: "e.g. github_user_api" },
  ),
  base_url: field("required", "Base URL", httpUrl, { max: 500, width: 280, hint: "e.g. https://api.github.com" }),
  method: enumField("Method", HTTP_METHODS, "::_metadata.http_method_enum", { width: 100 }),
  headers: json("Headers", jsonTextOf(headersValue), "headers"),
  auth_config: json("Auth config", jsonTextOf(authConfigValue), "auth_config"),
  rate_limit_config: json("Rate limit config", jsonTextOf(rateLimitConfigValue), "rate_limit_config"),
  timeout_ms: field("int", "Timeout (ms)", timeoutText, { width: 130, hint: "1 to 3,600,000; empty for none" }),
  retry_config: json("Retry config", jsonTextOf(retryConfigValue), "retry_config"),
  cache_config: json("Cache config", jsonText("object"), "cache_config"),
  request_mapping: json("Request mapping", jsonText(), "request_mapping"),
  response_mapping: json("Response mapping", jsonText(), "response_mapping"),
  description: field("text", "Description", longText, { max: MAX_LONG_TEXT, width: 260 }),
  is_active: boolField("Active", { width: 80 }),
});

export const endpointSchema = schemaOf(ENDPOINT_FIELDS);
export type EndpointInput = z.input<typeof endpointSchema>;
export type EndpointValues = z.output<typeof endpointSchema>;
export type EndpointField = keyof EndpointValues;
export const ENDPOINT_FIELD_KINDS = kindsOf(ENDPOINT_FIELDS);
export const ENDPOINT_LABELS = labelsOf(ENDPOINT_FIELDS);
export const ENDPOINT_SQL_CASTS = castsOf(ENDPOINT_FIELDS);

export const ENDPOINT_JSON_FIELDS = [
  "headers",
  "auth_config",
  "rate_limit_config",
  "retry_config",
  "cache_config",
  "request_mapping",
  "response_mapping",
] as const satisfies readonly EndpointField[];
export type EndpointJsonField = (typeof ENDPOINT_JSON_FIELDS)[number];

/** New endpoint: the column defaults of the spec (GET, 30000 ms, active). */
export const endpointDefaults: EndpointValues = {
  endpoint_name: "",
  base_url: "",
  method: "GET",
  headers: "",
  auth_config: "",
  rate_limit_config: "",
  timeout_ms: "30000",
  retry_config: "",
  cache_config: "",
  request_mapping: "",
  response_mapping: "",
  description: "",
  is_active: true,
};
