import { identifierProblem } from "../schemas/identifier";

/** The one way a name enters SQL: validated, then double-quoted (pg's escapeIdentifier algorithm). */
export function quoteIdent(name: string): string {
  const problem = identifierProblem(name);
  if (problem) throw new Error(`Invalid identifier "${name}": ${problem}`);
  return `"${name.replace(/"/g, '""')}"`;
}
