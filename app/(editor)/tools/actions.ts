"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { failed, invalid, type ActionResult, serverAction } from "@/lib/actions/result";
import { withPoolClient } from "@/lib/actions/with-pool-client";
import { getPool } from "@/lib/db/pool";
import {
  BackupRefusedError,
  parseBackup,
  previewRestore,
  restoreMetadata,
  type BackupDocument,
  type RestorePreview,
} from "@/lib/metadata/backup";
import { resetMetadata, ResetRefusedError } from "@/lib/metadata/reset";
import { verifyMetadata, type VerifyResult } from "@/lib/metadata/verify";
import { resetSchema, restoreRequestSchema } from "@/lib/schemas/backup";

export const verifyAction = serverAction(
  (): Promise<ActionResult<VerifyResult[]>> => withPoolClient(async (client) => ({ ok: true, data: await verifyMetadata(client) })),
);

/** A file the editor will not restore: why, and the rows or tables at fault. Not an error of the action. */
export type PreviewOutcome =
  { kind: "preview"; preview: RestorePreview } | { kind: "refused"; reason: string; problems: string[] };
export type RestoreOutcome =
  { kind: "restored"; rows: number } | { kind: "refused"; reason: string; problems: string[] };

async function readBackupForm(
  input: unknown,
): Promise<{ doc: BackupDocument; digest?: string } | { reason: string; problems: string[] }> {
  const form =
    input instanceof FormData ? { file: input.get("file"), digest: input.get("digest") ?? undefined } : input;
  const parsed = restoreRequestSchema.safeParse(form);
  if (!parsed.success) return { reason: parsed.error.issues[0].message, problems: [] };
  const result = parseBackup(await parsed.data.file.text());
  return result.ok ? { doc: result.doc, digest: parsed.data.digest } : result;
}

/** The backup file's preview (what a restore would add, change, remove), or why the file is refused. */
export const previewRestoreAction = serverAction(async (input: unknown): Promise<ActionResult<PreviewOutcome>> => {
  try {
    const read = await readBackupForm(input);
    if ("reason" in read) return { ok: true, data: { kind: "refused", ...read } };
    return { ok: true, data: { kind: "preview", preview: await previewRestore(getPool(), read.doc) } };
  } catch (error) {
    if (error instanceof BackupRefusedError)
      return { ok: true, data: { kind: "refused", reason: error.message, problems: error.problems } };
    return failed(error);
  }
});

/** Replaces all metadata with the backup's, in one transaction; refused if it changed since the preview. */
export const restoreAction = serverAction(async (input: unknown): Promise<ActionResult<RestoreOutcome>> => {
  try {
    const read = await readBackupForm(input);
    if ("reason" in read) return { ok: true, data: { kind: "refused", ...read } };
    const result = await restoreMetadata(getPool(), read.doc, { expectedDigest: read.digest });
    revalidatePath("/", "layout");
    return { ok: true, data: { kind: "restored", rows: Object.values(result.rows).reduce((n, c) => n + c, 0) } };
  } catch (error) {
    if (error instanceof BackupRefusedError)
      return { ok: true, data: { kind: "refused", reason: error.message, problems: error.problems } };
    return failed(error);
  }
});

/** The spec's appendix C: drops the _metadata schema once the typed project id matches; then the wizard. */
export async function resetAction(input: unknown): Promise<ActionResult<never>> {
  const refused = await resetOrRefuse(input);
  if (refused) return refused;
  // Outside the language scope, at the action's top level, where Next expects its redirect.
  revalidatePath("/", "layout");
  redirect("/setup");
}

/** The reset's check and work in the request's language: null once the schema is dropped, else the refusal. */
const resetOrRefuse = serverAction(async (input: unknown): Promise<ActionResult<never> | null> => {
  const parsed = resetSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  try {
    await resetMetadata(getPool(), { confirmProjectId: parsed.data.projectId });
    return null;
  } catch (error) {
    if (error instanceof ResetRefusedError) return { ok: false, formError: error.message, fieldErrors: { projectId: error.message } };
    return failed(error);
  }
});
