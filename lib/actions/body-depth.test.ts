import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { actionNestingRefusal, MAX_ACTION_NESTING, nestedDeeperThan } from "./body-depth";

const deep = (n: number, open = "[", close = "]") => open.repeat(n) + close.repeat(n);

describe("a server action body's nesting", () => {
  it("counts arrays and objects, not brackets inside strings (escaped quotes included)", () => {
    expect(nestedDeeperThan(deep(10), 10)).toBe(false);
    expect(nestedDeeperThan(deep(11), 10)).toBe(true);
    expect(nestedDeeperThan('{"a":'.repeat(11) + "1" + "}".repeat(11), 10)).toBe(true);
    expect(nestedDeeperThan(`["${"[".repeat(100)}"]`, 10)).toBe(false);
    expect(nestedDeeperThan(`["a\\"${"{".repeat(100)}"]`, 10)).toBe(false);
    expect(nestedDeeperThan(`["a\\\\", ${deep(11)}]`, 10)).toBe(true);
    // Siblings do not add up.
    expect(nestedDeeperThan(`[${Array.from({ length: 100 }, () => deep(9)).join(",")}]`, 10)).toBe(false);
  });

  const post = (body: string | FormData, type?: string) =>
    new Request("http://127.0.0.1/metadata-editor/tables", {
      method: "POST",
      body,
      headers: {
        ...(type ? { "Content-Type": type } : {}),
        "Content-Length": String(typeof body === "string" ? Buffer.byteLength(body) : 100_000),
      },
    });

  it("refuses a text body or a form field nested past the limit; a deep uploaded file is not decoded, so not refused", async () => {
    expect(await actionNestingRefusal(post(`[${deep(MAX_ACTION_NESTING)}]`, "text/plain;charset=UTF-8"))).toMatch(/nested more than 500 levels/);
    expect(await actionNestingRefusal(post(`[${deep(MAX_ACTION_NESTING - 1)}]`, "text/plain;charset=UTF-8"))).toBeNull();
    const form = new FormData();
    form.append("1_file", new Blob([deep(5000)]), "backup.json");
    form.append("0", '["$K1"]');
    expect(await actionNestingRefusal(post(form))).toBeNull();
    form.append("2", deep(5000));
    expect(await actionNestingRefusal(post(form))).toMatch(/nested more than/);
    // A small body is not read at all.
    expect(await actionNestingRefusal(post(deep(200), "text/plain"))).toBeNull();
  });
});

