"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { useState, useTransition } from "react";
import { previewImportAction, runImportAction } from "@/app/(editor)/database/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { ImportPreview } from "@/lib/sync/import";

type Counts = ImportPreview["counts"];

function CountsTable({ counts, caption }: { counts: Counts; caption: string }) {
  const t = useTranslations("database.import");
  return (
    <table className="text-sm" aria-label={caption}>
      <thead className="text-xs text-zinc-500">
        <tr>
          <th className="pr-6 text-left font-normal" />
          <th className="pr-6 text-right font-normal">{t("toAdd")}</th>
          <th className="pr-6 text-right font-normal">{t("toUpdate")}</th>
          <th className="text-right font-normal">{t("unchanged")}</th>
        </tr>
      </thead>
      <tbody>
        {(["table", "column", "relation"] as const).map((k) => (
          <tr key={k}>
            <th className="pr-6 text-left font-medium">{t(`kinds.${k}`)}</th>
            <td className="pr-6 text-right">{counts[k].add}</td>
            <td className="pr-6 text-right">{counts[k].update}</td>
            <td className="text-right">{counts[k].unchanged}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function ImportPanel({ schemas, preselected }: { schemas: { name: string; tables: number }[]; preselected: string[] }) {
  const t = useTranslations("database.import");
  // lib/sync names skipped objects by their catalog kind ("foreign key"); a kind it adds later shows as itself.
  const skipKind = (kind: string) => (t.has(`skipKinds.${kind}` as never) ? t(`skipKinds.${kind}` as never) : kind);
  const [chosen, setChosen] = useState<string[]>(preselected);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [done, setDone] = useState<Counts | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const toggle = (name: string) => {
    setPreview(null);
    setDone(null);
    setChosen((c) => (c.includes(name) ? c.filter((x) => x !== name) : [...c, name]));
  };
  const run = (work: () => Promise<void>) =>
    start(async () => {
      setError(null);
      await work();
    });

  return (
    <div className="space-y-4">
      <fieldset className="space-y-1">
        <legend className="text-sm font-medium">{t("schemas")}</legend>
        {schemas.map((s) => (
          <label key={s.name} className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={chosen.includes(s.name)} onChange={() => toggle(s.name)} />
            <span className="font-mono">{s.name}</span>
            <span className="text-zinc-500">{t("tables", { count: s.tables })}</span>
          </label>
        ))}
      </fieldset>
      <Button
        variant="secondary"
        pending={pending && !preview}
        disabled={chosen.length === 0 || pending}
        onClick={() =>
          run(async () => {
            const result = await previewImportAction({ schemas: chosen });
            if (result.ok) setPreview(result.data);
            else setError(result.formError ?? t("previewFailed"));
          })
        }
      >
        {t("preview")}
      </Button>
      {error && <Alert tone="error" className="whitespace-pre-line">{error}</Alert>}
      {done && (
        <Alert tone="success" title={t("imported")}>
          {t.rich("importedBody", {
            tables: done.table.add,
            columns: done.column.add,
            relations: done.relation.add,
            refreshed: done.table.update + done.column.update + done.relation.update,
            link: (chunks) => (
            <Link className="underline" href="/database/drift">
              {chunks}
            </Link>
          ),
          })}
        </Alert>
      )}
      {preview && !done && (
        <section aria-label={t("previewLabel")} className="space-y-3">
          <CountsTable counts={preview.counts} caption={t("what")} />
          {preview.problems.length > 0 && (
            <Alert tone="error" title={t("cannotWrite")}>
              <ul className="list-disc pl-5">{preview.problems.map((p) => <li key={p}>{p}</li>)}</ul>
            </Alert>
          )}
          {preview.entries.length > 0 && (
            <ul aria-label={t("changes")} className="max-h-80 overflow-auto rounded border border-zinc-200 p-2 font-mono text-xs">
              {preview.entries.map((e) => (
                <li key={`${e.kind}:${e.name}`}>
                  {e.action === "add" ? t("add") : t("update")} {t(`entryKinds.${e.kind}`)} {e.name}
                  {e.fields.length > 0 && <span className="text-zinc-500"> ({e.fields.join(", ")})</span>}
                </li>
              ))}
            </ul>
          )}
          {preview.skipped.length > 0 && (
            <div>
              <h3 className="text-sm font-medium">{t("skipped")}</h3>
              <ul aria-label={t("skipped")} className="list-disc pl-5 text-sm text-zinc-700">
                {preview.skipped.map((s) => (
                  <li key={`${s.kind}:${s.name}`}>
                    {skipKind(s.kind)} <span className="font-mono">{s.name}</span>: {s.reason}
                  </li>
                ))}
              </ul>
            </div>
          )}
          {preview.notes.length > 0 && (
            <ul aria-label={t("notes")} className="list-disc pl-5 text-sm text-zinc-600">{preview.notes.map((n) => <li key={n}>{n}</li>)}</ul>
          )}
          <p className="text-xs text-zinc-500">{t("onlyDbSide")}</p>
          <Button
            pending={pending}
            onClick={() =>
              run(async () => {
                const result = await runImportAction({ schemas: chosen });
                if (result.ok) setDone(result.data);
                else setError(result.formError ?? t("failed"));
              })
            }
          >
            {t("run")}
          </Button>
        </section>
      )}
    </div>
  );
}
