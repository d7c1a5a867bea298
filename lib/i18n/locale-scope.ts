import { AsyncLocalStorage } from "node:async_hooks";
import { z } from "zod";
import korean from "zod/v4/locales/ko.js";
import type { Locale } from "./locale";
import { currentLocale, setAmbientLocale } from "./messages";
import { requestLocale } from "./request-locale";

/**
 * The locale of the work in progress on the server, kept across awaits: a message lib/ makes deep inside an
 * action (a duplicate name found in a transaction, a refused restore) is said in the language of the request
 * that caused it, without passing the locale down every call. Concurrent requests each keep their own.
 * Server only (node:async_hooks); the browser has one locale per page (messages.ts).
 */
const store = new AsyncLocalStorage<Locale>();
setAmbientLocale(() => store.getStore());

/**
 * zod's own messages (a wrong type or shape in a hand-made request, where a schema gives no message of its
 * own) in the same language: zod's Korean catalog inside a Korean request, its English one otherwise. A
 * schema's own message still comes first (zod asks the schema, then this, then its English default).
 */
const koreanIssue = korean().localeError;
z.config({ customError: (issue) => (currentLocale() === "ko" ? koreanIssue(issue) : undefined) });

/** Runs `work` (and everything it awaits) with its messages in `locale`: the CLI's --locale, the tests. */
export function withLocale<T>(locale: Locale, work: () => T): T {
  return store.run(locale, work);
}

/** Runs a server action's or route's work in the language of the request being served. */
export async function inRequestLocale<T>(work: () => Promise<T>): Promise<T> {
  return withLocale(await requestLocale(), work);
}
