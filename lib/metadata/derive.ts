/**
 * Derived defaults for new metadata (pure, used by forms in the browser and by the server):
 * names in GraphQL's conventions, GraphQL and form types from PostgreSQL types, labels from names.
 */

import { currentLocale } from "../i18n/messages";
import type { Locale } from "../i18n/locale";
import { koreanLabelFor } from "./korean-labels";

/**
 * The words of a name: split at underscores (and other non-alphanumerics) and, in a mixed-case name, where a word
 * starts in camelCase or PascalCase (createdAt → created, At; AlbumID → Album, ID; HTMLPage → HTML, Page).
 * A lower-case name is split at its underscores only.
 */
export function nameWords(name: string): string[] {
  return name
    .split(/[^A-Za-z0-9]+/)
    .flatMap((w) => w.split(/(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])/))
    .filter(Boolean);
}

/** users → User, order_items → OrderItem, categories → Category, createdAt → CreatedAt, AlbumId → AlbumId. */
export function pascalCase(name: string): string {
  return nameWords(name)
    .map((w) => w[0].toUpperCase() + w.slice(1).toLowerCase())
    .join("");
}

/**
 * A mixed-case name in lower snake_case, for the names the editor suggests (a foreign-key column, a junction
 * table) and for recognising what a name means (AlbumId is an id, createdAt a creation time): User → user,
 * createdAt → created_at, AlbumId → album_id. A name without capitals is returned as it is.
 */
export function snakeCase(name: string): string {
  if (!/[A-Z]/.test(name)) return name;
  return nameWords(name).map((w) => w.toLowerCase()).join("_");
}

export function singular(word: string): string {
  if (/ies$/i.test(word)) return word.slice(0, -3) + "y";
  if (/(xes|ches|shes|sses|zzes|uses)$/i.test(word)) return word.slice(0, -2);
  if (/(ss|us|is)$/i.test(word)) return word;
  if (/s$/i.test(word)) return word.slice(0, -1);
  return word;
}

/** The GraphQL type suggested for a table: singular PascalCase (order_items → OrderItem). */
export function graphqlTypeForTable(tableName: string): string {
  const parts = tableName.split("_").filter(Boolean);
  if (parts.length === 0) return "";
  parts[parts.length - 1] = singular(parts[parts.length - 1]);
  return pascalCase(parts.join("_"));
}

/** created_at → createdAt, AlbumId → albumId. */
export function camelCase(name: string): string {
  const pascal = pascalCase(name);
  return pascal ? pascal[0].toLowerCase() + pascal.slice(1) : "";
}

/**
 * user_id → "User id", id → "ID", createdAt → "Created at", AlbumID → "Album ID"; in Korean (the page's language by
 * default) a suggestion for common names (user_id or userId → "사용자 ID", created_at → "생성일시"), else the
 * English derivation.
 */
export function labelFor(name: string, locale: Locale = currentLocale()): string {
  if (locale === "ko") {
    const suggested = koreanLabelFor(snakeCase(name));
    if (suggested) return suggested;
  }
  if (name === "id") return "ID";
  // A capitalised word of a camelCase name reads in lower case (createdAt → created at); an acronym stays.
  const words = name
    .split(/[_\s]+/)
    .flatMap((w) => (/[A-Z]/.test(w) ? nameWords(w).map((x) => (/^[A-Z][a-z]/.test(x) ? x.toLowerCase() : x)) : [w]))
    .filter(Boolean)
    .join(" ");
  return words ? words[0].toUpperCase() + words.slice(1) : "";
}

/** "VARCHAR(255)[]" → { base: "VARCHAR", array: true }; spellings normalized to upper case. */
export function parsePgType(pgType: string): { base: string; array: boolean } {
  // A type is at most 100 characters (columnSchema); the dialogs call this on every keystroke of any paste,
  // so the patterns below only ever see a bounded string.
  const trimmed = pgType.trim().slice(0, 200).toUpperCase();
  // "_int4" is how the catalog (udt_name) spells int4[].
  const underscoreArray = /^_[A-Z]/.test(trimmed);
  const array = /\[\]\s*$/.test(trimmed) || underscoreArray;
  const base = (underscoreArray ? trimmed.slice(1) : trimmed)
    .replace(/(\[\])+\s*$/, "")
    .replace(/\(.*\)/, "")
    .replace(/\s+/g, " ")
    .trim();
  return { base, array };
}

