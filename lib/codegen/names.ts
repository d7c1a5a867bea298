import { say } from "../i18n/messages";
import { parsePgType } from "../metadata/derive";

/** GraphQL's Name production; names starting with "__" are reserved for introspection. */
export const GRAPHQL_NAME = /^[_A-Za-z][_0-9A-Za-z]*$/;

const ENUM_VALUE_RESERVED = new Set(["true", "false", "null"]);

/**
 * The GraphQL enum value for each stored option value: the value itself when it is a GraphQL name, else the value
 * with every run of other characters made "_" (PG-13 → PG_13, as PostGraphile does), "_" before a leading digit,
 * true/false/null in capitals, and VALUE_n (its position) when nothing is left (활성). The SDL says which stored
 * value each renamed one stands for (@value). Two options that end up with one name are the caller's problem.
 */
export function enumValueNames(values: readonly string[]): string[] {
  return values.map((value, i) => {
    if (GRAPHQL_NAME.test(value) && !value.startsWith("__") && !ENUM_VALUE_RESERVED.has(value)) return value;
    const word = value.replace(/[^_0-9A-Za-z]+/g, "_").replace(/^_+|_+$/g, "");
    if (!word) return `VALUE_${i + 1}`;
    if (ENUM_VALUE_RESERVED.has(word)) return word.toUpperCase();
    return /^[0-9]/.test(word) ? `_${word}` : word;
  });
}

/** `what` is what the name names, said in the current language only when there is a problem (this runs per column). */
export function graphqlNameProblem(name: string, what: "field" | "relationField" | "type"): string | null {
  if (!GRAPHQL_NAME.test(name)) return say("codegen.notName", { what: say(`codegen.what.${what}`), name });
  if (name.startsWith("__")) return say("codegen.reservedName", { what: say(`codegen.what.${what}`), name });
  return null;
}

export const BUILTIN_SCALARS = ["ID", "String", "Int", "Float", "Boolean"] as const;
/** Custom scalars the generated schema declares (only those it uses). */
export const CUSTOM_SCALARS = ["BigInt", "DateTime", "Date", "Time", "JSON"] as const;
export type ScalarName = (typeof BUILTIN_SCALARS)[number] | (typeof CUSTOM_SCALARS)[number];
export const SCALARS: readonly string[] = [...BUILTIN_SCALARS, ...CUSTOM_SCALARS];
/** Type names a table may not take: the root types and the scalars. */
export const RESERVED_TYPE_NAMES = new Set([...SCALARS, "Query", "Mutation", "Subscription"]);

/** TypeScript for each scalar as it travels in JSON (64-bit integers and dates as strings). */
export const TS_SCALARS: Record<ScalarName, string> = {
  ID: "string",
  String: "string",
  Int: "number",
  Float: "number",
  Boolean: "boolean",
  BigInt: "string",
  DateTime: "string",
  Date: "string",
  Time: "string",
  JSON: "unknown",
};

/** A GraphQL type reference as written in graphql_type: String, Int!, [ID], [String!]!. */
export interface TypeRef {
  name: string;
  list: boolean;
  itemNonNull: boolean;
  nonNull: boolean;
}

export function parseTypeRef(text: string): TypeRef | null {
  const m = /^\s*(\[\s*([_A-Za-z][_0-9A-Za-z]*)\s*(!?)\s*\]|([_A-Za-z][_0-9A-Za-z]*))\s*(!?)\s*$/.exec(text);
  if (!m) return null;
  return m[2]
    ? { name: m[2], list: true, itemNonNull: m[3] === "!", nonNull: m[5] === "!" }
    : { name: m[4], list: false, itemNonNull: false, nonNull: m[5] === "!" };
}

/** PostgreSQL type facts the validators need: base name, array, (n) or (p,s). */
export interface PgInfo {
  base: string;
  array: boolean;
  length: number | null;
  precision: number | null;
  scale: number | null;
}

export function pgInfo(pgType: string): PgInfo {
  const { base, array } = parsePgType(pgType);
  const m = /\(\s*(\d+)\s*(?:,\s*(\d+)\s*)?\)/.exec(pgType);
  const first = m ? Number(m[1]) : null;
  const numeric = /^(NUMERIC|DECIMAL)$/.test(base);
  return {
    base,
    array,
    length: !numeric && /^(VARCHAR|CHARACTER VARYING|CHARACTER|CHAR|BPCHAR)$/.test(base) ? (first ?? (base.startsWith("CHAR") || base === "BPCHAR" ? 1 : null)) : null,
    precision: numeric ? first : null,
    scale: numeric && m ? Number(m[2] ?? 0) : null,
  };
}

export const INTEGER_RANGES: Record<string, [number, number]> = {
  SMALLINT: [-32768, 32767],
  INT2: [-32768, 32767],
  SMALLSERIAL: [1, 32767],
  SERIAL2: [1, 32767],
  INTEGER: [-2147483648, 2147483647],
  INT: [-2147483648, 2147483647],
  INT4: [-2147483648, 2147483647],
  SERIAL: [1, 2147483647],
  SERIAL4: [1, 2147483647],
};
export const isIntegerPg = (base: string) => /^(SMALLINT|INT2|INTEGER|INT|INT4|BIGINT|INT8|SMALLSERIAL|SERIAL2|SERIAL|SERIAL4|BIGSERIAL|SERIAL8)$/.test(base);
export const isSerialPg = (base: string) => /SERIAL/.test(base);

export function pascal(name: string): string {
  return name ? name[0].toUpperCase() + name.slice(1) : name;
}

/** order_items → orderItems (the list query and list back-references). */
export function camelOfSnake(name: string): string {
  const parts = name.split(/[^A-Za-z0-9]+/).filter(Boolean);
  const joined = parts.map((p, i) => (i === 0 ? p[0].toLowerCase() + p.slice(1) : p[0].toUpperCase() + p.slice(1))).join("");
  return /^[0-9]/.test(joined) ? `_${joined}` : joined;
}

export function lowerFirst(name: string): string {
  return name ? name[0].toLowerCase() + name.slice(1) : name;
}
