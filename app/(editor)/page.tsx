import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getProject } from "@/lib/metadata/project";
import { getStats } from "@/lib/metadata/stats";
import { requireReady } from "@/lib/metadata/require-ready";

export default async function HomePage() {
  await requireReady();
  const [project, stats, t] = await Promise.all([getProject(), getStats(), getTranslations("pages.home")]);
  const cards = [
    { label: t("tables"), value: stats.tables, href: "/tables" },
    { label: t("columns"), value: stats.columns, href: "/tables" },
    { label: t("relations"), value: stats.relations, href: "/relations" },
    { label: t("endpoints"), value: stats.endpoints, href: "/api-endpoints" },
    { label: t("historyEntries"), value: stats.logEntries > 10_000 ? "10,000+" : stats.logEntries, href: "/history" },
  ];
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-semibold">{project?.project_name}</h1>
        <p className="text-sm text-zinc-600">
          <span className="font-mono">{project?.project_id}</span> · {project?.status} · {project?.template} · {t("version", { version: project?.version ?? "" })}
        </p>
        {project?.description && <p className="mt-2 max-w-3xl text-sm text-zinc-700">{project.description}</p>}
      </div>
      <ul className="grid gap-4 sm:grid-cols-3 lg:grid-cols-5" aria-label={t("countsLabel")}>
        {cards.map((card) => (
          <li key={card.label}>
            <Link
              href={card.href}
              className="block rounded-lg border border-zinc-200 bg-white p-4 hover:border-blue-300"
            >
              <p className="text-xs text-zinc-500">{card.label}</p>
              <p className="text-2xl font-semibold tabular-nums">{card.value}</p>
            </Link>
          </li>
        ))}
      </ul>
      <div className="flex gap-3 text-sm">
        <Link className="text-blue-700 underline" href="/project">
          {t("editProject")}
        </Link>
        <Link className="text-blue-700 underline" href="/tools">
          {t("verifySchema")}
        </Link>
      </div>
    </div>
  );
}
