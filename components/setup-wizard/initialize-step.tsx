"use client";

import { useTranslations } from "next-intl";
import { CodeBlock } from "@/components/ui/code-block";
import { useState, useTransition } from "react";
import { initializeAction, type InitOutcome } from "@/app/setup/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { CheckSummary } from "@/lib/metadata/check";

export function InitializeStep({
  sql,
  summary,
  onDone,
  onBack,
}: {
  sql: string;
  summary: CheckSummary;
  onDone: (summary: CheckSummary) => void;
  onBack: () => void;
}) {
  const t = useTranslations("setup.init");
  const st = useTranslations("setup");
  const [pending, startTransition] = useTransition();
  const [outcome, setOutcome] = useState<InitOutcome | null>(null);
  const [error, setError] = useState<string | null>(null);
  // After a run, the text above the SQL speaks of the schema as it is now, not as the page found it.
  const current = outcome && "summary" in outcome ? outcome.summary : summary;
  const done = outcome !== null && "summary" in outcome && outcome.summary.complete;
  const problems = current.items.filter((i) => i.status === "missing" || i.status === "different");

  function run() {
    setError(null);
    startTransition(async () => {
      const result = await initializeAction();
      if (!result.ok) setError(result.formError ?? t("failed"));
      else setOutcome(result.data);
    });
  }

  return (
    <div className="space-y-5">
      {current.complete ? (
        <Alert tone="success" title={summary.complete ? t("alreadyComplete") : t("nowComplete")}>
          {t("alreadyCompleteBody", { count: current.items.filter((i) => i.status === "present").length })}
        </Alert>
      ) : (
        <p className="text-sm text-zinc-700">
          {current.empty
            ? t("empty")
            : t("incomplete", { count: problems.length })}
        </p>
      )}
      {!current.complete && !current.empty && (
        <details className="rounded-md border border-zinc-200 bg-white p-3 text-sm">
          <summary className="cursor-pointer font-medium">{t("problems", { count: problems.length })}</summary>
          <ul className="mt-2 max-h-48 list-disc overflow-auto pl-5 font-mono text-xs">
            {problems.map((i) => (
              <li key={`${i.kind}:${i.name}`}>
                {i.kind} {i.name}: {i.status}
              </li>
            ))}
          </ul>
        </details>
      )}
      <section aria-label={t("sqlLabel")}>
        <h3 className="mb-1 text-sm font-medium">{t("sqlTitle")}</h3>
        <CodeBlock label="sql/001_metadata_init.sql" className="max-h-80 bg-zinc-900 p-3 leading-relaxed text-zinc-100">
          {sql}
        </CodeBlock>
      </section>
      {outcome && (
        <section aria-label={t("resultLabel")} className="space-y-2">
          <ol className="space-y-1 text-sm">
            {outcome.steps
              .filter((s) => s.key !== "lock")
              .map((s) => (
                <li key={s.key} className={s.ok ? "text-emerald-700" : "text-red-700"}>
                  <span aria-hidden>{s.ok ? "✓ " : "✗ "}</span>
                  {t.has(`steps.${s.key}` as "steps.schema") ? t(`steps.${s.key}` as "steps.schema") : s.label} {s.ok ? t("ms", { ms: s.ms }) : `: ${s.error}`}
                </li>
              ))}
          </ol>
          {"error" in outcome && (
            <Alert tone="error" title={t("initFailed")}>
              {outcome.error}
            </Alert>
          )}
          {"summary" in outcome && (
            <Alert
              tone={outcome.summary.complete ? "success" : "warning"}
              title={outcome.summary.complete ? t("initialized") : t("initializedDiff")}
            >
              {outcome.summary.complete
                ? t("verified", { count: outcome.summary.items.filter((i) => i.status === "present").length })
                : t("remain", { missing: outcome.summary.missing, different: outcome.summary.different })}
            </Alert>
          )}
        </section>
      )}
      {error && (
        <Alert tone="error" title={t("couldNotRun")}>
          {error}
        </Alert>
      )}
      <div className="flex gap-2">
        <Button variant="secondary" onClick={onBack}>
          {st("back")}
        </Button>
        {summary.complete || done ? (
          <Button onClick={() => onDone(outcome && "summary" in outcome ? outcome.summary : summary)}>{st("continue")}</Button>
        ) : (
          <Button onClick={run} pending={pending}>
            {t("run")}
          </Button>
        )}
      </div>
    </div>
  );
}
