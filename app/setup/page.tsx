import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { Preferences } from "@/components/app-shell/preferences";
import { SetupWizard } from "@/components/setup-wizard/setup-wizard";
import { toWizardState } from "@/components/setup-wizard/wizard-state";
import { readInitSql } from "@/lib/metadata/init";
import { projectDefaults } from "@/lib/metadata/project-defaults";
import { getSetupState } from "@/lib/metadata/setup-state";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("setup"))("title") };
}

export default async function SetupPage() {
  await connection();
  const state = await getSetupState();
  if (state.kind === "ready") redirect("/");
  const facts = "facts" in state ? state.facts : null;
  const defaults = projectDefaults(process.env, facts?.display.database ?? "", facts?.serverVersion);
  const [t, app] = await Promise.all([getTranslations("setup"), getTranslations("app")]);
  return (
    <main id="main" tabIndex={-1} className="mx-auto max-w-4xl px-4 py-10 outline-none sm:px-6">
      <header className="mb-8">
        <div className="flex items-start justify-between gap-4">
          <p className="text-sm font-medium text-blue-700">{app("name")}</p>
          <Preferences />
        </div>
        <h1 className="text-2xl font-semibold">{t("heading")}</h1>
        <p className="mt-1 text-sm text-zinc-600">{t.rich("intro", { code: (c) => <code>{c}</code> })}</p>
      </header>
      <SetupWizard initialState={toWizardState(state)} initSql={readInitSql()} defaults={defaults} />
    </main>
  );
}
