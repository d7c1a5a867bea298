import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { cookies } from "next/headers";
import { connection } from "next/server";
import { AppToaster } from "@/components/app-shell/app-toaster";
import { IntlWarmUp } from "@/components/app-shell/intl-warm-up";
import { MessagesLocale } from "@/components/app-shell/messages-locale";
import { SegmentMessages } from "@/components/app-shell/segment-messages";
import { ThemeProvider } from "@/components/app-shell/theme-context";
import { ZodJitless } from "@/components/app-shell/zod-jitless";
import { THEME_COOKIE, themeOf } from "@/lib/i18n/theme";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("app");
  return {
    title: { default: t("name"), template: `%s · ${t("name")}` },
    description: t("description"),
  };
}

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page renders per request, so Next can put the CSP nonce (proxy.ts) on its scripts; a page
  // prerendered at build time would carry scripts the policy refuses.
  await connection();
  const [locale, jar, t] = await Promise.all([getLocale(), cookies(), getTranslations("app")]);
  const theme = themeOf(jar.get(THEME_COOKIE)?.value);
  return (
    <html lang={locale} className={theme === "system" ? undefined : theme} suppressHydrationWarning>
      <body className="min-h-screen font-sans">
        <IntlWarmUp />
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-50 focus:rounded-md focus:bg-blue-700 focus:px-3 focus:py-2 focus:text-sm focus:text-white"
        >
          {t("skipToContent")}
        </a>
        <ZodJitless />
        {/* Only the shell's messages: each segment's layout adds its own (lib/i18n/client-messages.ts). */}
        <SegmentMessages segment="shell">
          <MessagesLocale locale={locale} />
          <ThemeProvider initial={theme}>
            {children}
            <AppToaster />
          </ThemeProvider>
        </SegmentMessages>
      </body>
    </html>
  );
}
