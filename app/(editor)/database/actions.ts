"use server";

import type pg from "pg";
import { invalid, type ActionResult, serverAction } from "@/lib/actions/result";
import { withPoolClient } from "@/lib/actions/with-pool-client";
import { applyRequestSchema, driftPageRequestSchema, importRequestSchema, planRequestSchema, resolveRequestSchema } from "@/lib/schemas/sync";
import { applyPlan, ApplyFailedError, ApplyRefusedError, planView, type ApplyResult, type PlanView } from "@/lib/sync/apply";
import { previewImport, runImport, type ImportPreview } from "@/lib/sync/import";
import { listSchemas } from "@/lib/sync/introspect";
import { MigrationPathError, saveMigration } from "@/lib/sync/migration";
import { DriftGoneError, resolveWithDatabase } from "@/lib/sync/resolve";
import { currentPlan, currentSync } from "@/lib/sync/last-result";
import { driftPage, type DriftPage } from "@/lib/sync/sync";
import { say } from "@/lib/i18n/messages";

/** The loop's refusals, said as they are; anything else is mapped by failed(). */
function syncRefusal(error: unknown): ActionResult<never> | null {
  if (error instanceof ApplyRefusedError) {
    return { ok: false, formError: [error.message, ...error.problems.map((p) => `${p.where}: ${p.message}`)].join("\n") };
  }
  if (error instanceof ApplyFailedError || error instanceof DriftGoneError || error instanceof MigrationPathError) {
    return { ok: false, formError: error.message };
  }
  return null;
}

const withClient = <T>(work: (client: pg.PoolClient) => Promise<T>): Promise<ActionResult<T>> =>
  withPoolClient<T>(async (client) => ({ ok: true, data: await work(client) }), syncRefusal);

/** Only schemas the import offers (not _metadata, system or extension schemas). */
async function checkedSchemas(client: pg.PoolClient, schemas: string[]) {
  const known = new Set((await listSchemas(client)).map((s) => s.name));
  const unknown = schemas.filter((s) => !known.has(s));
  if (unknown.length) throw new ApplyRefusedError(say("server.noSuchSchema", { names: unknown.join(", ") }));
  return schemas;
}

/** What importing would add and change; the full entry list is trimmed to the changes (counts keep the rest). */
export const previewImportAction = serverAction(async (input: unknown): Promise<ActionResult<ImportPreview>> => {
  const parsed = importRequestSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  return withClient(async (client) => {
    const preview = await previewImport(client, await checkedSchemas(client, parsed.data.schemas));
    return { ...preview, entries: preview.entries.filter((e) => e.action !== "unchanged").slice(0, 2000) };
  });
});

export const runImportAction = serverAction(async (input: unknown): Promise<ActionResult<ImportPreview["counts"]>> => {
  const parsed = importRequestSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  return withClient(async (client) => (await runImport(client, await checkedSchemas(client, parsed.data.schemas))).counts);
});

/** "Take the database's version" of one drift item. */
export const resolveDriftAction = serverAction(async (input: unknown): Promise<ActionResult<{ resolved: string }>> => {
  const parsed = resolveRequestSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  return withClient(async (client) => ({ resolved: (await resolveWithDatabase(client, parsed.data.itemId)).id }));
});

/**
 * The drift list's next page ("Show more"), computed again: `changed` when the list is no longer the one the page
 * began (its digest differs), so the browser does not splice two different lists together.
 */
export const driftPageAction = serverAction(async (input: unknown): Promise<ActionResult<DriftPage & { changed: boolean }>> => {
  const parsed = driftPageRequestSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  return withClient(async (client) => {
    const page = driftPage((await currentSync(client)).items, parsed.data.offset);
    return { ...page, changed: page.digest !== parsed.data.digest };
  });
});

/**
 * The plan for a chosen set of drift items. The selection travels in the request body, not the URL: a thousand
 * item ids in a query string overflow the server's header limit (HTTP 431).
 */
export const previewPlanAction = serverAction(async (input: unknown): Promise<ActionResult<PlanView>> => {
  const parsed = planRequestSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  return withClient(async (client) => planView(await currentPlan(client, parsed.data.itemIds)));
});

export const applyPlanAction = serverAction(async (input: unknown): Promise<ActionResult<ApplyResult>> => {
  const parsed = applyRequestSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  return withClient((client) => applyPlan(client, parsed.data));
});

/** The plan as reviewed (same digest), recomputed from the metadata; refused when anything changed since. */
async function reviewedPlan(client: pg.PoolClient, request: { itemIds: string[]; digest: string }, nothing: string) {
  const preview = await currentPlan(client, request.itemIds);
  if (preview.digest !== request.digest) {
    throw new ApplyRefusedError(say("server.planChangedReview", { nothing }));
  }
  return preview;
}

/** The reviewed plan's whole up and down scripts (the page shows their first statements only), for Download. */
export const planScriptsAction = serverAction(async (input: unknown): Promise<ActionResult<{ up: string; down: string }>> => {
  const parsed = applyRequestSchema.omit({ allowDestructive: true }).safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  return withClient(async (client) => {
    const { up, down } = await reviewedPlan(client, parsed.data, say("server.nothingDownloaded"));
    return { up, down };
  });
});

/** Saves the reviewed plan (same digest) as a migration in the project's database_path. */
export const saveMigrationAction = serverAction(async (input: unknown): Promise<ActionResult<{ up: string; down: string }>> => {
  const parsed = applyRequestSchema.omit({ allowDestructive: true }).safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  return withClient(async (client) => saveMigration(client, await reviewedPlan(client, parsed.data, say("server.nothingSaved"))));
});
