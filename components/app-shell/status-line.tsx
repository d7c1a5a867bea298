import type { ConnectionSource } from "@/lib/db/config";

const SOURCES: Record<ConnectionSource, string> = {
  embedded: "embedded PostgreSQL",
  DATABASE_URL: "from DATABASE_URL",
  "DB_*": "from DB_* settings",
  none: "not configured",
};

/** Which database this editor works on, always visible: the user must never wonder. */
export function StatusLine(props: {
  label: string;
  source: ConnectionSource;
  serverVersion: string;
  projectId: string;
  objects: number;
}) {
  return (
    <footer role="contentinfo" className="border-t border-zinc-200 bg-white">
      <div
        aria-label="Connection status"
        className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-4 gap-y-1 px-6 py-2 text-xs text-zinc-600"
      >
        <span className="flex items-center gap-1.5">
          <span aria-hidden className="size-2 rounded-full bg-emerald-500" />
          Connected to <span className="font-mono text-zinc-900">{props.label}</span>
        </span>
        <span>PostgreSQL {props.serverVersion}</span>
        <span>{SOURCES[props.source]}</span>
        <span>
          project <span className="font-mono text-zinc-900">{props.projectId}</span>
        </span>
        <span>{props.objects} schema objects verified</span>
      </div>
    </footer>
  );
}
