"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { resolveDriftAction } from "@/app/(editor)/database/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { DriftItem } from "@/lib/sync/drift";
import type { Problem } from "@/lib/sync/probe";


const objectOf = (i: DriftItem) =>
  `${i.table}${i.column ? `.${i.column}` : ""}${i.kind === "check" || i.kind === "enum" ? ` ${i.name}` : ""}`;

export function DriftList({
  schemas,
  items,
  total,
  problems,
  notComparable,
}: {
  schemas: string[];
  /** The first SHOWN_DRIFT_ITEMS (lib/sync/drift.ts) items of `total`. */
  items: DriftItem[];
  total: number;
  problems: Problem[];
  notComparable: string[];
}) {
  const router = useRouter();
  const t = useTranslations("database.drift");
  const [selected, setSelected] = useState<string[]>([]);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [, start] = useTransition();
  const planHref = `/database/plan${selected.length ? `?${selected.map((id) => `item=${encodeURIComponent(id)}`).join("&")}` : ""}`;

  const takeDatabase = (item: DriftItem) =>
    start(async () => {
      setBusy(item.id);
      setError(null);
      setMessage(null);
      const result = await resolveDriftAction({ itemId: item.id });
      setBusy(null);
      if (!result.ok) setError(result.formError ?? t("changeFailed"));
      else setMessage(t("took", { object: objectOf(item) }));
      setSelected((s) => s.filter((x) => x !== item.id));
      router.refresh();
    });

  return (
    <div className="space-y-4">
      <p className="text-sm text-zinc-600">
        {t.rich("compared", { schemas: schemas.join(", ") || t("none"), mono: (chunks) => <span className="font-mono">{chunks}</span> })}
      </p>
      {error && <Alert tone="error">{error}</Alert>}
      {message && <Alert tone="success">{message}</Alert>}
      {problems.length > 0 && (
        <Alert tone="error" title={t("rejected")}>
          <ul className="list-disc pl-5">{problems.map((p) => <li key={`${p.where}:${p.message}`}>{p.where}: {p.message}</li>)}</ul>
        </Alert>
      )}
      {notComparable.length > 0 && (
        <Alert tone="warning" title={t("notCompared")}>
          {t("notComparedBody", { names: notComparable.join(", ") })}
        </Alert>
      )}
      {total === 0 ? (
        <Alert tone="success" title={t("noDrift")}>{t("matches")}</Alert>
      ) : (
        <>
          <div className="flex items-center gap-3">
            <p className="text-sm font-medium">{t("count", { count: total })}</p>
            <Link href={planHref} className="rounded-md bg-blue-600 px-3 py-1.5 text-sm text-white hover:bg-blue-700">
              {selected.length ? t("reviewSelected", { count: selected.length }) : t("reviewAll")}
            </Link>
          </div>
          <table className="w-full text-left text-sm" aria-label={t("label")}>
            <thead className="text-xs text-zinc-500">
              <tr>
                <th className="py-1">{t("kind")}</th>
                <th className="py-1">{t("object")}</th>
                <th className="py-1">{t("metadata")}</th>
                <th className="py-1">{t("database")}</th>
                <th className="py-1">{t("resolve")}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={item.id} className="border-t border-zinc-200 align-top">
                  <td className="py-1.5 text-zinc-500">{item.kind}</td>
                  <td className="py-1.5 font-mono text-xs">{objectOf(item)}</td>
                  <td className="max-w-xs break-words py-1.5 font-mono text-xs">{item.metadata ?? <em className="text-zinc-500">{t("absent")}</em>}</td>
                  <td className="max-w-xs break-words py-1.5 font-mono text-xs">{item.database ?? <em className="text-zinc-500">{t("absent")}</em>}</td>
                  <td className="space-x-2 whitespace-nowrap py-1.5">
                    <Button variant="secondary" className="px-2 py-1 text-xs" pending={busy === item.id} disabled={busy !== null} onClick={() => takeDatabase(item)} aria-label={t("takeLabel", { kind: item.kind, object: objectOf(item) })}>
                      {t("take")}
                    </Button>
                    <label className="inline-flex items-center gap-1 text-xs">
                      <input
                        type="checkbox"
                        checked={selected.includes(item.id)}
                        onChange={(e) => setSelected((s) => (e.target.checked ? [...s, item.id] : s.filter((x) => x !== item.id)))}
                        aria-label={t("addLabel", { kind: item.kind, object: objectOf(item) })}
                      />
                      {t("addToPlan")}
                    </label>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {total > items.length && <p className="text-sm text-zinc-500">{t("more", { count: total - items.length })}</p>}
        </>
      )}
    </div>
  );
}
