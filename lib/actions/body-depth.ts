/**
 * A server action's arguments nested too deep to be read: React's decodeReply revives the request's JSON
 * recursively, and about 3,300 levels of `[` or `{` overflowed the server's stack (an HTTP 500 with no word for
 * the caller) before the action could refuse it. The proxy refuses them first (proxy.ts). No valid input comes
 * near: JSON values are at most 32 levels deep (lib/schemas), and React's encoding adds a few.
 */
export const MAX_ACTION_NESTING = 500;

/**
 * Counts how deep JSON text nests, fed piece by piece (a text field as it streams in): brackets in strings do
 * not count. `deep` answers as for the whole text at once: nested more than `max` levels, in more than `2 * max`
 * characters (no well-formed JSON is that deep in fewer, and JSON.parse refuses the rest without recursing).
 */
export class NestingScan {
  private depth = 0;
  private inString = false;
  /** The last piece ended on a backslash in a string: the next piece's first character is escaped. */
  private escaped = false;
  private exceeded = false;
  private length = 0;

  constructor(private readonly max: number) {}

  get deep(): boolean {
    return this.exceeded && this.length > 2 * this.max;
  }

  push(text: string): void {
    this.length += text.length;
    if (this.exceeded || text.length === 0) return;
    // From one character that matters to the next (a native search: a long string is passed over at once).
    const marks = /["[\]{}\\]/g;
    if (this.escaped) {
      this.escaped = false;
      marks.lastIndex = 1; // the escaped character, whatever it is
    }
    for (let m = marks.exec(text); m !== null; m = marks.exec(text)) {
      const c = m[0];
      if (this.inString) {
        if (c === "\\") {
          if (++marks.lastIndex > text.length) this.escaped = true;
        } else if (c === '"') this.inString = false;
      } else if (c === '"') {
        this.inString = true;
      } else if (c === "[" || c === "{") {
        if (++this.depth > this.max) {
          this.exceeded = true;
          return;
        }
      } else if (c === "]" || c === "}") {
        this.depth--;
      }
    }
  }
}

/** Whether JSON text `text` nests arrays and objects more than `max` levels deep (brackets in strings do not count). */
export function nestedDeeperThan(text: string, max: number): boolean {
  // Fewer characters than an opening and a closing bracket per level cannot be that deep.
  if (text.length <= 2 * max) return false;
  const scan = new NestingScan(max);
  scan.push(text);
  return scan.deep;
}

const TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";

/**
 * A header value's type and parameters (`form-data; name="0"`, `multipart/form-data; boundary=…`), names
 * lower-cased, quoted values unescaped; null when it does not parse (as busboy, which Next reads forms with).
 */
export function headerParams(value: string): { type: string; params: Map<string, string> } | null {
  const semi = value.indexOf(";");
  const type = (semi < 0 ? value : value.slice(0, semi)).trim().toLowerCase();
  const params = new Map<string, string>();
  if (semi < 0) return { type, params };
  const param = new RegExp(`;[ \\t]*(${TOKEN})[ \\t]*=[ \\t]*(?:"((?:[^"\\\\]|\\\\[^])*)"|(${TOKEN}))[ \\t]*`, "y");
  let at = semi;
  while (at < value.length) {
    param.lastIndex = at;
    const m = param.exec(value);
    if (!m) return ["", ";"].includes(value.slice(at).trim()) ? { type, params } : null;
    const name = m[1].toLowerCase();
    if (!params.has(name)) params.set(name, m[2] !== undefined ? m[2].replace(/\\([^])/g, "$1") : m[3]);
    at = param.lastIndex;
  }
  return { type, params };
}

const CR = 13;
const LF = 10;
const DASH = 45;
const CRLF = Buffer.from("\r\n");
const HEADERS_END = Buffer.from("\r\n\r\n");
/** How many bytes a part's headers may take: busboy (Next's form reader) refuses more. */
const MAX_PART_HEADERS = 16 * 1024;

/**
 * Reads a multipart/form-data body as it streams in and scans its text fields' nesting, without keeping the files:
 * the parts React decodes are the text fields; a part with a `filename` (or typed application/octet-stream) is a
 * file, a Blob React never decodes, and its bytes are passed over. Parts are told apart as busboy does (Next's
 * reader for a server action's form): delimited by CRLF `--boundary`, the first one too (a CRLF is assumed before
 * the body), a part's headers up to an empty line, the form's end at `--boundary--`; a delimiter followed by
 * anything else ends the part, and what follows is skipped up to the next. What it holds at once: the
 * chunk it is given and, between chunks, a part's headers or the start of what may be a delimiter.
 */
export class MultipartNestingScan {
  private readonly delimiter: Buffer;
  private state: "data" | "afterDelimiter" | "headers" | "end" = "data";
  /** The bytes of the last chunk still to be read with the next (a delimiter's start, headers, 1 byte after a delimiter). */
  private pending: Buffer = CRLF;
  /** The text field being read (its decoder and scan); null in a file, a skipped part or before the first part. */
  private field: { decoder: TextDecoder; scan: NestingScan } | null = null;
  deep = false;
  /** The form's closing delimiter was read, or it cannot be read further (malformed headers). */
  get done(): boolean {
    return this.deep || this.state === "end";
  }

