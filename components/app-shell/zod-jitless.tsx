"use client";

// The CSP (lib/http/perimeter.ts) forbids eval. Zod 4 probes for it with `new Function("")` when it builds an
// object schema; the probe is caught, but Chromium still reports a CSP violation. Jitless schemas never probe.
// Set in zod's global config object (globalThis.__zod_globalConfig, the one z.config() writes; zod adopts it when it
// loads later) rather than by importing zod: the root layout is in every page, and pages without a form then load
// no zod (~110 kB of script). zod-jitless.test.ts checks that zod reads this object.
type WithZodConfig = typeof globalThis & { __zod_globalConfig?: { jitless?: boolean } };
((globalThis as WithZodConfig).__zod_globalConfig ??= {}).jitless = true;

/** Rendered once by the root layout so the setting is made in the browser before any schema is built. */
export function ZodJitless() {
  return null;
}
