import { z } from "zod";
import { translateLabel, vmsg } from "../i18n/messages";
import { identifierProblem } from "./identifier";

/**
 * How a form value (text or boolean, what inputs hold) becomes a database value. Every editable column of
 * mappings_table / mappings_column / mappings_relation / mappings_api_endpoint has a kind; inline grid edits
 * and full forms both go through the entity's one zod schema and then through toDbValue.
 */
export type FieldKind = "text" | "required" | "bool" | "int" | "json";

/** The longest free text a field takes (descriptions, comments, resolvers), in characters. */
export const MAX_LONG_TEXT = 100_000;

// Lone surrogates (half of a UTF-16 pair) cannot be encoded as UTF-8: PostgreSQL would get U+FFFD instead.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why PostgreSQL could not store this text as typed (NUL, lone surrogate), or null. */
export function unstorableProblem(value: string): string | null {
  if (value.includes("\u0000")) return vmsg("nul");
  if (LONE_SURROGATE.test(value)) return vmsg("surrogate");
  return null;
}

/**
 * Text of at most `max` characters. The length is checked first and stops the checks after it, so every
 * pattern that follows (`.regex`, refinements) only ever sees bounded input.
 */
const stringOf = (max: number, trim: boolean) => {
  const base = z.string({ error: () => vmsg("textExpected") });
  return (trim ? base.trim() : base)
    .max(max, { error: () => vmsg("atMostChars", { max }), abort: true })
    .superRefine((value, ctx) => {
      const problem = unstorableProblem(value);
      if (problem) ctx.addIssue({ code: "custom", message: problem, abort: true });
    });
};
export const boundedString = (max: number) => stringOf(max, false);
/** Text trimmed (linear), then bounded like boundedString. */
export const text = (max: number) => stringOf(max, true);
/** Required text; `what` is the field's English label, translated when the message is made. */
export const requiredText = (max: number, what: string) =>
  text(max).min(1, { error: () => vmsg("required", { label: translateLabel(what) }), abort: true });
export const longText = boundedString(MAX_LONG_TEXT);
export const intText = text(12).regex(/^(-?\d{1,9})?$/, { error: () => vmsg("wholeNumber") });

export const identifier = (what: string) =>
  text(200).superRefine((v, ctx) => {
    const problem = v === "" ? vmsg("required", { label: translateLabel(what) }) : identifierProblem(v);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });
export const optionalIdentifier = text(200).superRefine((v, ctx) => {
  if (v === "") return;
  const problem = identifierProblem(v);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
});

/**
 * A row id, exactly: a positive whole number, or its decimal digits as a form's <select> holds them.
 * "0x10", "1e3", " 5", true and [5] are not ids.
 */
export const idOf = (message: string | (() => string)) => {
  const text = typeof message === "string" ? () => message : message;
  return z.union([z.number(), z.string()], { error: text }).transform((v, ctx) => {
    const n = typeof v === "number" ? v : /^[1-9][0-9]{0,15}$/.test(v) ? Number(v) : NaN;
    if (Number.isSafeInteger(n) && n > 0) return n;
    ctx.addIssue({ code: "custom", message: text() });
    return z.NEVER;
  });
};
export const idValue = idOf(() => vmsg("notRowId"));

// What <input type="datetime-local"> and <input type="date"> hold; years 1 to 9999, as PostgreSQL takes them.
const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,6})?)?)?$/;

/** A local date (and time) that exists in the calendar: 2024-02-30 and +275760-09-13 do not. */
export function isLocalDateTime(value: string): boolean {
  const m = LOCAL_DATE_TIME.exec(value);
  if (!m || m[1] === "0000") return false;
  const [year, month, day, hour = "0", minute = "0", second = "0"] = m.slice(1).map((p) => p ?? "0");
  const d = new Date(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second));
  d.setFullYear(Number(year)); // years below 100 are not 19xx
  return d.getMonth() === Number(month) - 1 && d.getDate() === Number(day) && Number(hour) < 24 && Number(minute) < 60 && Number(second) < 60;
}

/** Empty, or a local date and time (see isLocalDateTime). */
export const dateTimeText = (message: string | (() => string)) =>
  text(40).refine((v) => v === "" || isLocalDateTime(v), typeof message === "string" ? message : { error: message });

// rowVersion: updated_at in UTC (2024-05-01T10:00:00.123456Z) or a row hash (md5); bounded before it is
// looked at, and never echoed back.
const VERSION_PATTERN = /^(\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}(:\d{2}){0,2})|[0-9a-f]{32})$/;
const MALFORMED_VERSION = { error: () => vmsg("versionMalformed") };
/** The concurrency token a form or cell was loaded with. */
export const versionToken = z
  .string(MALFORMED_VERSION)
  .max(40, { ...MALFORMED_VERSION, abort: true })
  .regex(VERSION_PATTERN, MALFORMED_VERSION)
  .refine((v) => v.length === 32 || !Number.isNaN(Date.parse(v.replace(" ", "T").replace(/([+-]\d{2})$/, "$1:00"))), MALFORMED_VERSION);

/** A value from a grid cell (boolean, number, parsed JSON, text or null) → the form's representation. */
export function toFormValue(kind: FieldKind, value: unknown): string | boolean {
  if (kind === "bool") return value === true;
  if (value === null || value === undefined) return "";
  if (kind === "json") return typeof value === "string" ? value : JSON.stringify(value);
  return String(value);
}

/** A validated form value → the query parameter (JSON goes as text: pg would send arrays as PG arrays). */
export function toDbValue(kind: FieldKind, value: string | boolean): unknown {
  if (kind === "bool") return value === true;
  const s = String(value);
  if (kind === "required") return s.trim();
  if (s.trim() === "") return null;
  if (kind === "int") return Number(s);
  if (kind === "json") return JSON.stringify(JSON.parse(s));
  return s;
}

/** A database value → the form's representation. */
export function fromDbValue(kind: FieldKind, value: unknown): string | boolean {
  if (kind === "bool") return value === true;
  if (value === null || value === undefined) return "";
  if (kind === "json") return JSON.stringify(value, null, 2);
  return String(value);
}
