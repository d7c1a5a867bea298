"use client";

import { useTranslations } from "next-intl";
import { CodeBlock } from "@/components/ui/code-block";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { applyPlanAction, planScriptsAction, saveMigrationAction } from "@/app/(editor)/database/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { PlanView } from "@/lib/sync/apply";
import { migrationFileNames } from "@/lib/sync/migration-names";

function download(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: "application/sql" }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.click();
  URL.revokeObjectURL(url);
}

/** `onChanged` computes the plan again after an apply (default: the server page is rendered again). */
export function PlanPanel({ plan, itemIds, onChanged }: { plan: PlanView; itemIds: string[]; onChanged?: () => Promise<void> | void }) {
  const router = useRouter();
  const t = useTranslations("database.plan");
  const [confirmed, setConfirmed] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const { rows, destructive } = plan;
  const request = { itemIds, digest: plan.digest };

  if (plan.statements === 0 && plan.problems.length === 0) {
    return (
      <div className="space-y-3">
        {message && <Alert tone="success">{message}</Alert>}
        <Alert tone="success" title={t("nothing")}>{itemIds.length ? t("matchesChosen") : t("matches")}</Alert>
        {plan.notes.map((n) => <p key={n} className="text-sm text-zinc-600">{n}</p>)}
      </div>
    );
  }
  return (
    <div className="space-y-4">
      <p className="text-sm text-zinc-600">
        {t.rich("intro", {
          chosen: itemIds.length,
          statements: plan.statements,
          link: (chunks) => (
            <Link href="/database/drift" className="underline">
              {chunks}
            </Link>
          ),
        })}
      </p>
      {plan.problems.length > 0 && (
        <Alert tone="error" title={t("fixFirst")}>
          <ul className="list-disc pl-5">{plan.problems.map((p) => <li key={`${p.where}:${p.message}`}>{p.where}: {p.message}</li>)}</ul>
        </Alert>
      )}
      {destructive > 0 && (
        <Alert tone="warning" title={t("destructive", { count: destructive, rows })}>
          <ul className="list-disc pl-5">
            {plan.dangers.map((s) => (
              <li key={s.sql}>
                <code className="text-xs">{s.sql}</code> — {s.danger} ({t("rows", { count: s.rows ?? 0 })})
              </li>
            ))}
          </ul>
          {destructive > plan.dangers.length && <p className="text-sm">{t("moreDangers", { count: destructive - plan.dangers.length })}</p>}
        </Alert>
      )}
      {plan.notes.length > 0 && <ul className="list-disc pl-5 text-sm text-zinc-600">{plan.notes.map((n) => <li key={n}>{n}</li>)}</ul>}
      {plan.hidden > 0 && (
        <p className="text-sm text-zinc-600">{t("hidden", { shown: plan.statements - plan.hidden, statements: plan.statements })}</p>
      )}
      <div className="grid gap-4 lg:grid-cols-2">
        <section aria-label={t("upLabel")}>
          <h2 className="text-sm font-semibold">{t("up")}</h2>
          <CodeBlock label={t("upSql")} className="max-h-[28rem] bg-zinc-50 p-3">{plan.up}</CodeBlock>
        </section>
        <section aria-label={t("downLabel")}>
          <h2 className="text-sm font-semibold">{t("down")}</h2>
          <CodeBlock label={t("downSql")} className="max-h-[28rem] bg-zinc-50 p-3">{plan.down}</CodeBlock>
        </section>
      </div>
      {error && <Alert tone="error" className="whitespace-pre-line">{error}</Alert>}
      {message && <Alert tone="success">{message}</Alert>}
      {destructive > 0 && (
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} />
          {t("runDestructive", { rows })}
        </label>
      )}
      <div className="flex flex-wrap gap-2">
        <Button
          pending={pending}
          disabled={plan.problems.length > 0 || (destructive > 0 && !confirmed)}
          onClick={() =>
            start(async () => {
              setError(null);
              const result = await applyPlanAction({ ...request, allowDestructive: confirmed });
              if (!result.ok) return setError(result.formError ?? t("notApplied"));
              setMessage(
                result.data.remaining.length
                  ? t("appliedRemain", { statements: result.data.statements, remaining: result.data.remaining.length })
                  : t("applied", { statements: result.data.statements }),
              );
              if (onChanged) await onChanged();
              else router.refresh();
            })
          }
        >
          {t("apply")}
        </Button>
        <Button
          variant="secondary"
          disabled={pending || plan.problems.length > 0}
          onClick={() =>
            start(async () => {
              setError(null);
              const result = await saveMigrationAction(request);
              if (result.ok) setMessage(t("saved", { up: result.data.up, down: result.data.down }));
              else setError(result.formError ?? t("saveFailed"));
            })
          }
        >
          {t("save")}
        </Button>
        <Button
          variant="ghost"
          disabled={pending || plan.problems.length > 0}
          onClick={() =>
            start(async () => {
              setError(null);
              const result = await planScriptsAction(request);
              if (!result.ok) return setError(result.formError ?? t("downloadFailed"));
              const names = migrationFileNames(new Date());
              download(names.up, result.data.up);
              download(names.down, result.data.down);
            })
          }
        >
          {t("download")}
        </Button>
      </div>
    </div>
  );
}
