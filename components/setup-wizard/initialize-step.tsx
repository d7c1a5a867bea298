"use client";

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
      if (!result.ok) setError(result.formError ?? "The initialization failed.");
      else setOutcome(result.data);
    });
  }

  return (
    <div className="space-y-5">
      {current.complete ? (
        <Alert tone="success" title={summary.complete ? "The _metadata schema is already complete" : "The _metadata schema is complete"}>
          All {current.items.filter((i) => i.status === "present").length} objects are as the seed defines them. Running
          the script again changes nothing.
        </Alert>
      ) : (
        <p className="text-sm text-zinc-700">
          {current.empty
            ? "The database has no _metadata schema yet. This SQL creates it, its enums, tables, indexes and triggers, in one transaction: either all of it is created, or nothing."
            : `The _metadata schema is incomplete (${problems.length} objects missing or different). The script creates what is missing; it never drops or alters what exists.`}
        </p>
      )}
      {!current.complete && !current.empty && (
        <details className="rounded-md border border-zinc-200 bg-white p-3 text-sm">
          <summary className="cursor-pointer font-medium">Objects missing or different ({problems.length})</summary>
          <ul className="mt-2 max-h-48 list-disc overflow-auto pl-5 font-mono text-xs">
            {problems.map((i) => (
              <li key={`${i.kind}:${i.name}`}>
                {i.kind} {i.name}: {i.status}
              </li>
            ))}
          </ul>
        </details>
      )}
      <section aria-label="SQL to run">
        <h3 className="mb-1 text-sm font-medium">The SQL it will run (sql/001_metadata_init.sql)</h3>
        <CodeBlock label="sql/001_metadata_init.sql" className="max-h-80 bg-zinc-900 p-3 leading-relaxed text-zinc-100">
          {sql}
        </CodeBlock>
      </section>
      {outcome && (
        <section aria-label="Initialization result" className="space-y-2">
          <ol className="space-y-1 text-sm">
            {outcome.steps
              .filter((s) => s.key !== "lock")
              .map((s) => (
                <li key={s.key} className={s.ok ? "text-emerald-700" : "text-red-700"}>
                  <span aria-hidden>{s.ok ? "✓ " : "✗ "}</span>
                  {s.label} {s.ok ? `(${s.ms} ms)` : `: ${s.error}`}
                </li>
              ))}
          </ol>
          {"error" in outcome && (
            <Alert tone="error" title="Initialization failed">
              {outcome.error}
            </Alert>
          )}
          {"summary" in outcome && (
            <Alert
              tone={outcome.summary.complete ? "success" : "warning"}
              title={outcome.summary.complete ? "Initialized" : "Initialized, with differences"}
            >
              {outcome.summary.complete
                ? `All ${outcome.summary.items.filter((i) => i.status === "present").length} objects verified.`
                : `${outcome.summary.missing} missing and ${outcome.summary.different} different objects remain: the script does not alter existing tables. Use Tools → Check for details.`}
            </Alert>
          )}
        </section>
      )}
      {error && (
        <Alert tone="error" title="Could not run the initialization">
          {error}
        </Alert>
      )}
      <div className="flex gap-2">
        <Button variant="secondary" onClick={onBack}>
          Back
        </Button>
        {summary.complete || done ? (
          <Button onClick={() => onDone(outcome && "summary" in outcome ? outcome.summary : summary)}>Continue</Button>
        ) : (
          <Button onClick={run} pending={pending}>
            Run initialization
          </Button>
        )}
      </div>
    </div>
  );
}
