import "server-only";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { cache } from "react";
import { getReadyState } from "./ready-gate";

/**
 * The editor's gate, run once per request (React cache) by the layout and by every page and metadata
 * function: Next renders a layout and its page at the same time, so each must check before it queries
 * tables that may not exist yet. Cheap after the first full check (see ready-gate.ts).
 */
export const requireReady = cache(async () => {
  await connection();
  const state = await getReadyState();
  if (state.kind !== "ready") redirect("/setup");
  return state;
});
