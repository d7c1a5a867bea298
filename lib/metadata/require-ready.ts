import "server-only";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { cache } from "react";
import { getReadyState, lastReadyState } from "./ready-gate";

/** The database stopped answering after the editor had worked: the pages wait for it rather than send to setup. */
export class DatabaseDownError extends Error {
  constructor(readonly label: string) {
    super(`The database at ${label || "its address"} is not answering.`);
    this.name = "DatabaseDownError";
  }
}

/**
 * The editor's gate, run once per request (React cache) by the layout and by every page and metadata
 * function: Next renders a layout and its page at the same time, so each must check before it queries
 * tables that may not exist yet. Cheap after the first full check (see ready-gate.ts).
 * A database that cannot be reached although it worked before is an outage (DatabaseDownError): the
 * layout shows that it is waiting; a database never reached goes to the setup page, which explains it.
 */
export const requireReady = cache(async () => {
  await connection();
  const state = await getReadyState();
  if (state.kind === "unreachable" && lastReadyState()) throw new DatabaseDownError(state.label ?? "");
  if (state.kind !== "ready") redirect("/setup");
  return state;
});

/** The layout's view of the gate: ready, or down with the last known project (never throws for an outage). */
export async function editorGate() {
  try {
    return { kind: "ready" as const, state: await requireReady() };
  } catch (error) {
    const last = lastReadyState();
    if (error instanceof DatabaseDownError && last) return { kind: "down" as const, label: error.label, state: last };
    throw error;
  }
}
