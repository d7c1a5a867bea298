import { redirect } from "next/navigation";
import { connection } from "next/server";
import { cache } from "react";
import { getSetupState } from "./setup-state";

/**
 * The editor's gate, run once per request (React cache) by the layout and by every page and metadata
 * function: Next renders a layout and its page at the same time, so each must check before it queries
 * tables that may not exist yet.
 */
export const requireReady = cache(async () => {
  await connection();
  const state = await getSetupState();
  if (state.kind !== "ready") redirect("/setup");
  return state;
});
