import { headers } from "next/headers";
import { earlyStartScript } from "./elk-start";

/**
 * Starts ELK's worker from the page's HTML (see elk-start.ts). Rendered before the page waits for its data, so it
 * goes out ahead of the diagram's data; the page's policy allows scripts by nonce only (proxy.ts), so it carries the nonce.
 * A page reached by a link (no HTML load) does not run it: the layout then starts the worker itself.
 */
export async function ElkEarlyStart() {
  const policy = (await headers()).get("content-security-policy") ?? "";
  const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
  return <script nonce={nonce} dangerouslySetInnerHTML={{ __html: earlyStartScript() }} />;
}
