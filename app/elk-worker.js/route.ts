import { readFile } from "node:fs/promises";
import path from "node:path";
import { workerBootstrap } from "@/components/diagram/elk-start";

// Read once, when the app is built: the file is elkjs's, unchanged until the next install.
export const dynamic = "force-static";

/**
 * ELK's worker script (elkjs/lib/elk-worker.min.js) at a fixed address, so the diagram page's HTML can start it
 * before the page's JavaScript has loaded (components/diagram/elk-start.ts), followed by the bootstrap that runs the
 * first layout a worker's name carries (workerBootstrap).
 */
export async function GET() {
  const source = await readFile(path.join(process.cwd(), "node_modules", "elkjs", "lib", "elk-worker.min.js"), "utf8");
  return new Response(source + "\n" + workerBootstrap(), { headers: { "Content-Type": "text/javascript; charset=utf-8", "Cache-Control": "public, max-age=3600" } });
}
