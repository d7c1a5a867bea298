import * as prettier from "prettier";
import { describe, expect, it } from "vitest";
import { KNOWN_RANGES, textWidth } from "./text-width";

describe("textWidth", () => {
  it("gives prettier's width for every character it knows, alone and after a wide one", () => {
    const wrong: string[] = [];
    for (const [from, to, width] of KNOWN_RANGES) {
      for (let c = from; c <= to; c++) {
        const ch = String.fromCharCode(c);
        const { getStringWidth } = prettier.util;
        if (textWidth(ch) !== getStringWidth(ch) || textWidth(`가${ch}`) !== getStringWidth(`가${ch}`) || width !== getStringWidth(ch)) wrong.push(c.toString(16));
      }
    }
    expect(wrong).toEqual([]);
    for (let c = 0x20; c < 0x7f; c++) expect(textWidth(String.fromCharCode(c))).toBe(1);
  });

  it("does not know control, combining and astral characters, nor emoji", () => {
    for (const s of ["\t", "\u007f", "\u0085", "e\u0301", "🙂", "\u{20000}", "\u00a9", "\u2122", "\u200b"]) expect(textWidth(`a${s}`), s).toBe(-1);
    expect(textWidth("제목 Title")).toBe(prettier.util.getStringWidth("제목 Title"));
    expect(textWidth("\u0000-a", 7)).toBe(9);
  });
});
