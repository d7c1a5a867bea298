/**
 * PostgreSQL names as the editor accepts them: lower snake_case, starting with a letter or underscore,
 * at most 63 bytes (NAMEDATALEN - 1). Shared by forms (client) and SQL quoting (server).
 */
export const IDENTIFIER_PATTERN = /^[a-z_][a-z0-9_]*$/;
export const MAX_IDENTIFIER_BYTES = 63;

export function identifierProblem(name: string): string | null {
  if (name.length === 0) return "Enter a name.";
  if (new TextEncoder().encode(name).length > MAX_IDENTIFIER_BYTES) return `At most ${MAX_IDENTIFIER_BYTES} bytes.`;
  if (!IDENTIFIER_PATTERN.test(name)) {
    return "Use lower-case letters, digits and underscores, starting with a letter or underscore (snake_case).";
  }
  return null;
}
