"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { memo, useCallback, useMemo, useState, useTransition } from "react";
import { driftPageAction, resolveDriftAction } from "@/app/(editor)/database/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { DriftItem } from "@/lib/sync/drift";
import { DRIFT_PAGE_SIZE } from "@/lib/sync/drift-page-size";
import type { Problem } from "@/lib/sync/probe";
import type { DriftPage } from "@/lib/sync/sync";
import { storeSelection } from "./plan-selection";

const objectOf = (i: DriftItem) =>
  `${i.table}${i.column ? `.${i.column}` : ""}${i.kind === "check" || i.kind === "enum" ? ` ${i.name}` : ""}`;

export function DriftList({
  schemas,
  first,
  problems,
  notComparable,
}: {
  schemas: string[];
  /** The list's first page (DRIFT_PAGE_SIZE items, lib/sync/drift-page-size.ts); "Show more" asks the server for the next. */
  first: DriftPage;
  problems: Problem[];
  notComparable: string[];
}) {
  const router = useRouter();
  const t = useTranslations("database.drift");
  const [selected, setSelected] = useState<string[]>([]);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  // Pages fetched after the first, for the list with this digest (a refreshed page starts again from its first).
  const [more, setMore] = useState<{ digest: string; items: DriftItem[] }>({ digest: first.digest, items: [] });
  const [changed, setChanged] = useState(false);
  const [loadingMore, startMore] = useTransition();
  const [, start] = useTransition();
  const total = first.total;
  const items = more.digest === first.digest ? [...first.items, ...more.items] : first.items;
  const chosen = useMemo(() => new Set(selected), [selected]);
  const allShownChosen = items.length > 0 && items.every((i) => chosen.has(i.id));
  const chooseAllShown = (on: boolean) =>
    setSelected((s) => {
      const have = new Set(s);
      const shown = new Set(items.map((i) => i.id));
      return on ? [...s, ...[...shown].filter((id) => !have.has(id))] : s.filter((id) => !shown.has(id));
    });

  const showMore = () =>
    startMore(async () => {
      setError(null);
      const result = await driftPageAction({ offset: items.length, digest: first.digest });
      if (!result.ok) return setError(result.formError ?? t("moreFailed"));
      if (result.data.changed) return setChanged(true);
      setMore({ digest: first.digest, items: [...(more.digest === first.digest ? more.items : []), ...result.data.items] });
    });

  const reviewSelected = () => {
    const key = storeSelection(selected);
    if (key === null) return setError(t("selectionNotKept"));
    router.push(`/database/plan?selection=${key}`);
  };

  // Stable callbacks: a row re-renders only when its own item, check or pending state changes (a click on one
  // checkbox used to render all 100 rows again, each with its five translated labels).
  const takeDatabase = useCallback(
    (item: DriftItem) =>
      start(async () => {
        setBusy(item.id);
        setError(null);
        setMessage(null);
        const result = await resolveDriftAction({ itemId: item.id });
        setBusy(null);
        if (!result.ok) setError(result.formError ?? t("changeFailed"));
        else setMessage(t("took", { object: objectOf(item) }));
        setSelected((s) => s.filter((x) => x !== item.id));
        setChanged(false);
        router.refresh();
      }),
    [router, t],
  );
  const choose = useCallback((id: string, on: boolean) => setSelected((s) => (on ? [...s, id] : s.filter((x) => x !== id))), []);

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
            {selected.length ? (
              <Button className="px-3 py-1.5" onClick={reviewSelected} data-selected-count={selected.length}>
                {t("reviewSelected", { count: selected.length })}
              </Button>
            ) : (
              <Link href="/database/plan" className="rounded-md bg-blue-600 px-3 py-1.5 text-sm text-white hover:bg-blue-700">
                {t("reviewAll")}
              </Link>
            )}
          </div>
          <table className="w-full text-left text-sm" aria-label={t("label")}>
            <thead className="text-xs text-zinc-500">
              <tr>
                <th className="py-1">{t("kind")}</th>
                <th className="py-1">{t("object")}</th>
                <th className="py-1">{t("metadata")}</th>
                <th className="py-1">{t("database")}</th>
                <th className="py-1">
                  <span className="mr-3">{t("resolve")}</span>
                  <label className="inline-flex items-center gap-1 font-normal">
                    <input type="checkbox" checked={allShownChosen} onChange={(e) => chooseAllShown(e.target.checked)} aria-label={t("addAllLabel", { count: items.length })} />
                    {t("addAll")}
                  </label>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <DriftRow
                  key={item.id}
                  item={item}
                  chosen={chosen.has(item.id)}
                  pending={busy === item.id}
                  disabled={busy !== null}
                  onTake={takeDatabase}
                  onChoose={choose}
                />
              ))}
            </tbody>
          </table>
          {changed && (
            <Alert tone="warning">
              {t("changedSince")}{" "}
              <Button variant="secondary" className="px-2 py-1 text-xs" onClick={() => (setChanged(false), router.refresh())}>
                {t("reload")}
              </Button>
            </Alert>
          )}
          {total > items.length && (
            <div className="flex items-center gap-3">
              <p className="text-sm text-zinc-500">{t("shown", { shown: items.length, total })}</p>
              <Button variant="secondary" pending={loadingMore} disabled={loadingMore || changed} onClick={showMore}>
                {t("showMore", { count: Math.min(DRIFT_PAGE_SIZE, total - items.length) })}
              </Button>
            </div>
          )}
        </>
      )}
    </div>
  );
}

/** One drift item with its two resolutions. */
const DriftRow = memo(function DriftRow({
  item,
  chosen,
  pending,
  disabled,
  onTake,
  onChoose,
}: {
  item: DriftItem;
  chosen: boolean;
  pending: boolean;
  disabled: boolean;
  onTake: (item: DriftItem) => void;
  onChoose: (id: string, on: boolean) => void;
}) {
  const t = useTranslations("database.drift");
  const kind = t(`kinds.${item.kind}`);
  const object = objectOf(item);
  return (
    <tr className="border-t border-zinc-200 align-top">
      <td className="py-1.5 text-zinc-500">{kind}</td>
      <td className="py-1.5 font-mono text-xs">{object}</td>
      <td className="max-w-xs break-words py-1.5 font-mono text-xs">{item.metadata ?? <em className="text-zinc-500">{t("absent")}</em>}</td>
      <td className="max-w-xs break-words py-1.5 font-mono text-xs">{item.database ?? <em className="text-zinc-500">{t("absent")}</em>}</td>
      <td className="space-x-2 whitespace-nowrap py-1.5">
        <Button variant="secondary" className="px-2 py-1 text-xs" pending={pending} disabled={disabled} onClick={() => onTake(item)} aria-label={t("takeLabel", { kind, object })}>
          {t("take")}
        </Button>
        <label className="inline-flex items-center gap-1 text-xs">
          <input type="checkbox" checked={chosen} onChange={(e) => onChoose(item.id, e.target.checked)} aria-label={t("addLabel", { kind, object })} />
          {t("addToPlan")}
        </label>
      </td>
    </tr>
  );
});
