import { readFile } from "node:fs/promises";
import path from "node:path";

// Read once, when the app is built: the file is elkjs's, unchanged until the next install.
export const dynamic = "force-static";

/**
 * ELK's worker script (elkjs/lib/elk-worker.min.js) at a fixed address, so the diagram page's HTML can start it
 * before the page's JavaScript has loaded (components/diagram/elk-start.ts).
 */
export async function GET() {
  const source = await readFile(path.join(process.cwd(), "node_modules", "elkjs", "lib", "elk-worker.min.js"));
  return new Response(source, { headers: { "Content-Type": "text/javascript; charset=utf-8", "Cache-Control": "public, max-age=3600" } });
}
