import { AppNav } from "@/components/app-shell/app-nav";
import { RefreshOnBack } from "@/components/app-shell/refresh-on-back";
import { StatusLine } from "@/components/app-shell/status-line";
import { requireReady } from "@/lib/metadata/require-ready";

/** Every editor page: the wizard first while the schema or the project row is missing. */
export default async function EditorLayout({ children }: { children: React.ReactNode }) {
  const state = await requireReady();
  return (
    <div className="flex min-h-screen flex-col">
      <header className="border-b border-zinc-200 bg-white">
        <div className="mx-auto flex max-w-7xl items-center gap-6 px-6 py-3">
          <div>
            <p className="text-sm font-semibold">Metadata Editor</p>
            <p className="text-xs text-zinc-500">{state.project.project_name}</p>
          </div>
          <AppNav />
        </div>
      </header>
      <main className="mx-auto w-full max-w-7xl flex-1 px-6 py-8">{children}</main>
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
