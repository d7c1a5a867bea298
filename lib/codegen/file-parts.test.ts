import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { open } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { encodeFile, fileOfParts, interleave, partsOf, sameText, writeParts } from "./file-parts";
import { rng } from "./random-model";

describe("files made of parts", () => {
  it("interleave is join: a file's content is its parts joined, and its parts are known", () => {
    for (const items of [[], ["a"], ["a", "", "bc"], ["전자우편", "x"]]) expect(interleave(items, "\n").join("")).toBe(items.join("\n"));
    const f = fileOfParts("zod.ts", ["a", "\n", "b"]);
    expect(f).toEqual({ path: "zod.ts", content: "a\nb" });
    expect(partsOf(f)).toEqual(["a", "\n", "b"]);
    expect(partsOf({ path: "x", content: "x" })).toBeUndefined();
  });

  it("sameText tells whether two lists join to the same text, however they are cut (2,000 seeded pairs)", () => {
    const r = rng(7);
    const cut = (text: string) => {
      const parts: string[] = [];
      for (let i = 0; i < text.length; ) {
        const n = r.int(4);
        parts.push(text.slice(i, i + n));
        i += n;
      }
      if (r.chance(0.3)) parts.splice(r.int(parts.length + 1), 0, "");
      return parts;
    };
    for (let i = 0; i < 2000; i++) {
      const a = Array.from({ length: r.int(12) }, () => r.pick(["a", "b", "가"])).join("");
      const b = r.chance(0.5) ? a : a.slice(0, r.int(a.length + 1)) + r.pick(["", "a", "b", "가"]) + a.slice(r.int(a.length + 1));
      expect(sameText(cut(a), cut(b)), JSON.stringify([a, b])).toBe(a === b);
    }
  });

  it("writeParts writes the parts' UTF-8 bytes and reuses the bytes of parts it wrote before", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "file-parts-"));
    try {
      const file = path.join(dir, "zod.ts");
      const parts = Array.from({ length: 2500 }, (_, i) => `// ${i} 전자우편\n`);
      const write = async (list: string[], before?: Map<string, Buffer>) => {
        const handle = await open(file, "w");
        try {
          return await writeParts(handle, list, before);
        } finally {
          await handle.close();
        }
      };
      const encoded = await write(parts);
      expect(readFileSync(file, "utf8")).toBe(parts.join(""));
      const changed = parts.map((p, i) => (i === 1200 ? "// changed\n" : p));
      const again = await write(changed, encoded);
      expect(readFileSync(file, "utf8")).toBe(changed.join(""));
      expect(again.get(parts[0])).toBe(encoded.get(parts[0]));
      expect(again.has(parts[1200])).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("encodeFile gives the UTF-8 bytes of the joined text, for files of parts and plain files (500 seeded files)", () => {
    const r = rng(11);
    // ASCII, Hangul, a character outside the BMP (a surrogate pair), and a pair's halves cut into two parts.
    const pieces = ["a", "\n", "전자우편", "😀", "\ud83d", "\ude00", ""];
    for (let i = 0; i < 500; i++) {
      const parts = Array.from({ length: r.int(20) }, () => Array.from({ length: r.int(4) }, () => r.pick(pieces)).join(""));
      const text = parts.join("");
      const bytes = Buffer.from(text, "utf8");
      expect(encodeFile(fileOfParts("zod.ts", parts)).equals(bytes), JSON.stringify(parts)).toBe(true);
      expect(encodeFile({ path: "forms/XForm.tsx", content: text }).equals(bytes)).toBe(true);
    }
  });
});
