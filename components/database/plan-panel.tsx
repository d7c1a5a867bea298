"use client";

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

export function PlanPanel({ plan, itemIds }: { plan: PlanView; itemIds: string[] }) {
  const router = useRouter();
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
        <Alert tone="success" title="Nothing to do">The database matches the metadata{itemIds.length ? " for the chosen items" : ""}.</Alert>
        {plan.notes.map((n) => <p key={n} className="text-sm text-zinc-600">{n}</p>)}
      </div>
    );
  }
  return (
    <div className="space-y-4">
      <p className="text-sm text-zinc-600">
        {itemIds.length ? `The plan for ${itemIds.length} chosen differences` : "The plan for every difference"} (
        <Link href="/database/drift" className="underline">choose on the Drift page</Link>): {plan.statements} statements,
        generated from the metadata only, run in one transaction.
      </p>
      {plan.problems.length > 0 && (
        <Alert tone="error" title="Fix these in the metadata before applying">
          <ul className="list-disc pl-5">{plan.problems.map((p) => <li key={`${p.where}:${p.message}`}>{p.where}: {p.message}</li>)}</ul>
        </Alert>
      )}
      {destructive > 0 && (
        <Alert tone="warning" title={`${destructive} destructive ${destructive === 1 ? "statement" : "statements"}, ${rows} ${rows === 1 ? "row" : "rows"} touched`}>
          <ul className="list-disc pl-5">
            {plan.dangers.map((s) => (
              <li key={s.sql}>
                <code className="text-xs">{s.sql}</code> — {s.danger} ({s.rows ?? 0} {s.rows === 1 ? "row" : "rows"})
              </li>
            ))}
          </ul>
          {destructive > plan.dangers.length && <p className="text-sm">… and {destructive - plan.dangers.length} more (in the up script).</p>}
        </Alert>
      )}
      {plan.notes.length > 0 && <ul className="list-disc pl-5 text-sm text-zinc-600">{plan.notes.map((n) => <li key={n}>{n}</li>)}</ul>}
      {plan.hidden > 0 && (
        <p className="text-sm text-zinc-600">
          The scripts below show their first {plan.statements - plan.hidden} of {plan.statements} statements; Download and Save migration file
          give them whole, and Apply runs them all.
        </p>
      )}
      <div className="grid gap-4 lg:grid-cols-2">
        <section aria-label="Up script">
          <h2 className="text-sm font-semibold">Up</h2>
          <CodeBlock label="Up SQL" className="max-h-[28rem] bg-zinc-50 p-3">{plan.up}</CodeBlock>
        </section>
        <section aria-label="Down script">
          <h2 className="text-sm font-semibold">Down</h2>
          <CodeBlock label="Down SQL" className="max-h-[28rem] bg-zinc-50 p-3">{plan.down}</CodeBlock>
        </section>
      </div>
      {error && <Alert tone="error" className="whitespace-pre-line">{error}</Alert>}
      {message && <Alert tone="success">{message}</Alert>}
      {destructive > 0 && (
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} />
          Run the destructive statements too ({rows} {rows === 1 ? "row" : "rows"} touched)
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
              if (!result.ok) return setError(result.formError ?? "The plan was not applied; nothing changed.");
              setMessage(
                result.data.remaining.length
                  ? `Applied ${result.data.statements} statements; ${result.data.remaining.length} differences remain (see the notes).`
                  : `Applied ${result.data.statements} statements. The database now matches the metadata.`,
              );
              router.refresh();
            })
          }
        >
          Apply
        </Button>
        <Button
          variant="secondary"
          disabled={pending || plan.problems.length > 0}
          onClick={() =>
            start(async () => {
              setError(null);
              const result = await saveMigrationAction(request);
              if (result.ok) setMessage(`Saved ${result.data.up} and ${result.data.down}.`);
              else setError(result.formError ?? "The migration could not be saved.");
            })
          }
        >
          Save migration file
        </Button>
        <Button
          variant="ghost"
          disabled={pending || plan.problems.length > 0}
          onClick={() =>
            start(async () => {
              setError(null);
              const result = await planScriptsAction(request);
              if (!result.ok) return setError(result.formError ?? "The scripts could not be downloaded.");
              const names = migrationFileNames(new Date());
              download(names.up, result.data.up);
              download(names.down, result.data.down);
            })
          }
        >
          Download up/down
        </Button>
      </div>
    </div>
  );
}
