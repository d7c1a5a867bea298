import { describe, expect, it } from "vitest";
import { positionsSchema } from "./diagram";

describe("positionsSchema: what a dragged-position request may hold", () => {
  const ok = { table_id: 1, x: 10, y: -20 };
  it.each([
    ["NaN", [{ ...ok, x: Number.NaN }]],
    ["Infinity", [{ ...ok, y: Number.POSITIVE_INFINITY }]],
    ["1e308", [{ ...ok, x: 1e308 }]],
    ["a fraction", [{ ...ok, x: 1.5 }]],
    ["a string number", [{ ...ok, x: "10" }]],
    ["an unsafe table id", [{ ...ok, table_id: 2 ** 60 }]],
    ["an extra key", [{ ...ok, z: 1 }]],
    ["an empty list", []],
    ["more than 5,000 positions", Array.from({ length: 5001 }, (_, i) => ({ ...ok, table_id: i + 1 }))],
    ["one table twice", [ok, { ...ok, x: 99 }]],
    ["not a list", { 0: ok }],
  ])("refuses %s", (_, value) => {
    expect(positionsSchema.safeParse(value).success).toBe(false);
  });

  it("accepts whole-pixel positions of distinct tables, up to 5,000", () => {
    expect(positionsSchema.safeParse(Array.from({ length: 5000 }, (_, i) => ({ ...ok, table_id: i + 1, x: -1_000_000, y: 1_000_000 }))).success).toBe(true);
  });
});
