import { getRequestConfig } from "next-intl/server";
import { catalogs } from "@/lib/i18n/catalogs";
import { requestLocale } from "@/lib/i18n/request-locale";

// next-intl without i18n routing: the locale comes from the language cookie or Accept-Language, not the URL.
export default getRequestConfig(async () => {
  const locale = await requestLocale();
  return { locale, messages: catalogs[locale], timeZone: "UTC" };
});
