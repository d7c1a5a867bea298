import { cookies, headers } from "next/headers";
import { LOCALE_COOKIE, pickLocale, type Locale } from "./locale";

/** The locale of the request being served (page or server action); English outside a request (CLI, tests). */
export async function requestLocale(): Promise<Locale> {
  try {
    const [jar, head] = await Promise.all([cookies(), headers()]);
    return pickLocale(jar.get(LOCALE_COOKIE)?.value, head.get("accept-language"));
  } catch {
    return "en";
  }
}
