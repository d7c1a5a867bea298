"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { neighbourhoodAction } from "@/app/(editor)/diagram/actions";
import { Alert } from "@/components/ui/alert";
import type { DiagramModel } from "@/lib/metadata/diagram";
import { DiagramView } from "./diagram-view";

/** A table's page: the table and the tables one relation away, loaded when the tab opens. */
export function NeighbourhoodDiagram({ tableId }: { tableId: number }) {
  const t = useTranslations("diagram");
  const [model, setModel] = useState<DiagramModel | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let live = true;
    neighbourhoodAction(tableId).then((r) => {
      if (!live) return;
      if (r.ok) setModel(r.data);
      else setError(r.formError ?? t("loadFailed"));
    });
    return () => {
      live = false;
    };
  }, [tableId, version]);
  if (error) return <Alert tone="error">{error}</Alert>;
  if (!model) return <p className="text-sm text-zinc-500">{t("loading")}</p>;
  return <DiagramView model={model} focusTableId={tableId} height="60vh" onChanged={() => setVersion((v) => v + 1)} />;
}
