import { z } from "zod";
import { HTTP_METHODS } from "./enums";
import { type FieldKind, intText, longText, requiredText } from "./fields";
import { jsonText, jsonTextOf } from "./json-text";

export const ENDPOINT_NAME_PATTERN = /^[a-z][a-z0-9_]*$/;
export const MAX_TIMEOUT_MS = 3_600_000;

/** Empty strings are left to the required check, so each field reports one problem. */
const httpUrl = requiredText(500, "Base URL").superRefine((value, ctx) => {
  if (value === "") return;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    ctx.addIssue({ code: "custom", message: "Not a URL: write it in full, e.g. https://api.github.com" });
    return;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    ctx.addIssue({ code: "custom", message: "The URL must start with http:// or https://." });
  }
});

const OBJECT = { error: "Must be a JSON object: { ... }" };
// jsonTextOf prefixes the key ("windowMs: …"), so the messages below do not repeat it.
const positiveInt = z.number({ error: "a number, e.g. 1000." }).int("a whole number.").positive("a positive whole number.");
const wholeFromZero = z.number({ error: "a number, e.g. 3." }).int("a whole number.").min(0, "0 or more.");
const fromZero = z.number({ error: "a number, e.g. 1000." }).min(0, "0 or more.");
const word = (example: string) => z.string({ error: `text, e.g. ${example}.` }).trim().min(1, `text, e.g. ${example}.`);

// Light checks, shaped by the seed's examples: the keys it names are typed when present, any other key passes.
export const headersValue = z.record(z.string(), z.string({ error: "header values are text." }), OBJECT);
export const authConfigValue = z.looseObject(
  { type: word("Bearer").optional(), tokenField: word("access_token").optional(), refreshUrl: word("/oauth/token").optional() },
  OBJECT,
);
export const rateLimitConfigValue = z.looseObject({ maxRequests: positiveInt.optional(), windowMs: positiveInt.optional() }, OBJECT);
export const retryConfigValue = z.looseObject(
  { maxRetries: wholeFromZero.optional(), backoff: word("exponential").optional(), initialDelay: fromZero.optional() },
  OBJECT,
);

export const endpointSchema = z.object({
  endpoint_name: requiredText(100, "Endpoint name").regex(
    ENDPOINT_NAME_PATTERN,
    "Lower-case letters, digits and underscores, starting with a letter, e.g. github_user_api.",
  ),
  base_url: httpUrl,
  method: z.enum(HTTP_METHODS, { error: `Choose a method: ${HTTP_METHODS.join(", ")}.` }),
  headers: jsonTextOf(headersValue),
  auth_config: jsonTextOf(authConfigValue),
  rate_limit_config: jsonTextOf(rateLimitConfigValue),
  timeout_ms: intText.refine(
    (v) => !/^-?\d+$/.test(v) || (Number(v) >= 1 && Number(v) <= MAX_TIMEOUT_MS),
    `Between 1 and ${MAX_TIMEOUT_MS.toLocaleString("en-US")} ms.`,
  ),
  retry_config: jsonTextOf(retryConfigValue),
  cache_config: jsonText("object"),
  request_mapping: jsonText(),
  response_mapping: jsonText(),
  description: longText,
  is_active: z.boolean(),
});
export type EndpointInput = z.input<typeof endpointSchema>;
export type EndpointValues = z.output<typeof endpointSchema>;
export type EndpointField = keyof EndpointValues;

export const ENDPOINT_FIELD_KINDS: Record<EndpointField, FieldKind> = {
  endpoint_name: "required",
  base_url: "required",
  method: "required",
  headers: "json",
  auth_config: "json",
  rate_limit_config: "json",
  timeout_ms: "int",
  retry_config: "json",
  cache_config: "json",
  request_mapping: "json",
  response_mapping: "json",
  description: "text",
  is_active: "bool",
};

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

/** The seed's examples (its COMMENTs) for auth, rate limit and retry; the others are illustrations. */
export const ENDPOINT_JSON_HINTS: Record<EndpointJsonField, string> = {
  headers: '{"Accept": "application/vnd.github+json", "User-Agent": "myapp"}',
  auth_config: '{"type": "Bearer", "tokenField": "access_token", "refreshUrl": "/oauth/token"}',
  rate_limit_config: '{"maxRequests": 100, "windowMs": 60000}',
  retry_config: '{"maxRetries": 3, "backoff": "exponential", "initialDelay": 1000}',
  cache_config: '{"ttlMs": 300000}',
  request_mapping: '{"username": "login"}',
  response_mapping: '{"login": "username", "avatar_url": "avatarUrl"}',
};

/** New endpoint: the column defaults of the seed (GET, 30000 ms, active). */
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
