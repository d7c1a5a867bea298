/**
 * The validation of one field, as data: the zod source printer (zod-source.ts) and the live preview's
 * runtime builder (zod-runtime.ts) both read it, so the preview validates exactly as the generated code does.
 * Messages are made here, from the column's label, in Korean when the label is Korean.
 */
import { memo } from "./memo";

export type RuleBase = "string" | "int" | "intString" | "number" | "boolean" | "datetime" | "date" | "time" | "uuid" | "json" | "enum";

export type Check =
  | { kind: "minLength" | "maxLength" | "min" | "max"; value: number; message: string }
  | { kind: "pattern"; value: string; message: string }
  | { kind: "email" | "int" | "intString"; message: string }
  | { kind: "digits"; precision: number; scale: number; message: string };

export interface FieldRule {
  name: string;
  base: RuleBase;
  list: boolean;
  /** In a list: may an item be null ([String] rather than [String!]). */
  itemNullable: boolean;
  required: boolean;
  /** When a required value is missing (null or undefined). */
  requiredMessage: string;
  /** When the value is of the wrong type (or not one of the options). */
  typeMessage: string;
  values?: string[];
  checks: Check[];
}

const HANGUL = /[\u3131-\u318E\uAC00-\uD7A3]/;

export interface Messages {
  required: string;
  invalid: string;
  minLength: (n: number) => string;
  maxLength: (n: number) => string;
  pattern: string;
  email: string;
  min: (n: number) => string;
  max: (n: number) => string;
  int: string;
  digits: (p: number, s: number) => string;
  option: string;
}

/** The same label always gives the same messages (shared, never mutated). */
export const messagesFor = memo(messagesOf);

function messagesOf(label: string): Messages {
  if (HANGUL.test(label)) {
    return {
      required: `${label}은(는) 필수 항목입니다.`,
      invalid: `${label}의 값이 올바르지 않습니다.`,
      minLength: (n) => `${label}은(는) ${n}자 이상이어야 합니다.`,
      maxLength: (n) => `${label}은(는) ${n}자 이하여야 합니다.`,
      pattern: `${label}의 형식이 올바르지 않습니다.`,
      email: `${label}은(는) 올바른 이메일 주소여야 합니다.`,
      min: (n) => `${label}은(는) ${n} 이상이어야 합니다.`,
      max: (n) => `${label}은(는) ${n} 이하여야 합니다.`,
      int: `${label}은(는) 정수여야 합니다.`,
      digits: (p, s) => `${label}은(는) 전체 ${p}자리, 소수점 이하 ${s}자리까지 입력할 수 있습니다.`,
      option: `${label}: 목록에 있는 값을 선택하세요.`,
    };
  }
  return {
    required: `${label} is required.`,
    invalid: `${label}: enter a valid value.`,
    minLength: (n) => `${label} must be at least ${n} characters.`,
    maxLength: (n) => `${label} must be at most ${n} characters.`,
    pattern: `${label} is not in the expected format.`,
    email: `${label} must be a valid e-mail address.`,
    min: (n) => `${label} must be at least ${n}.`,
    max: (n) => `${label} must be at most ${n}.`,
    int: `${label} must be a whole number.`,
    digits: (p, s) => `${label} allows ${p} digits, ${s} after the decimal point.`,
    option: `${label}: choose one of the options.`,
  };
}

/** numeric(p,s): at most p-s digits before the point and s after (what PostgreSQL would round or refuse). */
export function fitsDigits(v: number, precision: number, scale: number): boolean {
  return Math.abs(v) < 10 ** (precision - scale) && Number(v.toFixed(scale)) === v;
}

/** A 64-bit integer as a decimal string (JSON cannot carry it as a number without loss). */
export const INT_STRING = /^-?(0|[1-9][0-9]{0,18})$/;

/** Any JSON value (what a JSON/JSONB column holds): plain objects, arrays, strings, finite numbers, booleans, null. */
export function isJsonValue(v: unknown): boolean {
  if (v === null || typeof v === "string" || typeof v === "boolean") return true;
  if (typeof v === "number") return Number.isFinite(v);
  if (Array.isArray(v)) return v.every(isJsonValue);
  return typeof v === "object" && Object.getPrototypeOf(v) === Object.prototype && Object.values(v as object).every(isJsonValue);
}
