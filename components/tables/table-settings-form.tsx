"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useFields } from "@/lib/i18n/use-fields";
import { useRouter } from "next/navigation";
import { useEffect, useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { updateTableAction } from "@/app/(editor)/tables/actions";
import { saveVersioned } from "@/components/conflict/save-versioned";
import { useConflict } from "@/components/conflict/use-conflict";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Checkbox, Field, Input, Textarea } from "@/components/ui/field";
import { JsonField } from "@/components/ui/json-field";
import type { TableRow } from "@/lib/metadata/tables";
import { fromDbValue } from "@/lib/schemas/fields";
import { JSON_HINTS, TABLE_FIELDS, TABLE_FIELD_KINDS, tableSchema, type TableField, type TableValues } from "@/lib/schemas/table";
import { ApiPermissionsEditor, ChecksEditor, IndexesEditor } from "./table-json-editors";

export function tableToValues(row: TableRow): TableValues {
  return Object.fromEntries(
    (Object.keys(TABLE_FIELD_KINDS) as TableField[]).map((f) => [
      f,
      fromDbValue(TABLE_FIELD_KINDS[f], row[f as keyof TableRow]),
    ]),
  ) as TableValues;
}

/** Every field of the table; a new name or schema is carried to its columns and relations on save. */
export function TableSettingsForm({
  table,
  columnNames,
  focusField,
}: {
  table: TableRow;
  columnNames: string[];
  /** A field a link points at (the code generators' problem list): focused and scrolled into view. */
  focusField?: string;
}) {
  const router = useRouter();
  const t = useTranslations("table");
  const c = useTranslations("common");
  const { label } = useFields(TABLE_FIELDS);
  const form = useForm<TableValues>({
    resolver: zodResolver(tableSchema),
    defaultValues: tableToValues(table),
    mode: "onTouched",
  });
  const { register, control, formState, handleSubmit, setError, reset } = form;
  const [rowVersion, setRowVersion] = useState(table.rowVersion);
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const { ask, dialog } = useConflict("table");
  const e = (f: TableField) => formState.errors[f]?.message;
  const { setFocus } = form;
  useEffect(() => {
    if (focusField && focusField in tableToValues(table)) setFocus(focusField as TableField, { shouldSelect: true });
    // Once, when the form opens from the link.
  }, []);

  const submit = handleSubmit((values) =>
    start(async () => {
      setFormError(null);
      const outcome = await saveVersioned({
        rowVersion,
        values,
        what: t("what", { name: table.table_name }),
        save: (current) => updateTableAction({ id: table.id, rowVersion: current, values }),
        toValues: tableToValues,
        ask,
      });
      if (outcome.kind === "saved") {
        reset(tableToValues(outcome.row));
        setRowVersion(outcome.row.rowVersion);
        toast.success(t("saved", { name: outcome.row.table_name }));
        router.refresh();
      } else if (outcome.kind === "gone") {
        router.push("/tables");
      } else if (outcome.kind === "theirs") {
        reset(outcome.values);
        setRowVersion(outcome.row.rowVersion);
      } else {
        setFormError(outcome.formError);
        for (const [name, message] of Object.entries(outcome.fieldErrors)) setError(name as TableField, { message });
      }
    }),
  );

  const json = (
    name: "api_permissions" | "table_constraints" | "indexes",
    editor: (value: string, onChange: (text: string) => void) => React.ReactNode,
  ) => (
    <JsonField control={control} name={name} label={label(name)} error={e(name)} hint={JSON_HINTS[name]} editor={editor} />
  );

  return (
    <form noValidate onSubmit={submit} className="space-y-4" aria-label={t("settingsLabel")}>
      {formError && <Alert tone="error">{formError}</Alert>}
      <div className="grid gap-4 rounded-lg border border-zinc-200 bg-white p-5 sm:grid-cols-2">
        <Field
          label={label("table_name")}
          required
          error={e("table_name")}
          hint={t("renameHint")}
        >
          {(p) => <Input {...p} {...register("table_name")} spellCheck={false} />}
        </Field>
        <Field label={label("schema_name")} required error={e("schema_name")}>
          {(p) => <Input {...p} {...register("schema_name")} spellCheck={false} />}
        </Field>
        <Field label={label("label")} required error={e("label")}>
          {(p) => <Input {...p} {...register("label")} />}
        </Field>
        <Field label={label("graphql_type")} error={e("graphql_type")}>
          {(p) => <Input {...p} {...register("graphql_type")} spellCheck={false} />}
        </Field>
        <Field label={label("primary_key")} error={e("primary_key")}>
          {(p) => <Input {...p} {...register("primary_key")} list="table-column-names" spellCheck={false} />}
        </Field>
        <div className="pt-7">
          <Checkbox label={label("is_api_enabled")} {...register("is_api_enabled")} />
        </div>
        <Field label={label("description")} error={e("description")} className="col-span-2">
          {(p) => <Textarea {...p} rows={2} {...register("description")} />}
        </Field>
        {json("api_permissions", (value, onChange) => (
          <ApiPermissionsEditor value={value} onChange={onChange} />
        ))}
        {json("table_constraints", (value, onChange) => (
          <ChecksEditor value={value} onChange={onChange} />
        ))}
        {json("indexes", (value, onChange) => (
          <IndexesEditor value={value} onChange={onChange} columnNames={columnNames} />
        ))}
      </div>
      <div className="flex gap-2">
        <Button type="submit" pending={pending} disabled={!formState.isDirty}>
          {c("save")}
        </Button>
        <Button variant="secondary" disabled={!formState.isDirty} onClick={() => reset()}>
          {t("discardChanges")}
        </Button>
      </div>
      {dialog}
    </form>
  );
}
