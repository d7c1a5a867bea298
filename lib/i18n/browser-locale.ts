import { isLocale, type Locale } from "./locale";

/**
 * The browser's page language, set by <MessagesLocale> as the root layout renders (before any page below it
 * renders or validates). Kept apart from messages.ts, which reads it: the root layout is in every page, and
 * messages.ts brings both message catalogs (~90 kB of script) that only pages with forms or lib/ messages need.
 */
let pageLocale: Locale | undefined;

/** The server never calls this (it scopes with inLocale / the request's locale). */
export function setBrowserLocale(locale: string) {
  if (typeof window !== "undefined" && isLocale(locale)) pageLocale = locale;
}

export const browserLocale = (): Locale | undefined => pageLocale;
