import { describe, expect, it } from "vitest";
import { batched } from "./diagram-actions";

describe("batched", () => {
  it("hands over the ids asked for in one task together, once each, and starts again after", async () => {
    const calls: string[][] = [];
    const measure = batched((ids) => calls.push(ids));
    measure("1");
    measure("2");
    measure("1");
    expect(calls).toEqual([]);
    await Promise.resolve();
    expect(calls).toEqual([["1", "2"]]);
    measure("3");
    await Promise.resolve();
    expect(calls).toEqual([["1", "2"], ["3"]]);
  });
});