describe("a multipart body's text fields, read as they stream in", () => {
  const refusal = /nested more than 500 levels/;
  /** A request whose body comes in chunks of `size` bytes (the body of `form`, or raw bytes under `type`). */
  const streamed = (bytes: Uint8Array, type: string, size: number) =>
    new Request("http://127.0.0.1/metadata-editor/tools", {
      method: "POST",
      body: new ReadableStream<Uint8Array>({
        start(controller) {
          for (let at = 0; at < bytes.length; at += size) controller.enqueue(bytes.slice(at, at + size));
          controller.close();
        },
      }),
      duplex: "half",
      headers: { "Content-Type": type, "Content-Length": String(bytes.length) },
    } as RequestInit);
  const encoded = async (form: FormData) => {
    const response = new Response(form);
    return { bytes: new Uint8Array(await response.arrayBuffer()), type: response.headers.get("content-type")! };
  };
  /** Scanned in every chunking given, the answer must not depend on where the chunks end. */
  const verdicts = async (bytes: Uint8Array, type: string, sizes: number[]) =>
    new Set(await Promise.all(sizes.map(async (size) => (await actionNestingRefusal(streamed(bytes, type, size))) !== null)));
  const raw = (text: string) => new TextEncoder().encode(text.replaceAll("\n", "\r\n"));
  /** The text fields Next's own form reader (its busboy) finds in a body: what React decodes. */
  const busboyFields = (bytes: Uint8Array, type: string) =>
    new Promise<string[]>((resolve) => {
      const busboy = createRequire(import.meta.url)("next/dist/compiled/busboy") as (options: object) => NodeJS.WritableStream & {
        on(event: string, listener: (...args: never[]) => void): void;
      };
      const reader = busboy({ headers: { "content-type": type }, defParamCharset: "utf8" });
      const fields: string[] = [];
      reader.on("field", (_name: string, value: string) => fields.push(value));
      reader.on("file", (_name: string, stream: NodeJS.ReadableStream) => stream.resume());
      reader.on("error", () => resolve(fields));
      reader.on("close", () => resolve(fields));
      reader.end(Buffer.from(bytes));
    });

  it("refuses a deep text field after a large file, whatever the chunks; passes over a deep file", async () => {
    const form = new FormData();
    form.append("1_file", new Blob([deep(5000), "x".repeat(3 * 1024 * 1024)]), "backup.json");
    form.append("0", '["$K1"]');
    const clean = await encoded(form);
    expect(await verdicts(clean.bytes, clean.type, [1 << 16, 1000, 4093])).toEqual(new Set([false]));
    form.append("2", `[${deep(MAX_ACTION_NESTING)}]`);
    const tooDeep = await encoded(form);
    expect(await verdicts(tooDeep.bytes, tooDeep.type, [1 << 16, 1000, 4093])).toEqual(new Set([true]));
  });

  it("finds a field split across chunks at every byte, escapes and delimiters included", async () => {
    const field = (depth: number) => `["a\\"${"[".repeat(600)}", ${deep(depth)}]`;
    const form = new FormData();
    form.append("0", field(MAX_ACTION_NESTING));
    const { bytes, type } = await encoded(form);
    const sizes = Array.from({ length: 40 }, (_, i) => i + 1).concat([bytes.length - 1, bytes.length]);
    expect(await verdicts(bytes, type, sizes)).toEqual(new Set([true]));
    // One bracket less: not too deep, in any chunking (the escaped quote keeps the string's brackets out).
    const shallow = new FormData();
    shallow.append("0", field(MAX_ACTION_NESTING - 1));
    const fine = await encoded(shallow);
    expect(await verdicts(fine.bytes, fine.type, sizes)).toEqual(new Set([false]));
  });

  it("tells files from text fields as Next's form reader does", async () => {
    const type = "multipart/form-data; boundary=XyZ";
    const body = (headers: string) => raw(`--XyZ\n${headers}\n\n[${deep(MAX_ACTION_NESTING)}]\n--XyZ--\n`);
    // A filename (or filename*) or application/octet-stream: a file, a Blob React never decodes.
    for (const file of [
      'Content-Disposition: form-data; name="1"; filename="deep.json"',
      "Content-Disposition: form-data; name=1; filename*=UTF-8''deep.json",
      'Content-Disposition: form-data; name="1"\nContent-Type: application/octet-stream',
      // Not a form-data part: skipped.
      'Content-Disposition: attachment; name="1"',
      "Content-Type: text/plain",
    ]) {
      expect(await verdicts(body(file), type, [7, 1 << 16]), file).toEqual(new Set([false]));
      expect(await busboyFields(body(file), type), file).toEqual([]);
    }
    // Text fields to busboy (an empty filename is none), so decoded by React.
    for (const text of [
      'Content-Disposition: form-data; name="1"',
      'Content-Disposition: form-data; name="1"; filename=""',
      'content-disposition: FORM-DATA; name="a; filename=b.json"',
      'Content-Disposition: form-data;\n  name="1"\nContent-Type: application/json; charset=utf-8',
    ]) {
      expect(await verdicts(body(text), type, [7, 1 << 16]), text).toEqual(new Set([true]));
      expect(await busboyFields(body(text), type), text).toEqual([`[${deep(MAX_ACTION_NESTING)}]`]);
    }
  });

  it("reads a quoted boundary, a preamble, a field cut by a delimiter-like line; not a form with a wrong or no boundary", async () => {
    const field = (boundary: string) =>
      raw(`preamble\n--${boundary}\nContent-Disposition: form-data; name="0"\n\n[${deep(MAX_ACTION_NESTING)}]\n--${boundary}--\n`);
    expect(await verdicts(field("a b:c"), 'multipart/form-data; boundary="a b:c"', [5, 1 << 16])).toEqual(new Set([true]));
    expect(await verdicts(field("XyZ"), "multipart/form-data; charset=utf-8; boundary=XyZ", [5, 1 << 16])).toEqual(new Set([true]));
    // A delimiter followed by neither `--` nor CRLF ends the field; busboy skips what follows up to the next delimiter.
    const cut = (after: string) =>
      raw(`--XyZ\nContent-Disposition: form-data; name="0"\n\n["a",\n--XyZx[${deep(MAX_ACTION_NESTING)}]${after}\n--XyZ--\n`);
    expect(await verdicts(cut(""), "multipart/form-data; boundary=XyZ", [5, 1 << 16])).toEqual(new Set([false]));
    expect(await busboyFields(cut(""), "multipart/form-data; boundary=XyZ")).toEqual(['["a",']);
    const next = `\n--XyZ\nContent-Disposition: form-data; name="1"\n\n[${deep(MAX_ACTION_NESTING)}]`;
    expect(await verdicts(cut(next), "multipart/form-data; boundary=XyZ", [5, 1 << 16])).toEqual(new Set([true]));
    for (const type of ["multipart/form-data; boundary=Other", "multipart/form-data", "multipart/form-data; boundary=", 'multipart/form-data; boundary="XyZ']) {
      expect(await verdicts(field("XyZ"), type, [5, 1 << 16]), type).toEqual(new Set([false]));
    }
  });

  it("answers as the whole form's text fields would, for forms of every shape", async () => {
    const values = ["[]", deep(MAX_ACTION_NESTING), `[${deep(MAX_ACTION_NESTING)}]`, `"${"[".repeat(2000)}"`, "é".repeat(3000) + `[${deep(MAX_ACTION_NESTING)}]`];
    for (let i = 0; i < values.length; i++) {
      for (const asFile of [false, true]) {
        const form = new FormData();
        form.append("0", '["$K1"]');
        if (asFile) form.append("1_f", new Blob([values[i]]), "f.json");
        else form.append("1_f", values[i]);
        form.append("2", values[(i + 1) % values.length].slice(0, 300));
        const { bytes, type } = await encoded(form);
        const expected = !asFile && nestedDeeperThan(values[i], MAX_ACTION_NESTING);
        expect(await verdicts(bytes, type, [3, 512, 1 << 16]), `${i} ${asFile}`).toEqual(new Set([expected]));
      }
    }
  });
});