const GRAPHQL_SCALARS: [RegExp, string][] = [
  [/^(SMALLINT|INT2|INTEGER|INT|INT4|SERIAL|SERIAL4|SMALLSERIAL|SERIAL2)$/, "Int"],
  [/^(BIGINT|INT8|BIGSERIAL|SERIAL8)$/, "BigInt"],
  [/^(REAL|FLOAT4|DOUBLE PRECISION|FLOAT8|FLOAT|NUMERIC|DECIMAL|MONEY)$/, "Float"],
  [/^(BOOLEAN|BOOL)$/, "Boolean"],
  [/^(TIMESTAMPTZ|TIMESTAMP|TIMESTAMP WITH TIME ZONE|TIMESTAMP WITHOUT TIME ZONE)$/, "DateTime"],
  [/^DATE$/, "Date"],
  [/^(JSON|JSONB)$/, "JSON"],
  [/^UUID$/, "ID"],
];

/** The GraphQL type for a column: ids (id, *_id) of integer type are ID; arrays become lists. */
export function graphqlTypeFor(pgType: string, columnName = ""): string {
  const { base, array } = parsePgType(pgType);
  let scalar = GRAPHQL_SCALARS.find(([re]) => re.test(base))?.[1] ?? "String";
  const name = snakeCase(columnName);
  if ((name === "id" || name.endsWith("_id")) && (scalar === "Int" || scalar === "BigInt")) scalar = "ID";
  return array ? `[${scalar}]` : scalar;
}

export const FORM_TYPES = [
  "text",
  "textarea",
  "email",
  "password",
  "url",
  "tel",
  "number",
  "checkbox",
  "select",
  "radio",
  "date",
  "datetime",
  "time",
  "json",
  "file",
  "hidden",
] as const;

/** The form control for a column, from its name first (email, password, url, phone), then its type. */
export function formTypeFor(pgType: string, column = "", hasEnumOptions = false): string {
  const { base, array } = parsePgType(pgType);
  const columnName = snakeCase(column);
  if (hasEnumOptions) return "select";
  // Name hints apply to text only: email_verified (BOOLEAN) is a checkbox, not an e-mail input.
  const textual = base === "" || /^(VARCHAR|CHARACTER VARYING|CHARACTER|CHAR|BPCHAR|TEXT|CITEXT|NAME)$/.test(base);
  if (textual && !array) {
    if (/(^|_)e?mail($|_)|email/.test(columnName)) return "email";
    if (/password|passwd|secret/.test(columnName)) return "password";
    if (/(^|_)(url|website|homepage|link)($|_)/.test(columnName)) return "url";
    if (/(^|_)(phone|tel|mobile|fax)($|_)/.test(columnName)) return "tel";
  }
  if (array || base === "JSON" || base === "JSONB") return "json";
  if (/^(BOOLEAN|BOOL)$/.test(base)) return "checkbox";
  if (/^(SMALLINT|INT2|INTEGER|INT|INT4|BIGINT|INT8|REAL|FLOAT4|FLOAT8|FLOAT|DOUBLE PRECISION|NUMERIC|DECIMAL|MONEY)$/.test(base)) return "number";
  if (/SERIAL/.test(base)) return "hidden";
  if (base === "DATE") return "date";
  if (/^TIMESTAMP/.test(base)) return "datetime";
  if (/^TIME/.test(base)) return "time";
  if (base === "TEXT") return "textarea";
  return "text";
}

/** Common PostgreSQL types offered by pickers (any type the server knows is accepted). */
export const COMMON_PG_TYPES = [
  "BIGSERIAL",
  "SERIAL",
  "BIGINT",
  "INTEGER",
  "SMALLINT",
  "NUMERIC(12,2)",
  "REAL",
  "DOUBLE PRECISION",
  "BOOLEAN",
  "VARCHAR(50)",
  "VARCHAR(100)",
  "VARCHAR(255)",
  "TEXT",
  "UUID",
  "DATE",
  "TIME",
  "TIMESTAMPTZ",
  "TIMESTAMP",
  "JSONB",
  "JSON",
  "BYTEA",
  "INET",
  "TEXT[]",
] as const;

/** Everything a new column gets from its name and type (the user may change any of it). */
export function deriveColumnDefaults(pgColumn: string, pgType: string, label?: string, locale: Locale = currentLocale()) {
  return {
    graphql_field: camelCase(pgColumn),
    graphql_type: graphqlTypeFor(pgType, pgColumn),
    form_type: formTypeFor(pgType, pgColumn),
    label: label?.trim() || labelFor(pgColumn, locale),
    is_primary_key: pgColumn === "id",
    is_required: pgColumn === "id",
  };
}
