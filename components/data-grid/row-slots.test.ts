import { describe, expect, it } from "vitest";
import { assignSlots } from "./row-slots";

const slotsOf = (map: Map<string, number>, ids: string[]) => ids.map((id) => map.get(id));

describe("assignSlots", () => {
  it("numbers the first rows from 0", () => {
    expect(slotsOf(assignSlots(new Map(), ["a", "b", "c"]), ["a", "b", "c"])).toEqual([0, 1, 2]);
  });

  it("a row that stays keeps its slot wherever it moves; rows that come take the slots of rows that left", () => {
    const first = assignSlots(new Map(), ["a", "b", "c", "d"]);
    const next = assignSlots(first, ["x", "d", "y", "b"]);
    expect(next.get("d")).toBe(3);
    expect(next.get("b")).toBe(1);
    expect(new Set([next.get("x"), next.get("y")])).toEqual(new Set([0, 2]));
  });

  it("more rows than before get new slots; fewer leave slots free for later", () => {
    const first = assignSlots(new Map(), ["a", "b"]);
    const more = assignSlots(first, ["b", "c", "d"]);
    expect(slotsOf(more, ["b", "c", "d"])).toEqual([1, 0, 2]);
    const fewer = assignSlots(more, ["d"]);
    expect(slotsOf(fewer, ["d"])).toEqual([2]);
    const again = assignSlots(fewer, ["e", "d", "f"]);
    expect(slotsOf(again, ["e", "d", "f"])).toEqual([0, 2, 1]);
  });

  it("never gives two rows one slot, nor a slot beyond the most rows drawn at once (seeded random runs)", () => {
    let seed = 3;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    let slots = new Map<string, number>();
    let most = 0;
    for (let step = 0; step < 500; step++) {
      const ids = [...new Set(Array.from({ length: Math.floor(random() * 30) }, () => `r${Math.floor(random() * 60)}`))];
      const next = assignSlots(slots, ids);
      expect(new Set(next.values()).size).toBe(ids.length);
      expect([...next.keys()].sort()).toEqual([...ids].sort());
      for (const id of ids) if (slots.has(id)) expect(next.get(id)).toBe(slots.get(id));
      most = Math.max(most, ids.length);
      for (const slot of next.values()) expect(slot).toBeLessThan(most);
      slots = next;
    }
  });
});
