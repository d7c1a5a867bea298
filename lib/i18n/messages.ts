import { createTranslator } from "next-intl";
import { catalogs, type Messages } from "./catalogs";
import { browserLocale } from "./browser-locale";
import { DEFAULT_LOCALE, type Locale } from "./locale";

/**
 * Translation for code that runs outside React: the zod schemas (shared by the browser's forms and the
 * server actions), the field registries and the messages lib/ throws. Their messages are produced when a
 * value is checked or an error made, in the locale in force then: in the browser, the page's (set once by
 * <MessagesLocale> in browser-locale.ts); on the server, the request's: for a synchronous parse (inLocale), or across
 * the awaits of a whole action (lib/i18n/locale-scope.ts, which keeps it per request). Elsewhere (CLI, tests) English
 * unless the CLI chose a language.
 */
/** inLocale's locale while its synchronous check runs. */
let scoped: Locale | null = null;
/** The server's per-request locale (an AsyncLocalStorage lookup registered by locale-scope.ts). */
let ambient: () => Locale | undefined = () => undefined;

/** Registers where the locale of the work in progress is kept (server only: locale-scope.ts). */
export function setAmbientLocale(source: () => Locale | undefined) {
  ambient = source;
}

const active = (): Locale => scoped ?? ambient() ?? browserLocale() ?? DEFAULT_LOCALE;

const translators = {
  en: createTranslator({ locale: "en", messages: catalogs.en }),
  ko: createTranslator({ locale: "ko", messages: catalogs.ko }),
};

export type ValidationKey = keyof Messages["validation"];

/** A validation message in the current locale. */
export function vmsg(key: ValidationKey, values?: Record<string, string | number>): string {
  return translators[active()](`validation.${key}`, values as never);
}

/** Any catalog message by its full key ("fields.table.label"), in the current locale; `fallback` when absent. */
export function catalogMessage(key: string, fallback: string, locale: Locale = active()): string {
  const t = translators[locale];
  return t.has(key as never) ? t(key as never) : fallback;
}

/** Any UI message by its key, in the current locale: for helpers outside React (a hook would use useTranslations). */
export function say(key: Parameters<(typeof translators)["en"]>[0], values?: Record<string, string | number>): string {
  return translators[active()](key, values as never);
}

export const currentLocale = () => active();

/** Runs a synchronous check (a zod parse) with its messages in `locale`. */
export function inLocale<T>(locale: Locale, run: () => T): T {
  const previous = scoped;
  scoped = locale;
  try {
    return run();
  } finally {
    scoped = previous;
  }
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
export function translateLabel(english: string, locale: Locale = active()): string {
  if (locale === "en") return english;
  const key = labelKeyOf(english);
  return key ? catalogMessage(key, english, locale) : english;
}
