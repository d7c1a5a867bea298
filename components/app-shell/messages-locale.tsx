"use client";

import { setBrowserLocale } from "@/lib/i18n/browser-locale";

/** Puts the page's language into the schemas' messages (lib/i18n/messages.ts reads it) before any form validates. */
export function MessagesLocale({ locale }: { locale: string }) {
  setBrowserLocale(locale);
  return null;
}
