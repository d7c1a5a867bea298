/**
 * A column default as the user means it. pg_constraints.default is an SQL expression (it reaches DDL after the
 * server parsed it), but people type values: `ACTIVE` means the text 'ACTIVE', not a column named ACTIVE.
 * Kept as SQL: numbers, true / false / NULL, a quoted constant ('x', with '' for a quote), the CURRENT_* /
 * LOCAL* keywords, and anything with parentheses or a cast (now(), gen_random_uuid(), '{}'::jsonb).
 * Everything else becomes a text constant, its quotes doubled. The help every default field shows says so:
 * messages/*.json grid.defaultQuoting.
 */
const KEYWORDS = /^(true|false|null|current_timestamp|current_date|current_time|localtimestamp|localtime|current_user|session_user)$/i;
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const QUOTED = /^'(?:[^']|'')*'$/;

export function defaultExpression(typed: string): string {
  const text = typed.trim();
  if (text === "" || NUMBER.test(text) || KEYWORDS.test(text) || QUOTED.test(text) || text.includes("(") || text.includes("::")) return text;
  return `'${text.replace(/'/g, "''")}'`;
}
