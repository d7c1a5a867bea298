"use server";

import { revalidatePath } from "next/cache";
import { failed, invalid, type ActionResult, serverAction } from "@/lib/actions/result";
import { withPoolClient } from "@/lib/actions/with-pool-client";
import { getConnection, getPool } from "@/lib/db/pool";
import { readCatalog } from "@/lib/metadata/catalog";
import { compareCatalog, type CheckSummary } from "@/lib/metadata/check";
import { InitError, runInit, type StepResult } from "@/lib/metadata/init";
import { createProject, ProjectExistsError } from "@/lib/metadata/project";
import { getSetupState, type SetupState } from "@/lib/metadata/setup-state";
import { projectWizardSchema } from "@/lib/schemas/project";
import { toWizardState, type WizardState } from "@/components/setup-wizard/wizard-state";
import { say } from "@/lib/i18n/messages";

export const checkConnectionAction = serverAction(async (): Promise<WizardState> => {
  return toWizardState(await getSetupState());
});

export type InitOutcome = { steps: StepResult[]; summary: CheckSummary } | { steps: StepResult[]; error: string };

export const initializeAction = serverAction(
  (): Promise<ActionResult<InitOutcome>> =>
    withPoolClient<InitOutcome>(
      async (client) => {
        const steps = await runInit(client);
        // No revalidatePath: it would re-render /setup, which sends a repaired project straight to the editor
        // before the user has seen the result. The wizard moves on when the user continues.
        const summary = compareCatalog(await readCatalog(client));
        return { ok: true, data: { steps, summary } };
      },
      (error) => {
        if (!(error instanceof InitError)) return null;
        const mapped = failed(error.cause);
        const reason = !mapped.ok && mapped.formError ? mapped.formError : say("errors.unknown");
        // PostgreSQL's own text stays in the server log: the failed step says the same sentence as the alert.
        console.error("[setup] initialization failed:", error.message);
        const steps = error.results.map((s) => (s.ok ? s : { ...s, error: reason }));
        return { ok: true, data: { steps, error: say("server.initNothingChanged", { reason }) } };
      },
    ),
);

export const finishSetupAction = serverAction(async (input: unknown): Promise<ActionResult<{ projectId: string }>> => {
  const parsed = projectWizardSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  try {
    const state: SetupState = await getSetupState();
    if (state.kind === "needs_init") {
      return { ok: false, formError: say("server.initIncomplete") };
    }
    const row = await createProject(getPool(), parsed.data, getConnection().display);
    revalidatePath("/", "layout");
    return { ok: true, data: { projectId: row.project_id } };
  } catch (error) {
    if (error instanceof ProjectExistsError) return { ok: false, formError: error.message };
    return failed(error);
  }
});
