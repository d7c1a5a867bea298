import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { SetupWizard } from "@/components/setup-wizard/setup-wizard";
import { toWizardState } from "@/components/setup-wizard/wizard-state";
import { readInitSql } from "@/lib/metadata/init";
import { projectDefaults } from "@/lib/metadata/project-defaults";
import { getSetupState } from "@/lib/metadata/setup-state";

export const metadata: Metadata = { title: "Setup" };

export default async function SetupPage() {
  await connection();
  const state = await getSetupState();
  if (state.kind === "ready") redirect("/");
  const facts = "facts" in state ? state.facts : null;
  const defaults = projectDefaults(process.env, facts?.display.database ?? "", facts?.serverVersion);
  return (
    <main className="mx-auto max-w-4xl px-6 py-10">
      <header className="mb-8">
        <p className="text-sm font-medium text-blue-700">Metadata Editor</p>
        <h1 className="text-2xl font-semibold">Set up this project&apos;s metadata</h1>
        <p className="mt-1 text-sm text-zinc-600">
          Four steps: check the connection, create the <code>_metadata</code> schema, describe the project, and review.
        </p>
      </header>
      <SetupWizard initialState={toWizardState(state)} initSql={readInitSql()} defaults={defaults} />
    </main>
  );
}
