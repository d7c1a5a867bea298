"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { useCallback, useEffect, useState } from "react";
import { previewPlanAction } from "@/app/(editor)/database/actions";
import { Alert } from "@/components/ui/alert";
import type { PlanView } from "@/lib/sync/apply";
import { PlanPanel } from "./plan-panel";
import { readSelection } from "./plan-selection";

type State =
  | { kind: "loading" }
  | { kind: "gone" }
  | { kind: "failed"; message: string }
  | { kind: "ready"; plan: PlanView; itemIds: string[] };

/** The Plan page for the differences chosen on the Drift page, read from this tab's session storage. */
export function PlanForSelection({ selectionKey }: { selectionKey: string }) {
  const t = useTranslations("database.plan");
  const [state, setState] = useState<State>({ kind: "loading" });

  const load = useCallback(async () => {
    const itemIds = readSelection(selectionKey);
    if (itemIds === null) return setState({ kind: "gone" });
    const result = await previewPlanAction({ itemIds });
    setState(result.ok ? { kind: "ready", plan: result.data, itemIds } : { kind: "failed", message: result.formError ?? t("previewFailed") });
  }, [selectionKey, t]);

  useEffect(() => {
    // The selection lives in the browser, so the plan is asked for once the page is here.
    void load();
  }, [load]);

  if (state.kind === "loading") {
    return (
      <p role="status" className="text-sm text-zinc-500">
        {t("computing")}
      </p>
    );
  }
  if (state.kind === "gone") {
    return (
      <Alert tone="warning" title={t("selectionGone")}>
        {t.rich("selectionGoneBody", { link: (chunks) => <Link href="/database/drift" className="underline">{chunks}</Link> })}
      </Alert>
    );
  }
  if (state.kind === "failed") return <Alert tone="error" title={t("previewFailed")}>{state.message}</Alert>;
  return <PlanPanel plan={state.plan} itemIds={state.itemIds} onChanged={load} />;
}