  constructor(
    boundary: string,
    private readonly max: number,
  ) {
    this.delimiter = Buffer.from(`\r\n--${boundary}`, "latin1");
  }

  push(chunk: Uint8Array): void {
    const bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    const data = this.pending.length > 0 ? Buffer.concat([this.pending, bytes]) : bytes;
    this.pending = Buffer.alloc(0);
    let i = 0;
    while (i < data.length && !this.done) {
      if (this.state === "data") {
        const at = data.indexOf(this.delimiter, i);
        if (at >= 0) {
          this.read(data, i, at);
          this.endField();
          i = at + this.delimiter.length;
          this.state = "afterDelimiter";
        } else {
          const keep = this.delimiterStart(data, Math.max(i, data.length - this.delimiter.length + 1));
          this.read(data, i, keep);
          this.pending = Buffer.from(data.subarray(keep));
          i = data.length;
        }
      } else if (this.state === "afterDelimiter") {
        if (data.length - i < 2) {
          this.pending = Buffer.from(data.subarray(i));
          i = data.length;
        } else if (data[i] === DASH && data[i + 1] === DASH) {
          this.state = "end";
        } else if (data[i] === CR && data[i + 1] === LF) {
          i += 2;
          this.state = "headers";
        } else {
          // Neither the form's end nor a part's headers: busboy ends the part there and skips to the next delimiter.
          this.state = "data";
        }
      } else if (this.state === "headers") {
        const end = data.length - i >= 2 && data[i] === CR && data[i + 1] === LF ? i : data.indexOf(HEADERS_END, i);
        if (end < 0) {
          if (data.length - i > MAX_PART_HEADERS) this.state = "end"; // busboy refuses the form
          else this.pending = Buffer.from(data.subarray(i));
          i = data.length;
        } else {
          if (end - i > MAX_PART_HEADERS) {
            this.state = "end";
            break;
          }
          this.startPart(data.toString("latin1", i, end));
          i = end === i ? i + 2 : end + 4;
          this.state = "data";
        }
      }
    }
  }

  /** Where the end of `data` may start a delimiter (from `from` on), or data.length. */
  private delimiterStart(data: Buffer, from: number): number {
    for (let at = data.indexOf(CR, from); at >= 0; at = data.indexOf(CR, at + 1)) {
      if (data.subarray(at).equals(this.delimiter.subarray(0, data.length - at))) return at;
    }
    return data.length;
  }

  private read(data: Buffer, start: number, end: number): void {
    if (!this.field || end <= start) return;
    this.field.scan.push(this.field.decoder.decode(data.subarray(start, end), { stream: true }));
    if (this.field.scan.deep) this.deep = true;
  }

  private endField(): void {
    if (!this.field) return;
    this.field.scan.push(this.field.decoder.decode());
    if (this.field.scan.deep) this.deep = true;
    this.field = null;
  }

