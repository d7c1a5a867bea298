"use client";

import { useCallback, useEffect, useMemo, useState } from "react";
import { diagramColumnsAction } from "@/app/(editor)/diagram/actions";
import type { DiagramColumn, DiagramModel, DiagramTable } from "@/lib/metadata/diagram";
import { FULL_MODEL_LIMIT } from "@/lib/schemas/diagram";
import { groupByTable, neighbourhood } from "./diagram-graph";
import { say } from "@/lib/i18n/messages";

/**
 * Which tables the diagram draws: all of them (by schema if chosen), or, in a model of more than
 * FULL_MODEL_LIMIT tables, one table's neighbourhood or one schema that is small enough.
 */
export function useShownTables(model: DiagramModel, choice: { schema: string; focus: number | null }) {
  const schemas = useMemo(() => [...new Set(model.tables.map((t) => t.schema_name))].sort(), [model.tables]);
  const limited = model.tables.length > FULL_MODEL_LIMIT;
  return useMemo(() => {
    let tables = model.tables;
    if (choice.focus !== null) {
      const near = neighbourhood(choice.focus, model.relations);
      tables = tables.filter((t) => near.has(t.id));
    }
    if (choice.schema) tables = tables.filter((t) => t.schema_name === choice.schema);
    let notice: string | null = null;
    if (limited && tables.length > FULL_MODEL_LIMIT) {
      notice = say("diagram.tooMany", { count: model.tables.length, max: FULL_MODEL_LIMIT, several: schemas.length > 1 ? "yes" : "no" });
      tables = [];
    }
    return { tables, schemas, limited, notice };
  }, [model, choice.schema, choice.focus, limited, schemas]);
}

/** The columns of the shown tables: all sent with the page, or (big models) loaded for the tables shown. */
export function useDiagramColumns(model: DiagramModel, shown: DiagramTable[]) {
  const [loaded, setLoaded] = useState<Map<number, DiagramColumn[]>>(new Map());
  const [error, setError] = useState<string | null>(null);
  const given = useMemo(() => (model.columns ? groupByTable(model.columns, model.tables) : null), [model]);
  const missing = given ? [] : shown.filter((t) => !loaded.has(t.id)).map((t) => t.id);
  const key = missing.join(",");

  useEffect(() => {
    if (missing.length === 0) return;
    let live = true;
    diagramColumnsAction(missing.slice(0, 500)).then((r) => {
      if (!live) return;
      if (!r.ok) return setError(r.formError ?? say("diagram.columnsFailed"));
      setError(null);
      setLoaded((all) => new Map([...all, ...groupByTable(r.data, missing.map((id) => ({ id })))]));
    });
    return () => {
      live = false;
    };
  }, [key]); // eslint-disable-line react-hooks/exhaustive-deps

  // A refreshed model (a relation or table was made) brings its own columns: the loaded ones are stale.
  useEffect(() => setLoaded(new Map()), [model]);

  const of = useCallback((id: number) => (given ? (given.get(id) ?? []) : (loaded.get(id) ?? null)), [given, loaded]);
  // Boxes are sized by their columns: the layout waits until the shown tables' columns are here.
  return { of, error, pending: missing.length > 0 && error === null };
}
