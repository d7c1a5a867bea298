import type en from "../messages/en.json";
import type { Locale } from "../lib/i18n/locale";

// Every t("…") key is checked against the English catalog by the compiler.
declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: typeof en;
  }
}
