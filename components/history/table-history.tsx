"use client";

import { useTranslations } from "next-intl";
import { useCallback, useEffect, useState } from "react";
import { historyAction } from "@/app/(editor)/history/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { HistoryView } from "@/lib/metadata/diff";
import { HistoryList } from "./history-list";

/** The history of one table: its own row, its columns and its relations; loaded when the tab opens. */
export function TableHistory({ tableId }: { tableId: number }) {
  const t = useTranslations("history");
  const [entries, setEntries] = useState<HistoryView[] | null>(null);
  const [next, setNext] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(
    async (before?: number) => {
      const result = await historyAction({ tableId, before });
      if (!result.ok) {
        setError(result.formError ?? t("loadFailed"));
        return;
      }
      setError(null);
      setEntries((current) => (before && current ? [...current, ...result.data.entries] : result.data.entries));
      setNext(result.data.nextBefore);
    },
    [tableId, t],
  );

  useEffect(() => {
    void load();
  }, [load]);

  if (error) return <Alert tone="error">{error}</Alert>;
  if (!entries) return <p className="py-6 text-sm text-zinc-500">{t("loading")}</p>;
  return (
    <div className="space-y-3">
      <HistoryList entries={entries} onRestored={() => void load()} />
      {next && (
        <Button variant="secondary" onClick={() => void load(next)}>
          {t("older")}
        </Button>
      )}
    </div>
  );
}
