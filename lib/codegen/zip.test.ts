import { crc32 } from "node:zlib";
import { describe, expect, it } from "vitest";
import { zipFiles } from "./zip";

/** Reads a stored zip back through its central directory (what unzip does). */
function unzip(zip: Buffer): Record<string, string> {
  const end = zip.length - 22;
  expect(zip.readUInt32LE(end)).toBe(0x06054b50);
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const files: Record<string, string> = {};
  for (let i = 0; i < count; i++) {
    expect(zip.readUInt32LE(at)).toBe(0x02014b50);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const name = zip.subarray(at + 46, at + 46 + nameLength).toString("utf8");
    const local = zip.readUInt32LE(at + 42);
    expect(zip.readUInt32LE(local)).toBe(0x04034b50);
    const data = zip.subarray(local + 30 + zip.readUInt16LE(local + 26), local + 30 + zip.readUInt16LE(local + 26) + size);
    expect(crc32(data)).toBe(zip.readUInt32LE(at + 16));
    files[name] = data.toString("utf8");
    at += 46 + nameLength;
  }
  return files;
}

describe("zipFiles", () => {
  it("stores every file with its path, UTF-8 content and CRC; same input, same bytes", () => {
    const files = [
      { path: "schema.graphql", content: '"""사용자"""\ntype User { id: ID! }\n' },
      { path: "forms/UserForm.tsx", content: "export {};\n" },
    ];
    const zip = zipFiles(files);
    expect(unzip(zip)).toEqual({ "schema.graphql": files[0].content, "forms/UserForm.tsx": files[1].content });
    expect(zipFiles(files).equals(zip)).toBe(true);
    expect(unzip(zipFiles([]))).toEqual({});
  });
});
