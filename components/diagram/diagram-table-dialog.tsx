"use client";

import { useTranslations } from "next-intl";
import { zodResolver } from "@hookform/resolvers/zod";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { createDiagramTableAction } from "@/app/(editor)/diagram/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, Input, Select } from "@/components/ui/field";
import { fieldErrorsFrom } from "@/lib/actions/types";
import { graphqlTypeForTable, labelFor } from "@/lib/metadata/derive";
import { diagramTableSchema, KEY_TYPES, type DiagramTableInput, type DiagramTableValues } from "@/lib/schemas/diagram";
import { TABLE_FIELDS, tableDefaults } from "@/lib/schemas/table";
import { useFields } from "@/lib/i18n/use-fields";

/** New table from the diagram: the essentials and its key column, so it can be related right away. */
export function DiagramTableDialog({ onClose, onCreated }: { onClose: () => void; onCreated: (id: number) => void }) {
  const [pending, start] = useTransition();
  const t = useTranslations("diagram");
  const tt = useTranslations("tables");
  const c = useTranslations("common");
  const { label } = useFields(TABLE_FIELDS);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<DiagramTableInput, unknown, DiagramTableValues>({
    resolver: zodResolver(diagramTableSchema),
    defaultValues: { ...tableDefaults, key_type: "BIGSERIAL" },
  });
  const { register, formState, handleSubmit, setValue, getFieldState, setError } = form;
  const e = (f: keyof DiagramTableInput) => formState.errors[f]?.message;
  const tableName = register("table_name", {
    onChange: (event) => {
      const name = String(event.target.value);
      if (!getFieldState("graphql_type").isDirty) setValue("graphql_type", graphqlTypeForTable(name));
      if (!getFieldState("label").isDirty) setValue("label", labelFor(name));
    },
  });
  const submit = handleSubmit((values) =>
    start(async () => {
      setFormError(null);
      const result = await createDiagramTableAction(values);
      if (result.ok) {
        toast.success(t("tableCreated", { name: values.table_name }));
        onCreated(result.data.id);
        onClose();
        return;
      }
      setFormError(result.formError ?? t("notCreated"));
      for (const [name, message] of Object.entries(fieldErrorsFrom(result))) setError(name as keyof DiagramTableInput, { message });
    }),
  );
  return (
    <Dialog open onClose={onClose} title={t("newTable")} description={t("newTableHint")}>
      <form noValidate onSubmit={submit} className="space-y-4" aria-label={t("newTable")}>
        {formError && <Alert tone="error">{formError}</Alert>}
        <div className="grid grid-cols-2 gap-4">
          <Field label={label("table_name")} required error={e("table_name")} hint={t("tableNameHint")}>
            {(p) => <Input {...p} {...tableName} autoFocus autoComplete="off" spellCheck={false} />}
          </Field>
          <Field label={label("schema_name")} error={e("schema_name")}>
            {(p) => <Input {...p} {...register("schema_name")} spellCheck={false} />}
          </Field>
          <Field label={label("label")} required error={e("label")}>
            {(p) => <Input {...p} {...register("label")} />}
          </Field>
          <Field label={label("graphql_type")} error={e("graphql_type")}>
            {(p) => <Input {...p} {...register("graphql_type")} spellCheck={false} />}
          </Field>
          <Field label={label("primary_key")} error={e("primary_key")}>
            {(p) => <Input {...p} {...register("primary_key")} spellCheck={false} />}
          </Field>
          <Field label={t("keyType")} error={e("key_type")}>
            {(p) => (
              <Select {...p} {...register("key_type")}>
                {KEY_TYPES.map((t) => (
                  <option key={t} value={t}>
                    {t}
                  </option>
                ))}
                <option value="">{t("noKey")}</option>
              </Select>
            )}
          </Field>
        </div>
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onClose}>
            {c("cancel")}
          </Button>
          <Button type="submit" pending={pending}>
            {tt("create")}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
