import { headers } from "next/headers";

/**
 * The browser's first `Intl.NumberFormat` loads ICU's number data: 30–200 ms of the main thread in a fresh tab at
 * load 6–9 (Chromium 156; most runs 30–65 ms; PluralRules ~2 ms). The message formatter pays it on the first message with a value
 * (intl-messageformat's resolveLocale asks NumberFormat.supportedLocalesOf; a plural's `#` formats with
 * NumberFormat), and that is during hydration, after every script has arrived: on the critical path of each page.
 * Done here, from the HTML, while the browser waits for those scripts, it is off that path; the formatter then finds
 * the data loaded. Nothing is formatted, nothing changes on the page. A task of its own (setTimeout), not an idle
 * callback: on the Drift page the main thread had no idle period before hydration, and the callback ran after it.
 */
export const INTL_WARM_UP = `setTimeout(function(){try{new Intl.NumberFormat(document.documentElement.lang||undefined).format(1)}catch(e){}})`;

/** The page's policy allows scripts by nonce only (proxy.ts): the script carries it. */
export async function IntlWarmUp() {
  const policy = (await headers()).get("content-security-policy") ?? "";
  const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
  return <script nonce={nonce} suppressHydrationWarning dangerouslySetInnerHTML={{ __html: INTL_WARM_UP }} />;
}
