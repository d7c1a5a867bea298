"use client";

import { Monitor, Moon, Sun } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { BASE_PATH } from "@/lib/base-path";
import { LOCALE_COOKIE, LOCALES, type Locale } from "@/lib/i18n/locale";
import { preferenceCookie, THEME_COOKIE, THEMES, type Theme } from "@/lib/i18n/theme";
import { useTheme } from "./theme-context";

const LANGUAGE_NAMES: Record<Locale, string> = { en: "English", ko: "한국어" };
const THEME_ICONS = { system: Monitor, light: Sun, dark: Moon } as const;

/** The language switch and the theme toggle (header, every page and the wizard). */
export function Preferences() {
  const t = useTranslations("prefs");
  const locale = useLocale();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const { theme, setTheme } = useTheme();
  const [choice, setChoice] = useState(locale);

  function chooseLanguage(next: Locale) {
    setChoice(next);
    document.cookie = preferenceCookie(LOCALE_COOKIE, next, BASE_PATH);
    // The server renders every text (and <html lang>) in the cookie's language.
    startTransition(() => router.refresh());
  }

  const nextTheme: Theme = THEMES[(THEMES.indexOf(theme) + 1) % THEMES.length];
  const Icon = THEME_ICONS[theme];
  const themeName = { system: t("themeSystem"), light: t("themeLight"), dark: t("themeDark") };
  return (
    <div className="flex items-center gap-2">
      <label className="flex items-center gap-1 text-xs text-zinc-600">
        <span className="sr-only">{t("language")}</span>
        <select
          value={choice}
          disabled={pending}
          onChange={(e) => chooseLanguage(e.target.value as Locale)}
          className="rounded-md border border-zinc-300 bg-white px-2 py-1 text-xs text-zinc-800"
        >
          {LOCALES.map((l) => (
            <option key={l} value={l} lang={l}>
              {LANGUAGE_NAMES[l]}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        onClick={() => {
          setTheme(nextTheme);
          document.cookie = preferenceCookie(THEME_COOKIE, nextTheme, BASE_PATH);
        }}
        title={`${t("theme")}: ${themeName[theme]}`}
        aria-label={`${t("theme")}: ${themeName[theme]}`}
        className="inline-flex size-8 items-center justify-center rounded-md border border-zinc-300 bg-white text-zinc-700 hover:bg-zinc-100"
      >
        <Icon aria-hidden className="size-4" />
      </button>
    </div>
  );
}
