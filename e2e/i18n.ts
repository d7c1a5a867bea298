import { readFileSync } from "node:fs";
import { expect, type Locator, type Page } from "@playwright/test";

/**
 * The e2e suite's one way to be a browser in a language and to read the UI's texts: the Korean (or English)
 * browser (its Accept-Language and navigator.language; the app picks the language from it without a cookie),
 * the catalog's text for a key, and the check that a part of the page shows no English word.
 */
export type Locale = "en" | "ko";

/** For test.use(): a browser whose language is `locale`. */
export const browserIn = (locale: Locale) => ({ locale: locale === "ko" ? "ko-KR" : "en-US" });
export const koreanBrowser = browserIn("ko");

/** The page is in `locale`: <html lang> says so. */
export async function expectPageIn(page: Page, locale: Locale) {
  await expect(page.locator("html")).toHaveAttribute("lang", locale);
}

// Read as files: the specs run under Node's own loader, as the app's catalogs are (messages/*.json).
const catalogs = Object.fromEntries((["en", "ko"] as const).map((l) => [l, JSON.parse(readFileSync(`messages/${l}.json`, "utf8"))]));

/** A UI text by its catalog key ("tables.new"), in `locale`, with {name}-style values filled in. */
export function catalogText(locale: Locale, key: string, values: Record<string, string> = {}): string {
  const value = key.split(".").reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], catalogs[locale]);
  if (typeof value !== "string") throw new Error(`no message ${key}`);
  return value.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? `{${name}}`);
}

/**
 * English UI words that were once left in the Korean UI. Checked in what a person reads and what a screen
 * reader says (text, aria-label, placeholder, title); the spec's JSON examples (hints) are code, not words.
 */
export const ENGLISH =
  /\b(Endpoint|endpoints?|Headers?|Auth|Rate limit|Retry|Cache|Request|Response|mapping|Method|Timeout|Description|Active|Create|Cancel|Save|Saving|Delete|Remove|Add|Filter|Choose|none|Valid|Empty|Option|Pattern|Min|Max|length|compiles|Must|relations? shown|tables|selected|columns)\b/;

/** Every text a person (or a screen reader) gets from `scope`, except code examples (<code>, font-mono hints). */
export async function wordsIn(scope: Locator): Promise<string[]> {
  return scope.evaluate((root) => {
    const out: string[] = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (n.parentElement?.closest("code, [data-example], option[value]:not([value=''])")) continue;
      if (n.textContent?.trim()) out.push(n.textContent.trim());
    }
    for (const el of root.querySelectorAll("[aria-label], [placeholder], [title]")) {
      for (const a of ["aria-label", "placeholder", "title"]) {
        const v = el.getAttribute(a);
        if (v) out.push(v);
      }
    }
    return out;
  });
}

/** `scope` shows no word of ENGLISH (nor of `more`, the words a page's own findings once said). */
export async function expectNoEnglish(scope: Locator, more?: RegExp) {
  const english = (await wordsIn(scope)).filter((text) => ENGLISH.test(text) || (more?.test(text) ?? false));
  expect(english).toEqual([]);
}
