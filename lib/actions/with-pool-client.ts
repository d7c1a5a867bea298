import type pg from "pg";
import { withPoolClient as onPoolClient } from "../sync/with-client";
import { failed, type ActionResult } from "./result";

/**
 * An action's work on one pooled connection: connect, run, release. A connection that cannot be had, or
 * anything the work throws, becomes the action's failure: `refusal` first maps the errors that are the
 * action's own answer (a refused plan, a failed init), everything else goes through failed() (lib/db/errors.ts).
 */
export async function withPoolClient<T>(
  work: (client: pg.PoolClient) => Promise<ActionResult<T>>,
  refusal: (error: unknown) => ActionResult<T> | null = () => null,
): Promise<ActionResult<T>> {
  try {
    return await onPoolClient(work);
  } catch (error) {
    return refusal(error) ?? failed(error);
  }
}
