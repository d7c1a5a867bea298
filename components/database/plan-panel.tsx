"use client";

import { CodeBlock } from "@/components/ui/code-block";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { applyPlanAction, saveMigrationAction } from "@/app/(editor)/database/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { PlanPreview } from "@/lib/sync/apply";
import { migrationFileNames } from "@/lib/sync/migration-names";

function download(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: "application/sql" }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.click();
  URL.revokeObjectURL(url);
}

export function PlanPanel({ preview, itemIds }: { preview: PlanPreview; itemIds: string[] }) {
  const router = useRouter();
  const [confirmed, setConfirmed] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const destructive = preview.statements.filter((s) => s.destructive);
  const rows = destructive.reduce((n, s) => n + (s.rows ?? 0), 0);
  const request = { itemIds, digest: preview.digest };

  if (preview.statements.length === 0 && preview.problems.length === 0) {
    return (
      <div className="space-y-3">
        {message && <Alert tone="success">{message}</Alert>}
        <Alert tone="success" title="Nothing to do">The database matches the metadata{itemIds.length ? " for the chosen items" : ""}.</Alert>
        {preview.notes.map((n) => <p key={n} className="text-sm text-zinc-600">{n}</p>)}
      </div>
    );
  }
  return (
    <div className="space-y-4">
      <p className="text-sm text-zinc-600">
        {itemIds.length ? `The plan for ${itemIds.length} chosen differences` : "The plan for every difference"} (
        <Link href="/database/drift" className="underline">choose on the Drift page</Link>): {preview.statements.length} statements,
        generated from the metadata only, run in one transaction.
      </p>
      {preview.problems.length > 0 && (
        <Alert tone="error" title="Fix these in the metadata before applying">
          <ul className="list-disc pl-5">{preview.problems.map((p) => <li key={`${p.where}:${p.message}`}>{p.where}: {p.message}</li>)}</ul>
        </Alert>
      )}
      {destructive.length > 0 && (
        <Alert tone="warning" title={`${destructive.length} destructive ${destructive.length === 1 ? "statement" : "statements"}, ${rows} ${rows === 1 ? "row" : "rows"} touched`}>
          <ul className="list-disc pl-5">
            {destructive.map((s) => (
              <li key={s.sql}>
                <code className="text-xs">{s.sql}</code> — {s.danger} ({s.rows ?? 0} {s.rows === 1 ? "row" : "rows"})
              </li>
            ))}
          </ul>
        </Alert>
      )}
      {preview.notes.length > 0 && <ul className="list-disc pl-5 text-sm text-zinc-600">{preview.notes.map((n) => <li key={n}>{n}</li>)}</ul>}
      <div className="grid gap-4 lg:grid-cols-2">
        <section aria-label="Up script">
          <h2 className="text-sm font-semibold">Up</h2>
          <CodeBlock label="Up SQL" className="max-h-[28rem] bg-zinc-50 p-3">{preview.up}</CodeBlock>
        </section>
        <section aria-label="Down script">
          <h2 className="text-sm font-semibold">Down</h2>
          <CodeBlock label="Down SQL" className="max-h-[28rem] bg-zinc-50 p-3">{preview.down}</CodeBlock>
        </section>
      </div>
      {error && <Alert tone="error" className="whitespace-pre-line">{error}</Alert>}
      {message && <Alert tone="success">{message}</Alert>}
      {destructive.length > 0 && (
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} />
          Run the destructive statements too ({rows} {rows === 1 ? "row" : "rows"} touched)
        </label>
      )}
      <div className="flex flex-wrap gap-2">
        <Button
          pending={pending}
          disabled={preview.problems.length > 0 || (destructive.length > 0 && !confirmed)}
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
          disabled={pending || preview.problems.length > 0}
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
          disabled={preview.problems.length > 0}
          onClick={() => {
            const names = migrationFileNames(new Date());
            download(names.up, preview.up);
            download(names.down, preview.down);
          }}
        >
          Download up/down
        </Button>
      </div>
    </div>
  );
}
