import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { BASE_PATH } from "./lib/base-path";

export { BASE_PATH };

const nextConfig: NextConfig = {
  basePath: BASE_PATH,
  poweredByHeader: false,
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
