"use client";

import { useTranslations } from "next-intl";
import { zodResolver } from "@hookform/resolvers/zod";
import { useEffect, useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { createRelationAction } from "@/app/(editor)/relations/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Checkbox, Field, Input, Select } from "@/components/ui/field";
import { fieldErrorsFrom } from "@/lib/actions/types";
import {
  foreignKeyName,
  foreignKeyType,
  forwardField,
  junctionNames,
  reverseField,
  reverseType,
  type RelationType,
} from "@/lib/metadata/relation-keys";
import { RELATION_TYPES } from "@/lib/schemas/enums";
import { RELATION_FIELDS } from "@/lib/schemas/relation";
import { useFields } from "@/lib/i18n/use-fields";
import {
  relationWizardSchema,
  wizardCreatesFkColumn,
  wizardCreatesJunction,
  type RelationWizardInput,
  type RelationWizardValues,
} from "@/lib/schemas/relation";
import { useTableColumns, type ColumnOption, type NewRelationProps, type TableOption } from "./new-relation-dialog";

const keyOf = (columns: ColumnOption[] | null, table: TableOption | undefined) =>
  columns?.find((c) => c.is_primary_key) ?? columns?.find((c) => c.pg_column === table?.primary_key);

export function RelationWizardForm({
  onClose,
  tables,
  fixedFromTableId,
  prefill,
  onCreated,
}: NewRelationProps & { tables: TableOption[] }) {
  const t = useTranslations("relations");
  const w = useTranslations("relations.wizard");
  const c = useTranslations("common");
  const { label } = useFields(RELATION_FIELDS);
  const [pending, start] = useTransition();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<RelationWizardInput, unknown, RelationWizardValues>({
    resolver: zodResolver(relationWizardSchema),
    defaultValues: {
      from_table_id: fixedFromTableId ?? prefill?.from_table_id ?? "",
      from_column: prefill?.from_column ?? "",
      to_table_id: prefill?.to_table_id ?? "",
      to_column: prefill?.to_column ?? "",
      relation_type: "ManyToOne",
      graphql_field: "",
      is_cascade_delete: false,
      constraint_name: "",
      // Ticked (below) once both tables are known and the from table lacks the derived column.
      create_fk_column: false,
      fk_column_name: "",
      create_junction: true,
      junction_table: "",
      create_reverse: true,
      reverse_graphql_field: "",
    },
  });
  const { register, watch, setValue, formState, handleSubmit, setError, getFieldState } = form;
  const v = watch();
  const from = useTableColumns(v.from_table_id);
  const to = useTableColumns(v.to_table_id);
  const fromTable = tables.find((t) => String(t.id) === String(v.from_table_id));
  const toTable = tables.find((t) => String(t.id) === String(v.to_table_id));
  const type = v.relation_type as RelationType;
  const makesColumn = wizardCreatesFkColumn(v);
  const makesJunction = wizardCreatesJunction(v);
  const fkCapable = type === "ManyToOne" || type === "OneToOne";
  const targetKey = to.columns?.find((c) => c.pg_column === v.to_column);

  // Derived values follow the choices until the user types their own (a dirty field keeps its value).
  const derive = (name: keyof RelationWizardInput, value: string) => {
    if (getFieldState(name).isDirty || form.getValues(name) === value) return;
    // A column the user dragged from or onto stays chosen.
    if ((name === "to_column" || name === "from_column") && prefill?.[name] && form.getValues(name) === prefill[name]) return;
    setValue(name, value);
  };
  useEffect(() => {
    const key = keyOf(to.columns, toTable);
    if (key) derive("to_column", key.pg_column);
  }, [to.columns, toTable]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => {
    const key = keyOf(from.columns, fromTable);
    if (key && (type === "ManyToMany" || type === "OneToMany")) derive("from_column", key.pg_column);
  }, [from.columns, fromTable, type]); // eslint-disable-line react-hooks/exhaustive-deps
  // The wizard offers to add the foreign key when no column was chosen and the from table has none of that name;
  // a column of that name is chosen instead.
  useEffect(() => {
    if (!fkCapable || !from.columns || !toTable || !v.to_column || getFieldState("create_fk_column").isDirty) return;
    if (v.from_column) return void setValue("create_fk_column", false);
    const name = foreignKeyName(toTable.table_name, v.to_column);
    const existing = from.columns.some((c) => c.pg_column === name);
    if (existing) setValue("from_column", name);
    setValue("create_fk_column", !existing);
  }, [from.columns, toTable, v.to_column, fkCapable]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => {
    if (!fromTable || !toTable) return;
    derive("graphql_field", forwardField(type, toTable.table_name));
    derive("reverse_graphql_field", reverseField(type, fromTable.table_name));
    if (v.to_column) derive("fk_column_name", foreignKeyName(toTable.table_name, v.to_column));
    derive("junction_table", `${fromTable.table_name}_${toTable.table_name}`.slice(0, 63));
    const fromColumn = makesColumn ? v.fk_column_name : v.from_column;
    if (fromColumn) derive("constraint_name", `fk_${fromTable.table_name}_${fromColumn}`.slice(0, 63));
  }, [fromTable, toTable, type, v.to_column, v.from_column, v.fk_column_name, makesColumn]); // eslint-disable-line react-hooks/exhaustive-deps

  const e = (f: keyof RelationWizardInput) => formState.errors[f]?.message;
  const submit = handleSubmit((values) =>
    start(async () => {
      setFormError(null);
      const result = await createRelationAction(values);
      if (result.ok) {
        onCreated(result.data);
        onClose();
        return;
      }
      setFormError(result.formError ?? t("notCreated"));
      for (const [name, message] of Object.entries(fieldErrorsFrom(result)))
        setError(name as keyof RelationWizardInput, { message });
    }),
  );

  const tableSelect = (name: "from_table_id" | "to_table_id", label: string, disabled?: boolean) => (
    <Field label={label} required error={e(name)}>
      {(p) => (
        <Select {...p} {...register(name)} disabled={disabled}>
          <option value="">{w("chooseTable")}</option>
          {tables.map((t) => (
            <option key={t.id} value={t.id}>
              {t.schema_name === "public" ? t.table_name : `${t.schema_name}.${t.table_name}`}
            </option>
          ))}
        </Select>
      )}
    </Field>
  );
  // The select shows the form's value (controlled): a prefilled column (dragged from a column's dot) must show
  // once the table's columns arrive, not the empty option the select fell back to while they were loading.
  const columnSelect = (name: "from_column" | "to_column", label: string, state: ReturnType<typeof useTableColumns>) => (
    <Field label={label} required error={e(name) ?? state.error ?? undefined}>
      {(p) => (
        <Select {...p} {...register(name)} value={v[name] ?? ""} disabled={!state.columns}>
          <option value="">
            {state.columns ? (state.columns.length ? w("chooseColumn") : w("noColumns")) : w("tableFirst")}
          </option>
          {state.columns?.map((col) => (
            <option key={col.pg_column} value={col.pg_column}>
              {col.pg_column} ({col.pg_type}
              {col.is_primary_key ? w("primaryKey") : ""})
            </option>
          ))}
        </Select>
      )}
    </Field>
  );

  const junction =
    fromTable && toTable && v.from_column && v.to_column
      ? junctionNames({ table: fromTable.table_name, key: v.from_column }, { table: toTable.table_name, key: v.to_column })
      : null;

  return (
    <form noValidate onSubmit={submit} className="space-y-4" aria-label={t("new")}>
      {formError && <Alert tone="error">{formError}</Alert>}
      <div className="grid grid-cols-2 gap-4">
        {tableSelect("from_table_id", label("from_table_id"), fixedFromTableId !== undefined)}
        <Field label={label("relation_type")} required error={e("relation_type")}>
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
        {tableSelect("to_table_id", label("to_table_id"))}
        {columnSelect("to_column", label("to_column"), to)}
      </div>
      <fieldset className="space-y-3 rounded-md border border-zinc-200 p-3">
        <legend className="px-1 text-sm font-medium">{w("fromSide")}</legend>
        {fkCapable && (
          <Checkbox
            label={w("createFk")}
            hint={
              targetKey
                ? w("fkTyped", { type: foreignKeyType(targetKey.pg_type), target: `${toTable?.table_name}.${targetKey.pg_column}`, targetType: targetKey.pg_type })
                : w("fkHint")
            }
            {...register("create_fk_column")}
          />
        )}
        {type === "ManyToMany" && (
          <Checkbox
            label={w("createJunction")}
            hint={junction ? w("junctionHint", { from: junction.fromColumn, to: junction.toColumn }) : undefined}
            {...register("create_junction")}
          />
        )}
        <div className="grid grid-cols-2 gap-4">
          {makesColumn ? (
            <Field label={w("newColumn")} required error={e("fk_column_name")}>
              {(p) => <Input {...p} {...register("fk_column_name")} spellCheck={false} />}
            </Field>
          ) : (
            columnSelect("from_column", label("from_column"), from)
          )}
          {makesJunction && (
            <Field label={w("junctionTable")} required error={e("junction_table")}>
              {(p) => <Input {...p} {...register("junction_table")} spellCheck={false} />}
            </Field>
          )}
        </div>
      </fieldset>
      <div className="grid grid-cols-2 gap-4">
        <Field label={label("graphql_field")} error={e("graphql_field")} hint={w("graphqlHint", { table: fromTable?.table_name ?? w("theFromTable") })}>
          {(p) => <Input {...p} {...register("graphql_field")} spellCheck={false} />}
        </Field>
        <Field label={label("constraint_name")} error={e("constraint_name")}>
          {(p) => <Input {...p} {...register("constraint_name")} spellCheck={false} />}
        </Field>
        <Checkbox label={label("is_cascade_delete")} hint="ON DELETE CASCADE" {...register("is_cascade_delete")} />
      </div>
      <fieldset className="space-y-3 rounded-md border border-zinc-200 p-3">
        <legend className="px-1 text-sm font-medium">{w("reverse")}</legend>
        <Checkbox
          label={w("createReverse")}
          hint={w("reverseHint", { type: reverseType(type), to: toTable?.table_name ?? w("theTarget"), from: fromTable?.table_name ?? w("thisTable") })}
          {...register("create_reverse")}
        />
        {v.create_reverse && (
          <Field label={w("reverseField")} error={e("reverse_graphql_field") ?? e("create_reverse")} hint={w("reverseFieldHint")}>
            {(p) => <Input {...p} {...register("reverse_graphql_field")} spellCheck={false} />}
          </Field>
        )}
      </fieldset>
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={onClose}>
          {c("cancel")}
        </Button>
        <Button type="submit" pending={pending}>
          {w("create")}
        </Button>
      </div>
    </form>
  );
}
