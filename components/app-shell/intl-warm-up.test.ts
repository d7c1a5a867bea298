import { runInNewContext } from "node:vm";
import { expect, it, vi } from "vitest";

vi.mock("next/headers", () => ({ headers: async () => new Headers() }));
const { INTL_WARM_UP } = await import("./intl-warm-up");

/** Runs the page's warm-up script as the browser would, with its own Intl and timer: what did it construct, when? */
function run(lang: string, numberFormat: (locale?: string) => { format: (n: number) => string }) {
  const timers: (() => void)[] = [];
  const made: (string | undefined)[] = [];
  const context = {
    document: { documentElement: { lang } },
    setTimeout: (fn: () => void) => void timers.push(fn),
    Intl: {
      NumberFormat: function (locale?: string) {
        made.push(locale);
        return numberFormat(locale);
      },
    },
  };
  runInNewContext(INTL_WARM_UP, context);
  return { made, timers };
}

it("loads the number data for the page's language in a task of its own, and formats nothing on the page", () => {
  const { made, timers } = run("ko", () => ({ format: (n) => String(n) }));
  // Not while the HTML is parsed: later, in its own task.
  expect(made).toEqual([]);
  expect(timers).toHaveLength(1);
  timers[0]();
  expect(made).toEqual(["ko"]);
  // The real thing, in Node's ICU: the locale is one Intl knows.
  expect(new Intl.NumberFormat(made[0]).format(5000)).toBe("5,000");
});

it("never breaks the page: a failing Intl is ignored", () => {
  const { timers } = run("", () => {
    throw new RangeError("no ICU data");
  });
  expect(() => timers[0]()).not.toThrow();
});
