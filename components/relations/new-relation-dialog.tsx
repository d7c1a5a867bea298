"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { tableColumnsAction, tableNamesAction } from "@/app/(editor)/relations/actions";
import { Alert } from "@/components/ui/alert";
import { Dialog } from "@/components/ui/dialog";
import type { WizardResult } from "@/lib/metadata/relation-wizard";
import { RelationWizardForm } from "./relation-wizard-form";

export interface TableOption {
  id: number;
  schema_name: string;
  table_name: string;
  primary_key: string | null;
}

export type ColumnOption = { pg_column: string; pg_type: string; is_primary_key: boolean };

/** One table's columns, loaded when the table is chosen. */
export function useTableColumns(tableId: string | number | undefined) {
  const [columns, setColumns] = useState<ColumnOption[] | null>(null);
  const t = useTranslations("relations");
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setColumns(null);
    setError(null);
    if (!tableId) return;
    let live = true;
    tableColumnsAction(tableId).then((r) => {
      if (!live) return;
      if (r.ok) setColumns(r.data);
      else setError(r.formError ?? t("columnsFailed"));
    });
    return () => {
      live = false;
    };
  }, [tableId]);
  return { columns, error };
}

function useTableOptions(given: TableOption[] | undefined): { tables: TableOption[] | null; error: string | null } {
  const [loaded, setLoaded] = useState<TableOption[] | null>(null);
  const t = useTranslations("relations");
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (given) return;
    let live = true;
    tableNamesAction().then((r) => {
      if (!live) return;
      if (r.ok) setLoaded(r.data);
      else setError(r.formError ?? t("tablesFailed"));
    });
    return () => {
      live = false;
    };
  }, [given]);
  return { tables: given ?? loaded, error };
}

/** What the form opens with: a table page fixes the from table, the diagram passes what was dragged. */
export interface RelationPrefill {
  from_table_id?: number;
  from_column?: string;
  to_table_id?: number;
  to_column?: string;
}

export interface NewRelationProps {
  open: boolean;
  onClose: () => void;
  /** The tables to pick from; loaded when the dialog opens if not given. */
  tables?: TableOption[];
  fixedFromTableId?: number;
  prefill?: RelationPrefill;
  onCreated: (result: WizardResult) => void;
}

/** The relation wizard: the same form on the Relations page, a table's page and the diagram. */
export function NewRelationDialog(props: NewRelationProps) {
  const t = useTranslations("relations");
  const { tables, error } = useTableOptions(props.tables);
  return (
    <Dialog
      open={props.open}
      onClose={props.onClose}
      title={t("new")}
      description={t("newDescription")}
      wide
    >
      {error ? (
        <Alert tone="error">{error}</Alert>
      ) : tables ? (
        <RelationWizardForm {...props} tables={tables} />
      ) : (
        <p className="text-sm text-zinc-500">{t("loadingTables")}</p>
      )}
    </Dialog>
  );
}

/** Every relation row a wizard run created: the relation, its reverse and a junction's two. */
export function createdRelations(result: WizardResult) {
  return [result.relation, ...(result.reverse ? [result.reverse] : []), ...(result.junction?.relations ?? [])];
}
