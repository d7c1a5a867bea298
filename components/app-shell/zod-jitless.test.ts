import { expect, it } from "vitest";

it("makes zod jitless without importing it, whether zod loads after or was loaded before", async () => {
  const global = globalThis as typeof globalThis & { __zod_globalConfig?: { jitless?: boolean } };
  expect(global.__zod_globalConfig?.jitless).toBeUndefined();
  await import("./zod-jitless");
  const { z } = await import("zod");
  expect(z.config().jitless).toBe(true);
  // The same object: a later z.config() and the setting above meet, whichever module ran first.
  expect(z.config()).toBe(global.__zod_globalConfig);
  // A schema built now parses without generating code (a jitted parser would call Function).
  const original = globalThis.Function;
  let constructed = 0;
  globalThis.Function = new Proxy(original, { construct: (...args) => (constructed++, Reflect.construct(...args)) });
  try {
    expect(z.object({ a: z.string() }).parse({ a: "x" })).toEqual({ a: "x" });
    expect(z.object({ b: z.number() }).safeParse({ b: 1 }).success).toBe(true);
  } finally {
    globalThis.Function = original;
  }
  expect(constructed).toBe(0);
});
