// The import attribute: Node's own ESM loader (Playwright loads lib/ through the e2e specs) requires it for JSON.
import en from "../../messages/en.json" with { type: "json" };
import ko from "../../messages/ko.json" with { type: "json" };
import type { Locale } from "./locale";

/** The message catalogs. English is the reference: every key it has, Korean has too (lib/i18n/catalogs.test.ts). */
export const catalogs: Record<Locale, typeof en> = { en, ko };
export type Messages = typeof en;
