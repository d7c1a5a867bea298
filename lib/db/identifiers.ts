import { escapeLiteral } from "pg";
import { identifierProblem } from "../schemas/identifier";

/** The one way a name enters SQL: validated, then double-quoted (pg's escapeIdentifier algorithm). */
export function quoteIdent(name: string): string {
  const problem = identifierProblem(name);
  if (problem) throw new Error(`Invalid identifier "${name}": ${problem}`);
  return `"${name.replace(/"/g, '""')}"`;
}

/**
 * A text constant inside generated DDL, where PostgreSQL takes no $n parameters (COMMENT ON … IS, CREATE TYPE …
 * AS ENUM): pg's escapeLiteral, which doubles quotes and switches to E'' when a backslash is present.
 */
export function quoteLiteral(value: string): string {
  if (value.includes("\0")) throw new Error("A text constant cannot contain a NUL character.");
  return escapeLiteral(value);
}
