import { describe, expect, it } from "vitest";
import { batched, unmeasured } from "./diagram-actions";

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

describe("unmeasured", () => {
  it("names the drawn boxes React Flow has no handles for, not the hidden ones", () => {
    const handles = { source: [], target: [] };
    const nodes = [
      { id: "1", internals: { handleBounds: handles } },
      { id: "2", internals: { handleBounds: undefined } },
      { id: "3", hidden: true, internals: { handleBounds: undefined } },
      { id: "4", internals: {} },
    ];
    expect(unmeasured(nodes)).toEqual(["2", "4"]);
    expect(unmeasured([nodes[0]])).toEqual([]);
  });
});
