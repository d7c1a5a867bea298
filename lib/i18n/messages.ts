import { createTranslator } from "next-intl";
import { catalogs, type Messages } from "./catalogs";
import { DEFAULT_LOCALE, isLocale, type Locale } from "./locale";

/**
 * Translation for code that runs outside React: the zod schemas (shared by the browser's forms and the
 * server actions) and the field registries. Their messages are produced when a value is checked, in the
 * locale in force then: in the browser, the page's (set once by <MessagesLocale>); on the server, the
 * request's, for the duration of a synchronous parse (inLocale, used by lib/actions/result.ts). Elsewhere
 * (CLI, tests) English.
 */
let current: Locale = DEFAULT_LOCALE;

const translators = {
  en: createTranslator({ locale: "en", messages: catalogs.en }),
  ko: createTranslator({ locale: "ko", messages: catalogs.ko }),
};

export type ValidationKey = keyof Messages["validation"];

/** A validation message in the current locale. */
export function vmsg(key: ValidationKey, values?: Record<string, string | number>): string {
  return translators[current](`validation.${key}`, values as never);
}

/** Any catalog message by its full key ("fields.table.label"), in the current locale; `fallback` when absent. */
export function catalogMessage(key: string, fallback: string, locale: Locale = current): string {
  const t = translators[locale];
  return t.has(key as never) ? t(key as never) : fallback;
}

/** Any UI message by its key, in the current locale: for helpers outside React (a hook would use useTranslations). */
export function say(key: Parameters<(typeof translators)["en"]>[0], values?: Record<string, string | number>): string {
  return translators[current](key, values as never);
}

export const currentLocale = () => current;

/** Runs a synchronous check (a zod parse) with its messages in `locale`. */
export function inLocale<T>(locale: Locale, run: () => T): T {
  const previous = current;
  current = locale;
  try {
    return run();
  } finally {
    current = previous;
  }
}

/** The browser's page locale (one per page load; the server never calls this, it scopes with inLocale). */
export function setBrowserLocale(locale: string) {
  if (typeof window !== "undefined" && isLocale(locale)) current = locale;
}

// English label → its key, from the field catalogs (fields.<entity>.<name>) and the extra labels (labels.*):
// messages that name a field ("Table name is required.") were given the English label.
let labelKeys: Map<string, string> | null = null;
function labelKeyOf(english: string): string | undefined {
  if (!labelKeys) {
    labelKeys = new Map();
    for (const [entity, fields] of Object.entries(catalogs.en.fields)) {
      for (const [name, label] of Object.entries(fields)) if (!labelKeys.has(label)) labelKeys.set(label, `fields.${entity}.${name}`);
    }
    for (const [name, label] of Object.entries(catalogs.en.labels)) labelKeys.set(label, `labels.${name}`);
  }
  return labelKeys.get(english);
}

/** An English field label in the current locale (itself when the catalogs do not know it). */
export function translateLabel(english: string, locale: Locale = current): string {
  if (locale === "en") return english;
  const key = labelKeyOf(english);
  return key ? catalogMessage(key, english, locale) : english;
}
