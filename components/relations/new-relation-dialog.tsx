"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useEffect, useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { createRelationAction, tableColumnsAction, tableNamesAction } from "@/app/(editor)/relations/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Checkbox, Field, Input, Select } from "@/components/ui/field";
import { fieldErrorsFrom } from "@/lib/actions/types";
import { camelCase, singular } from "@/lib/metadata/derive";
import type { RelationRow } from "@/lib/metadata/relations";
import { RELATION_TYPES } from "@/lib/schemas/enums";
import { relationSchema, type RelationInput, type RelationValues } from "@/lib/schemas/relation";

export interface TableOption {
  id: number;
  schema_name: string;
  table_name: string;
  primary_key: string | null;
}

type ColumnOption = { pg_column: string; is_primary_key: boolean };

function useTableColumns(tableId: string | number | undefined) {
  const [columns, setColumns] = useState<ColumnOption[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setColumns(null);
    setError(null);
    if (!tableId) return;
    let live = true;
    tableColumnsAction(tableId).then((r) => {
      if (!live) return;
      if (r.ok) setColumns(r.data);
      else setError(r.formError ?? "Could not load the columns.");
    });
    return () => {
      live = false;
    };
  }, [tableId]);
  return { columns, error };
}

function useTableOptions(given: TableOption[] | undefined): { tables: TableOption[] | null; error: string | null } {
  const [loaded, setLoaded] = useState<TableOption[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (given) return;
    let live = true;
    tableNamesAction().then((r) => {
      if (!live) return;
      if (r.ok) setLoaded(r.data);
      else setError(r.formError ?? "The tables could not be loaded.");
    });
    return () => {
      live = false;
    };
  }, [given]);
  return { tables: given ?? loaded, error };
}

interface NewRelationProps {
  open: boolean;
  onClose: () => void;
  /** The tables to pick from; loaded when the dialog opens if not given. */
  tables?: TableOption[];
  fixedFromTableId?: number;
  onCreated: (row: RelationRow) => void;
}

/** Pickers offer only existing tables and their columns; to_column defaults to the target's primary key. */
export function NewRelationDialog(props: NewRelationProps) {
  const { tables, error } = useTableOptions(props.tables);
  return (
    <Dialog
      open={props.open}
      onClose={props.onClose}
      title="New relation"
      description="A foreign key from one table's column to another's (usually its primary key)."
    >
      {error ? (
        <Alert tone="error">{error}</Alert>
      ) : tables ? (
        <RelationForm {...props} tables={tables} />
      ) : (
        <p className="text-sm text-zinc-500">Loading the tables…</p>
      )}
    </Dialog>
  );
}

function RelationForm({ onClose, tables, fixedFromTableId, onCreated }: NewRelationProps & { tables: TableOption[] }) {
  const [pending, start] = useTransition();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<RelationInput, unknown, RelationValues>({
    resolver: zodResolver(relationSchema),
    defaultValues: {
      from_table_id: fixedFromTableId ?? "",
      from_column: "",
      to_table_id: "",
      to_column: "",
      relation_type: "ManyToOne",
      graphql_field: "",
      is_cascade_delete: false,
      constraint_name: "",
    },
  });
  const { register, watch, setValue, formState, handleSubmit, setError, getFieldState } = form;
  const fromId = watch("from_table_id");
  const toId = watch("to_table_id");
  const fromColumn = watch("from_column");
  const from = useTableColumns(fromId);
  const to = useTableColumns(toId);
  const fromTable = tables.find((t) => String(t.id) === String(fromId));
  const toTable = tables.find((t) => String(t.id) === String(toId));

  useEffect(() => {
    if (!to.columns || !toTable) return;
    const pk =
      to.columns.find((c) => c.is_primary_key)?.pg_column ??
      to.columns.find((c) => c.pg_column === toTable.primary_key)?.pg_column;
    if (pk && !getFieldState("to_column").isDirty) setValue("to_column", pk);
    if (!getFieldState("graphql_field").isDirty) setValue("graphql_field", camelCase(singular(toTable.table_name)));
  }, [to.columns, toTable, setValue, getFieldState]);

  useEffect(() => {
    if (fromTable && fromColumn && !getFieldState("constraint_name").isDirty) {
      setValue("constraint_name", `fk_${fromTable.table_name}_${fromColumn}`.slice(0, 63));
    }
  }, [fromTable, fromColumn, setValue, getFieldState]);

  const e = (f: keyof RelationInput) => formState.errors[f]?.message;
  const submit = handleSubmit((values) =>
    start(async () => {
      setFormError(null);
      const result = await createRelationAction(values);
      if (result.ok) {
        onCreated(result.data);
        onClose();
        return;
      }
      setFormError(result.formError ?? "Not created.");
      for (const [name, message] of Object.entries(fieldErrorsFrom(result)))
        setError(name as keyof RelationInput, { message });
    }),
  );

  const tableSelect = (name: "from_table_id" | "to_table_id", label: string, disabled?: boolean) => (
    <Field label={label} required error={e(name)}>
      {(p) => (
        <Select {...p} {...register(name)} disabled={disabled}>
          <option value="">Choose a table…</option>
          {tables.map((t) => (
            <option key={t.id} value={t.id}>
              {t.schema_name === "public" ? t.table_name : `${t.schema_name}.${t.table_name}`}
            </option>
          ))}
        </Select>
      )}
    </Field>
  );
  const columnSelect = (
    name: "from_column" | "to_column",
    label: string,
    state: ReturnType<typeof useTableColumns>,
  ) => (
    <Field label={label} required error={e(name) ?? state.error ?? undefined}>
      {(p) => (
        <Select {...p} {...register(name)} disabled={!state.columns}>
          <option value="">
            {state.columns
              ? state.columns.length
                ? "Choose a column…"
                : "This table has no columns"
              : "Choose a table first"}
          </option>
          {state.columns?.map((c) => (
            <option key={c.pg_column} value={c.pg_column}>
              {c.pg_column}
              {c.is_primary_key ? " (primary key)" : ""}
            </option>
          ))}
        </Select>
      )}
    </Field>
  );

  return (
    <form noValidate onSubmit={submit} className="space-y-4" aria-label="New relation">
      {formError && <Alert tone="error">{formError}</Alert>}
      <div className="grid grid-cols-2 gap-4">
        {tableSelect("from_table_id", "From table", fixedFromTableId !== undefined)}
        {columnSelect("from_column", "From column", from)}
        {tableSelect("to_table_id", "To table")}
        {columnSelect("to_column", "To column", to)}
        <Field label="Relation type" required error={e("relation_type")}>
          {(p) => (
            <Select {...p} {...register("relation_type")}>
              {RELATION_TYPES.map((t) => (
                <option key={t} value={t}>
                  {t}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field label="GraphQL field" error={e("graphql_field")} hint="e.g. author for post.author">
          {(p) => <Input {...p} {...register("graphql_field")} spellCheck={false} />}
        </Field>
        <Field label="Constraint name" error={e("constraint_name")} className="col-span-2">
          {(p) => <Input {...p} {...register("constraint_name")} spellCheck={false} />}
        </Field>
        <Checkbox label="Cascade delete" hint="ON DELETE CASCADE" {...register("is_cascade_delete")} />
      </div>
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={onClose}>
          Cancel
        </Button>
        <Button type="submit" pending={pending}>
          Create relation
        </Button>
      </div>
    </form>
  );
}
