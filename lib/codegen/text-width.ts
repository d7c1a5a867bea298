/** prettier's printWidth for the generated code (format.ts and project-files.ts format with it). */
export const PRINT_WIDTH = 100;

/**
 * Prettier's width of a text (its `getStringWidth`: East Asian wide and fullwidth characters count 2), for the
 * characters this table knows; -1 when the text has any other (then the generators cannot vouch for their
 * layout and prettier formats the section itself). Every character the table knows is checked against prettier's
 * own width in lib/codegen/text-width.test.ts.
 *
 * `nulWidth`: what a NUL counts for (the form generator's placeholder for its id prefix); -1 (unknown) otherwise.
 */
export function textWidth(s: string, nulWidth = -1): number {
  let width = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const w = c >= 0x20 && c < 0x7f ? 1 : c === 0 ? nulWidth : charWidth(c);
    if (w < 0) return -1;
    width += w;
  }
  return width;
}

/** Ranges [from, to, width]: Latin, Greek, Cyrillic and a little punctuation narrow; Hangul, kana, CJK wide. */
export const KNOWN_RANGES: readonly (readonly [number, number, 1 | 2])[] = [
  [0xa0, 0xa8, 1],
  [0xaa, 0xad, 1],
  [0xaf, 0xff, 1],
  [0x100, 0x24f, 1],
  [0x370, 0x377, 1],
  [0x37a, 0x37f, 1],
  [0x384, 0x38a, 1],
  [0x38c, 0x38c, 1],
  [0x38e, 0x3a1, 1],
  [0x3a3, 0x3ff, 1],
  [0x400, 0x482, 1],
  [0x48a, 0x4ff, 1],
  [0x1100, 0x115f, 2],
  [0x2010, 0x2027, 1],
  [0x2030, 0x203b, 1],
  [0x2190, 0x2193, 1],
  [0x3001, 0x3029, 2],
  [0x302e, 0x303e, 2],
  [0x3041, 0x3096, 2],
  [0x30a1, 0x30fa, 2],
  [0x3131, 0x318e, 2],
  [0x4e00, 0x9fff, 2],
  [0xac00, 0xd7a3, 2],
  [0xff01, 0xff60, 2],
];

function charWidth(c: number): number {
  // Hangul syllables first: nearly every non-ASCII character the generators see (Korean labels).
  if (c >= 0xac00 && c <= 0xd7a3) return 2;
  if (c < 0xa0) return -1;
  for (const [from, to, w] of KNOWN_RANGES) {
    if (c < from) return -1;
    if (c <= to) return w;
  }
  return -1;
}
