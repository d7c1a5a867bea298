/**
 * The UI's languages and how a request picks one: the cookie the language switch sets, else the browser's
 * Accept-Language (first supported tag by preference), else English. Pure: used by i18n/request.ts, by
 * server actions (lib/i18n/request-locale.ts) and by the tests.
 */
export const LOCALES = ["en", "ko"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";
export const LOCALE_COOKIE = "metadata_editor_locale";

export const isLocale = (value: unknown): value is Locale => typeof value === "string" && (LOCALES as readonly string[]).includes(value);

/** The supported language an Accept-Language header prefers most ("ko-KR,ko;q=0.9,en;q=0.8" → ko). */
export function localeFromAcceptLanguage(header: string | null | undefined): Locale | null {
  if (!header) return null;
  const ranked = header
    .slice(0, 500)
    .split(",")
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(";");
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { base: tag.trim().toLowerCase().split("-")[0], q: q === undefined ? 1 : Number(q), index };
    })
    .filter((r) => r.q > 0 && isLocale(r.base))
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return ranked.length > 0 ? (ranked[0].base as Locale) : null;
}

export function pickLocale(cookie: string | null | undefined, acceptLanguage: string | null | undefined): Locale {
  if (isLocale(cookie)) return cookie;
  return localeFromAcceptLanguage(acceptLanguage) ?? DEFAULT_LOCALE;
}

/**
 * A terminal's language, as POSIX resolves it for messages: the first set of LC_ALL, LC_MESSAGES, LANG
 * ("ko_KR.UTF-8" → ko); English otherwise. The CLI's `--locale` wins over it (cliLocale).
 */
export function localeFromEnv(env: Record<string, string | undefined>): Locale {
  const value = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v && v.trim() !== "") ?? "";
  const base = value.toLowerCase().split(/[_.@-]/)[0];
  return isLocale(base) ? base : DEFAULT_LOCALE;
}

/** `--locale ko` (or `--locale=ko`) from a command line, else the environment's; null for an unknown value. */
export function cliLocale(args: string[], env: Record<string, string | undefined>): Locale | null {
  const i = args.findIndex((a) => a === "--locale" || a.startsWith("--locale="));
  if (i < 0) return localeFromEnv(env);
  const value = args[i].startsWith("--locale=") ? args[i].slice("--locale=".length) : args[i + 1];
  return isLocale(value) ? value : null;
}
