import { useTranslations } from "next-intl";
import type { ConnectionSource } from "@/lib/db/config";

const SOURCES = { embedded: "sourceEmbedded", DATABASE_URL: "sourceUrl", "DB_*": "sourceDb", none: "sourceNone" } as const satisfies Record<
  ConnectionSource,
  string
>;

/** Which database this editor works on, always visible: the user must never wonder. */
export function StatusLine(props: {
  label: string;
  source: ConnectionSource;
  serverVersion: string;
  projectId: string;
  objects: number;
}) {
  const t = useTranslations("status");
  return (
    <footer className="border-t border-zinc-200 bg-white">
      <section
        aria-label={t("label")}
        className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-4 gap-y-1 px-4 py-2 text-xs text-zinc-600 sm:px-6"
      >
        <span className="flex items-center gap-1.5">
          <span aria-hidden className="size-2 rounded-full bg-emerald-500" />
          {t.rich("connectedTo", { db: () => <span className="font-mono text-zinc-900">{props.label}</span> })}
        </span>
        <span>{t("postgres", { version: props.serverVersion })}</span>
        <span>{t(SOURCES[props.source])}</span>
        <span>{t.rich("project", { id: () => <span className="font-mono text-zinc-900">{props.projectId}</span> })}</span>
        <span>{t("objects", { count: props.objects })}</span>
      </section>
    </footer>
  );
}
