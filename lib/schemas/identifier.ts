import { vmsg } from "../i18n/messages";

/**
 * PostgreSQL names as the editor accepts them: lower snake_case, starting with a letter or underscore,
 * at most 63 bytes (NAMEDATALEN - 1). Shared by forms (client) and SQL quoting (server).
 */
export const IDENTIFIER_PATTERN = /^[a-z_][a-z0-9_]*$/;
export const MAX_IDENTIFIER_BYTES = 63;

export function identifierProblem(name: string): string | null {
  if (name.length === 0) return vmsg("enterName");
  if (new TextEncoder().encode(name).length > MAX_IDENTIFIER_BYTES) return vmsg("atMostBytes", { max: MAX_IDENTIFIER_BYTES });
  if (!IDENTIFIER_PATTERN.test(name)) {
    return vmsg("snakeCase");
  }
  return null;
}
