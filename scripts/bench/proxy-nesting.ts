/**
 * `npx tsx scripts/bench/proxy-nesting.ts [MB] [module]`: what the proxy's nesting check costs a backup's upload,
 * in this process, without a server. Builds a server action's multipart body of MB megabytes (default 60): the
 * backup file (JSON text) then React's argument field, as the restore sends them; hands it to
 * actionNestingRefusal (lib/actions/body-depth.ts, or the module given: an earlier version, e.g.
 * `git show <commit>:lib/actions/body-depth.ts > /tmp/old-body-depth.ts`) as a request whose body comes in fresh
 * 64 KB chunks, as Next hands the proxy a body read from the socket. Prints the check's wall and CPU time and how
 * much the process's peak resident memory (VmHWM, the kernel's high-water mark: nothing is missed between samples)
 * rose during it. One check per process: run it several times, alternating the versions compared.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const MB = Number(process.argv[2] ?? 60);
const modulePath = path.resolve(process.argv[3] ?? "lib/actions/body-depth.ts");
const CHUNK = 64 * 1024;

function peakRssMb(): number {
  const line = readFileSync("/proc/self/status", "utf8").match(/^VmHWM:\s+(\d+) kB/m);
  return line ? Number(line[1]) / 1024 : NaN;
}

async function main() {
  const { actionNestingRefusal } = (await import(pathToFileURL(modulePath).href)) as {
    actionNestingRefusal: (request: Request) => Promise<string | null>;
  };
  // A backup-like file (JSON rows, as text), written straight into the body: setting up holds the body once.
  const row = JSON.stringify({ id: 1, table: "orders", columns: [{ name: "id", type: "bigint", label: "Identifier", tags: ["a", "b"] }] }) + ",";
  const boundary = "----formdata-undici-0123456789";
  const type = `multipart/form-data; boundary=${boundary}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="1_file"; filename="backup.json"\r\nContent-Type: application/json\r\n\r\n[`,
  );
  const tail = Buffer.from(`{}]\r\n--${boundary}\r\nContent-Disposition: form-data; name="0"\r\n\r\n[{"file":"$K1"}]\r\n--${boundary}--\r\n`);
  const bytes = Buffer.alloc(MB * 1024 * 1024);
  head.copy(bytes, 0);
  bytes.fill(row, head.length, bytes.length - tail.length);
  tail.copy(bytes, bytes.length - tail.length);
  let offset = 0;
  const request = new Request("http://127.0.0.1/metadata-editor/tools", {
    method: "POST",
    body: new ReadableStream<Uint8Array>({
      pull(controller) {
        if (offset >= bytes.length) return controller.close();
        controller.enqueue(new Uint8Array(bytes.subarray(offset, offset + CHUNK))); // a fresh copy, as Next makes of each chunk
        offset += CHUNK;
      },
    }),
    duplex: "half",
    headers: { "Content-Type": type, "Content-Length": String(bytes.length), "Next-Action": "0" },
  } as RequestInit);
  // Warm the module's code on a small body first, as a running server has.
  const small = new FormData();
  small.append("0", "[" + "[]".repeat(1000) + "]");
  const smallResponse = new Response(small);
  await actionNestingRefusal(
    new Request("http://127.0.0.1/", {
      method: "POST",
      body: await smallResponse.arrayBuffer(),
      headers: { "Content-Type": smallResponse.headers.get("content-type")!, "Content-Length": "2100" },
    }),
  );
  const peakBefore = peakRssMb();
  const cpu = process.cpuUsage();
  const started = performance.now();
  const refusal = await actionNestingRefusal(request);
  const wallMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  console.log(
    JSON.stringify({
      module: path.relative(process.cwd(), modulePath),
      bodyMb: +(bytes.length / 1024 / 1024).toFixed(1),
      refused: refusal !== null,
      wallMs: Math.round(wallMs),
      cpuMs: Math.round((used.user + used.system) / 1000),
      peakRssRiseMb: Math.round(peakRssMb() - peakBefore),
      peakRssBeforeMb: Math.round(peakBefore),
    }),
  );
}

void main();
