import { vmsg } from "../i18n/messages";

/**
 * PostgreSQL names as the editor accepts them: ASCII letters of either case, digits and underscores, starting
 * with a letter or underscore, at most 63 bytes (NAMEDATALEN - 1). Case-sensitive: every name is always
 * double-quoted in SQL (quoteIdent), so `User` and `user` are two tables, as Prisma and Chinook make them.
 * Shared by forms (client) and SQL quoting (server).
 */
export const IDENTIFIER_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** IDENTIFIER_PATTERN with its length bound, for names inside JSON values (checks, indexes, constraints). */
export const BOUNDED_IDENTIFIER_PATTERN = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;
export const MAX_IDENTIFIER_BYTES = 63;

/**
 * Whether `name` is a name the editor accepts, without the message: for the import's and the drift's checks of
 * 100,000 catalog and metadata names. The pattern is ASCII, so its length in characters is its length in bytes.
 */
export function isIdentifier(name: unknown): name is string {
  return typeof name === "string" && name.length <= MAX_IDENTIFIER_BYTES && IDENTIFIER_PATTERN.test(name);
}

export function identifierProblem(name: string): string | null {
  if (name.length === 0) return vmsg("enterName");
  if (new TextEncoder().encode(name).length > MAX_IDENTIFIER_BYTES) return vmsg("atMostBytes", { max: MAX_IDENTIFIER_BYTES });
  if (!IDENTIFIER_PATTERN.test(name)) {
    return vmsg("identifierChars");
  }
  return null;
}