  private startPart(headerText: string): void {
    const headers = new Map<string, string>();
    for (const line of headerText.replace(/\r\n[ \t]+/g, " ").split("\r\n")) {
      const colon = line.indexOf(":");
      if (colon <= 0) continue;
      const name = line.slice(0, colon).trim().toLowerCase();
      if (!headers.has(name)) headers.set(name, line.slice(colon + 1).trim());
    }
    const disposition = headerParams(headers.get("content-disposition") ?? "");
    // Without a form-data disposition busboy skips the part; a file is a Blob, never decoded.
    if (!disposition || disposition.type !== "form-data") return;
    // An empty filename is no filename to busboy: that part is a text field.
    if (disposition.params.get("filename") || disposition.params.get("filename*")) return;
    const type = headerParams(headers.get("content-type") ?? "");
    if (type?.type === "application/octet-stream") return;
    this.field = { decoder: textDecoder(type?.params.get("charset") ?? "utf-8"), scan: new NestingScan(this.max) };
  }
}

function textDecoder(charset: string): TextDecoder {
  try {
    return new TextDecoder(charset);
  } catch {
    return new TextDecoder("utf-8");
  }
}

/** A multipart/form-data Content-Type's boundary, or null (none, empty or unreadable: Next refuses that form itself). */
export function multipartBoundary(contentType: string): string | null {
  const parsed = headerParams(contentType);
  const boundary = parsed?.type === "multipart/form-data" ? parsed.params.get("boundary") : undefined;
  return boundary ? boundary : null;
}

/** Whether a multipart body has a text field nested more than `max` levels deep; reads only as far as it must. */
async function multipartNestedDeeperThan(body: ReadableStream<Uint8Array>, boundary: string, max: number): Promise<boolean> {
  const scan = new MultipartNestingScan(boundary, max);
  const reader = body.getReader();
  try {
    for (let r = await reader.read(); !r.done; r = await reader.read()) {
      scan.push(r.value);
      if (scan.done) return scan.deep;
    }
    // Cut short: the field being read was never whole, and busboy decodes none that is not.
    return scan.deep;
  } finally {
    // Not awaited: nothing waits on what is left (a clone's cancel would settle only once its twin's is cancelled too).
    reader.cancel().catch(() => undefined);
  }
}

/**
 * Why a server action's body is refused for its nesting (a sentence), or null. The parts React decodes: the whole
 * body when it is text, each text field of a form (multipart or URL-encoded). A multipart body is scanned as it
 * streams in (MultipartNestingScan): its files, up to a backup's 64 MB, are passed over, neither kept nor decoded;
 * the request's body is used up (the text and URL-encoded ones are read from a clone, as before).
 */
export async function actionNestingRefusal(request: Request): Promise<string | null> {
  const type = request.headers.get("content-type") ?? "";
  const length = Number(request.headers.get("content-length") ?? "0");
  if (!(length > 2 * MAX_ACTION_NESTING)) return null;
  let deep: boolean;
  if (type.startsWith("multipart/form-data")) {
    const boundary = multipartBoundary(type);
    // The request's own body, not a clone's: a clone's twin keeps every chunk read until the request is dropped
    // (+60 MB for a 60 MB upload). The proxy may use it up: Next hands the proxy a copy of the body and the action
    // reads its own (getCloneableBody in next/dist/server/body-streams.js).
    const body = request.body;
    if (!boundary || !body) return null; // Next answers a malformed form itself.
    deep = await multipartNestedDeeperThan(body, boundary, MAX_ACTION_NESTING).catch(() => false);
  } else if (type.startsWith("application/x-www-form-urlencoded")) {
    const form = await request.clone().formData().catch(() => null);
    if (!form) return null;
    deep = [...form.values()].some((v) => typeof v === "string" && nestedDeeperThan(v, MAX_ACTION_NESTING));
  } else {
    deep = nestedDeeperThan(await request.clone().text(), MAX_ACTION_NESTING);
  }
  return deep ? `Malformed request: its arguments are nested more than ${MAX_ACTION_NESTING} levels deep.` : null;
}
