"use client";

import { z } from "zod";

// The CSP (lib/http/perimeter.ts) forbids eval. Zod 4 probes for it with `new Function("")` at its first object
// parse; the probe is caught, but Chromium still reports a CSP violation. Jitless parsing never probes.
z.config({ jitless: true });

/** Rendered once by the root layout so the setting is made in the browser before any form parses. */
export function ZodJitless() {
  return null;
}
