import { getTranslations } from "next-intl/server";
import { AppNav } from "@/components/app-shell/app-nav";
import { DatabaseWatch } from "@/components/app-shell/database-watch";
import { Preferences } from "@/components/app-shell/preferences";
import { RefreshOnBack } from "@/components/app-shell/refresh-on-back";
import { StatusLine } from "@/components/app-shell/status-line";
import { editorGate } from "@/lib/metadata/require-ready";

/**
 * Every editor page: the wizard first while the schema or the project row is missing. When the database
 * stops answering after it worked, the shell stays and says so (DatabaseWatch) instead of sending the user
 * to set up a project that exists.
 */
export default async function EditorLayout({ children }: { children: React.ReactNode }) {
  const [gate, t] = await Promise.all([editorGate(), getTranslations("app")]);
  const { state } = gate;
  return (
    <div className="flex min-h-screen flex-col">
      <header className="border-b border-zinc-200 bg-white">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3 sm:px-6">
          <div className="mr-auto md:mr-0">
            <p className="text-sm font-semibold">{t("name")}</p>
            <p className="text-xs text-zinc-500">{state.project.project_name}</p>
          </div>
          <AppNav />
          <div className="md:ml-auto">
            <Preferences />
          </div>
        </div>
      </header>
      <DatabaseWatch initiallyDown={gate.kind === "down"} label={gate.kind === "down" ? gate.label : state.facts.label} />
      <main id="main" tabIndex={-1} className="mx-auto w-full max-w-7xl flex-1 px-4 py-6 outline-none sm:px-6 sm:py-8 has-[[data-full-width]]:max-w-none">
        {gate.kind === "down" ? (
          <p className="py-10 text-center text-sm text-zinc-600">
            {t("needsDatabase")}
          </p>
        ) : (
          children
        )}
      </main>
      <RefreshOnBack />
      <StatusLine
        label={state.facts.label}
        source={state.facts.source}
        serverVersion={state.facts.serverVersion}
        projectId={state.project.project_id}
        objects={state.summary.items.filter((i) => i.status === "present").length}
      />
    </div>
  );
}
