import { describe, expect, it } from "vitest";
import { parseDelimited, toTsv } from "./tsv";

const cells = (text: string, sep?: string) => parseDelimited(text, sep).map((r) => r.cells);

describe("parseDelimited", () => {
  it("splits tabs and newlines, CRLF too, without an empty last row", () => {
    expect(cells("a\tb\r\nc\td\n")).toEqual([["a", "b"], ["c", "d"]]);
  });

  it("keeps empty cells", () => {
    expect(cells("a\t\tc\n\tb\t")).toEqual([["a", "", "c"], ["", "b", ""]]);
  });

  it("reads Excel / Sheets quoting: tabs, newlines and doubled quotes inside a quoted cell", () => {
    const parsed = parseDelimited('name\t"say ""hi""\tthere"\n"two\nlines"\tx\nlast\ty');
    expect(parsed.map((r) => r.cells)).toEqual([
      ["name", 'say "hi"\tthere'],
      ["two\nlines", "x"],
      ["last", "y"],
    ]);
    // Line numbers are those of the text: the quoted newline makes row 3 start on line 4.
    expect(parsed.map((r) => r.line)).toEqual([1, 2, 4]);
  });

  it("treats a quote inside a cell, or an unclosed one, as text", () => {
    expect(cells('5" pipe\tb\n"open')).toEqual([['5" pipe', "b"], ['"open']]);
  });

  it("takes another separator", () => {
    expect(cells('a;"b;c"', ";")).toEqual([["a", "b;c"]]);
  });

  it("round-trips what toTsv writes (seeded random cells)", () => {
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const alphabet = ['a', 'b', '"', "\t", "\n", " ", "한", ","];
    for (let n = 0; n < 200; n++) {
      const rows = Array.from({ length: 1 + Math.floor(rand() * 4) }, () =>
        Array.from({ length: 2 + Math.floor(rand() * 3) }, () =>
          Array.from({ length: Math.floor(rand() * 6) }, () => alphabet[Math.floor(rand() * alphabet.length)]).join(""),
        ),
      );
      expect(cells(toTsv(rows))).toEqual(rows);
    }
  });
});
