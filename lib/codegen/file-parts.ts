/**
 * The project-wide files (schema.graphql, types.ts, zod.ts) are made of every table's sections: ~40 MB at 5,000
 * tables. Kept as their parts, a watcher can tell what changed by comparing parts (mostly the same string
 * objects as last time) and write them out, without joining and comparing the whole text on every change.
 */
import type { GeneratedFile } from "./project-files";

/** `items` joined by `separator`, as parts appended to `out`. */
export function interleave(items: readonly string[], separator: string, out: string[] = []): string[] {
  items.forEach((item, i) => {
    if (i > 0) out.push(separator);
    out.push(item);
  });
  return out;
}

const partsOfFile = new WeakMap<GeneratedFile, readonly string[]>();

/** A file made of parts: its `content` is joined when first read. */
export function fileOfParts(path: string, parts: readonly string[]): GeneratedFile {
  let text: string | undefined;
  const file = {
    path,
    get content() {
      return (text ??= parts.join(""));
    },
  };
  partsOfFile.set(file, parts);
  return file;
}

/** The parts of a file made by fileOfParts; undefined for any other file. */
export const partsOf = (file: GeneratedFile): readonly string[] | undefined => partsOfFile.get(file);

/**
 * Whether two lists of parts join to the same text, without joining them. Parts that line up are compared as
 * strings (the same string object: at once); elsewhere the texts are walked together until they differ.
 */
export function sameText(a: readonly string[], b: readonly string[]): boolean {
  let i = 0;
  let j = 0;
  let offA = 0;
  let offB = 0;
  for (;;) {
    while (i < a.length && offA === a[i].length) [i, offA] = [i + 1, 0];
    while (j < b.length && offB === b[j].length) [j, offB] = [j + 1, 0];
    if (i === a.length || j === b.length) return i === a.length && j === b.length;
    if (offA === 0 && offB === 0 && a[i] === b[j]) {
      [i, j] = [i + 1, j + 1];
      continue;
    }
    const n = Math.min(a[i].length - offA, b[j].length - offB);
    if (a[i].slice(offA, offA + n) !== b[j].slice(offB, offB + n)) return false;
    offA += n;
    offB += n;
  }
}

const isSurrogate = (code: number) => code >= 0xd800 && code <= 0xdfff;
const surrogateAtEdge = (part: string) => part.length > 0 && (isSurrogate(part.charCodeAt(0)) || isSurrogate(part.charCodeAt(part.length - 1)));

/**
 * A file's UTF-8 bytes in one buffer. A file of parts is encoded part after part into a buffer of its exact size,
 * never joined into one string first (each project-wide file is ~40 MB of text at 5,000 tables, two bytes a
 * character with Korean labels).
 */
export function encodeFile(f: GeneratedFile): Buffer {
  const parts = partsOf(f);
  // A part that begins or ends with half of a surrogate pair is encoded with its neighbour, as the joined text is.
  if (!parts || parts.some(surrogateAtEdge)) return Buffer.from(f.content, "utf8");
  let size = 0;
  for (const part of parts) size += Buffer.byteLength(part, "utf8");
  const bytes = Buffer.allocUnsafe(size);
  let at = 0;
  for (const part of parts) at += bytes.write(part, at, "utf8");
  return bytes;
}

/** Each part's UTF-8 bytes by its text: what a watcher keeps between writes, so a change encodes only its parts. */
export type EncodedParts = Map<string, Buffer>;

/**
 * Writes parts to an open file, each part encoded once per session (encoding and joining 40 MB of text took
 * ~0.5 s a file), a thousand buffers a write. Returns the parts' bytes for the next write of this file.
 */
export async function writeParts(
  handle: { writev(buffers: Buffer[]): Promise<unknown> },
  parts: readonly string[],
  before?: EncodedParts,
): Promise<EncodedParts> {
  const encoded: EncodedParts = new Map();
  const buffers = parts.map((part) => {
    let bytes = encoded.get(part) ?? before?.get(part);
    if (!bytes) bytes = Buffer.from(part, "utf8");
    encoded.set(part, bytes);
    return bytes;
  });
  for (let i = 0; i < buffers.length; i += 1000) await handle.writev(buffers.slice(i, i + 1000));
  return encoded;
}
