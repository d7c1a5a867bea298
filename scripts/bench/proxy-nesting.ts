/**
 * What the proxy's nesting check (actionNestingRefusal, lib/actions/body-depth.ts) costs a backup's upload.
 *
 * `npx tsx scripts/bench/proxy-nesting.ts [MB] [module]`: the check alone, in this process. Hands it a server
 * action's multipart body of MB megabytes (default 60: the backup file, then React's argument field, as the restore
 * sends them) as a request whose body comes in fresh 64 KB chunks, as Next hands the proxy a body read from the
 * socket. `module`: another version of body-depth.ts measured the same way (e.g.
 * `git show <commit>:lib/actions/body-depth.ts > /tmp/old-body-depth.ts`). Prints the check's wall and CPU time and
 * how much the process's peak resident memory (VmHWM, the kernel's high-water mark: nothing is missed between
 * samples) rose during it. One check per process: run it several times, alternating the versions compared.
 *
 * `npx tsx scripts/bench/proxy-nesting.ts --server [MB]`: the same body posted to the preview of a restore on the
 * production build (started as the bench does, BENCH_PORT / BENCH_PG_PORT, on an empty embedded database); prints
 * the answer's time, the Next server's CPU time over it and how much its peak RSS (VmHWM) rose. The action refuses
 * the upload at once (its fields are under "1_", not under the "_1_" React's client uses, so it finds no file and
 * answers "Choose a backup file."; the file, starting with `x`, is not JSON either): what is left is the proxy and
 * Next's own reading of the form. One upload per server start (the peak is the process's); alternate builds to
 * compare.
 */
import { readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { processCpuMs, RssSampler } from "./rss";
import { partServerOptions, runningUrl, runScript, serverUp, startServer, stopServer, waitFor } from "./server";

const SERVER = process.argv[2] === "--server";
const args = process.argv.slice(SERVER ? 3 : 2);
const MB = Number(args[0] ?? 60);
const CHUNK = 64 * 1024;
const log = (line: string) => console.log(`[proxy-nesting] ${line}`);

/** A restore's multipart body of `mb` MB: a backup-like file (JSON rows, as text; `x` first when `notJson`), then field 0. */
function restoreBody(mb: number, notJson: boolean): { bytes: Uint8Array<ArrayBuffer>; type: string } {
  const row = JSON.stringify({ id: 1, table: "orders", columns: [{ name: "id", type: "bigint", label: "Identifier", tags: ["a", "b"] }] }) + ",";
  const boundary = "----formdata-undici-0123456789";
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="1_file"; filename="backup.json"\r\nContent-Type: application/json\r\n\r\n${notJson ? "x" : ""}[`,
  );
  const tail = Buffer.from(`{}]\r\n--${boundary}\r\nContent-Disposition: form-data; name="0"\r\n\r\n["$K1"]\r\n--${boundary}--\r\n`);
  // Written straight into the body: setting up holds the body once.
  const array = new Uint8Array(Math.round(mb * 1024 * 1024));
  const bytes = Buffer.from(array.buffer);
  head.copy(bytes, 0);
  bytes.fill(row, head.length, bytes.length - tail.length);
  tail.copy(bytes, bytes.length - tail.length);
  return { bytes: array, type: `multipart/form-data; boundary=${boundary}` };
}

function peakRssMb(pid: number | "self"): number {
  const line = readFileSync(`/proc/${pid}/status`, "utf8").match(/^VmHWM:\s+(\d+) kB/m);
  return line ? Number(line[1]) / 1024 : NaN;
}

async function alone() {
  const modulePath = path.resolve(args[1] ?? "lib/actions/body-depth.ts");
  const { actionNestingRefusal } = (await import(pathToFileURL(modulePath).href)) as {
    actionNestingRefusal: (request: Request) => Promise<string | null>;
  };
  const { bytes, type } = restoreBody(MB, false);
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
  const small = restoreBody(0.01, false);
  await actionNestingRefusal(
    new Request("http://127.0.0.1/", {
      method: "POST",
      body: small.bytes,
      headers: { "Content-Type": small.type, "Content-Length": String(small.bytes.length) },
    }),
  );
  const peakBefore = peakRssMb("self");
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
      peakRssRiseMb: Math.round(peakRssMb("self") - peakBefore),
      peakRssBeforeMb: Math.round(peakBefore),
    }),
  );
}

async function server() {
  const options = partServerOptions(path.resolve(".data/bench-proxy-nesting"), "proxy-nesting-server.log");
  rmSync(options.dataDir, { recursive: true, force: true });
  const editor = startServer(options);
  try {
    await waitFor("embedded PostgreSQL (running.json)", editor, 120_000, () => runningUrl(editor));
    await waitFor("answer from the editor", editor, 900_000, () => serverUp(editor));
    const manifest = JSON.parse(readFileSync(".next/server/server-reference-manifest.json", "utf8")) as {
      node: Record<string, { filename: string; exportedName: string }>;
    };
    const actionId = Object.entries(manifest.node).find(
      ([, e]) => e.filename === "app/(editor)/tools/actions.ts" && e.exportedName === "previewRestoreAction",
    )![0];
    const sampler = new RssSampler(editor.pgid);
    sampler.start();
    const pid = await waitFor("the Next server's process", editor, 30_000, () => [...sampler.peaks.values()].find((p) => p.kind === "next-server")?.pid ?? null);
    sampler.stop();
    const post = async (body: { bytes: Uint8Array<ArrayBuffer>; type: string }) => {
      const response = await fetch(`${editor.base}/tools`, {
        method: "POST",
        body: body.bytes,
        headers: { "Content-Type": body.type, "Next-Action": actionId, Accept: "text/x-component" },
      });
      return { status: response.status, text: (await response.text()).slice(0, 160) };
    };
    // Warm the route and the action on a small upload first, as a running server has.
    log(`warm-up: ${JSON.stringify(await post(restoreBody(0.5, true)))}`);
    const body = restoreBody(MB, true);
    const peakBefore = peakRssMb(pid);
    const cpuBefore = processCpuMs(pid);
    const started = performance.now();
    const answer = await post(body);
    const wallMs = performance.now() - started;
    console.log(
      JSON.stringify({
        bodyMb: +(body.bytes.length / 1024 / 1024).toFixed(1),
        status: answer.status,
        wallMs: Math.round(wallMs),
        serverCpuMs: processCpuMs(pid) - cpuBefore,
        serverPeakRssRiseMb: Math.round(peakRssMb(pid) - peakBefore),
        serverPeakRssMb: Math.round(peakRssMb(pid)),
      }),
    );
    log(`answer: ${answer.text.replace(/\s+/g, " ")}`);
  } finally {
    await stopServer(editor, log);
    rmSync(options.dataDir, { recursive: true, force: true });
  }
}

runScript("[proxy-nesting]", SERVER ? server : alone);
