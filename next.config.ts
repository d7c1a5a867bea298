import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { BASE_PATH } from "./lib/base-path";
import { isLoopback } from "./lib/http/perimeter";

export { BASE_PATH };

const nextConfig: NextConfig = {
  basePath: BASE_PATH,
  poweredByHeader: false,
  // Compressing costs the server's one thread CPU on every answer: a fresh page load's 15 scripts and stylesheet
  // took 310 ms of its CPU gzipped against 154 ms as they are (measured at load 18), while the browser waited for
  // them to hydrate the page. On loopback (start.ts's default HOST) the bytes cost nothing; served to a network
  // (HOST not loopback), the answers are compressed as before.
  compress: !isLoopback(process.env.HOST || "127.0.0.1"),
  // Prettier (generated code) loads its parsers itself: bundling it would break that.
  serverExternalPackages: ["prettier"],
  // `next build` checks the app's code only; tests and scripts are checked by `npm run typecheck`.
  typescript: { tsconfigPath: "tsconfig.next.json" },
  // A backup uploaded for restore goes through a server action; with its history it easily passes Next's 1 MB.
  // The proxy (proxy.ts) buffers what it passes on up to proxyClientMaxBodySize and silently cuts the rest, so
  // it must hold the largest action body; the proxy refuses each action's oversized requests itself, by
  // Content-Length, before anything is buffered (lib/actions/body-limit.ts).
  experimental: { serverActions: { bodySizeLimit: "64mb" }, proxyClientMaxBodySize: "64mb" },
  // The editor is used as a local tool; a typed-routes or image pipeline buys nothing here.
  async redirects() {
    return [{ source: "/", destination: BASE_PATH, basePath: false, permanent: false }];
  },
  // The Playwright and CLI folders are not part of the app bundle.
  outputFileTracingExcludes: { "*": [".data/**", "e2e/**", "test/**"] },
};

// next-intl without i18n routing: i18n/request.ts picks the locale from the cookie or Accept-Language.
export default createNextIntlPlugin("./i18n/request.ts")(nextConfig);
