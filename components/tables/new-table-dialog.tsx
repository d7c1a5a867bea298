"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { fieldErrorsFrom } from "@/lib/actions/types";
import { createTableAction } from "@/app/(editor)/tables/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogCancel } from "@/components/ui/dialog";
import { Checkbox, Field, Input, Textarea } from "@/components/ui/field";
import { graphqlTypeForTable } from "@/lib/metadata/derive";
import { useFields } from "@/lib/i18n/use-fields";
import { TABLE_FIELDS, tableDefaults, tableSchema, type TableValues } from "@/lib/schemas/table";

export function NewTableDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const router = useRouter();
  const t = useTranslations("tables");
  const { label, hint } = useFields(TABLE_FIELDS);
  const [pending, start] = useTransition();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<TableValues>({
    resolver: zodResolver(tableSchema),
    defaultValues: tableDefaults,
    mode: "onTouched",
  });
  const { register, formState, handleSubmit, setValue, getFieldState, setError, reset } = form;
  const e = (f: keyof TableValues) => formState.errors[f]?.message;
  // Closed without creating: the next New table starts clean.
  const close = () => {
    reset(tableDefaults);
    setFormError(null);
    onClose();
  };

  const submit = handleSubmit((values) => {
    setFormError(null);
    start(async () => {
      const result = await createTableAction(values);
      if (result.ok) {
        toast.success(t("created", { name: values.table_name }));
        reset(tableDefaults);
        onClose();
        router.push(`/tables/${result.data.id}`);
        return;
      }
      setFormError(result.formError ?? t("notCreated"));
      for (const [name, message] of Object.entries(fieldErrorsFrom(result)))
        setError(name as keyof TableValues, { message });
    });
  });

  const tableName = register("table_name", {
    onChange: (event) => {
      // Suggest the GraphQL type until the user types one of their own.
      if (!getFieldState("graphql_type").isDirty) setValue("graphql_type", graphqlTypeForTable(event.target.value));
    },
  });

  return (
    <Dialog
      open={open}
      onClose={close}
      dirty={formState.isDirty}
      title={t("new")}
      description={t("newDescription")}
    >
      <form noValidate onSubmit={submit} className="space-y-4" aria-label={t("new")}>
        {formError && <Alert tone="error">{formError}</Alert>}
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label={label("table_name")} required error={e("table_name")} hint={hint("table_name")}>
            {(p) => <Input {...p} {...tableName} autoFocus autoComplete="off" spellCheck={false} />}
          </Field>
          <Field label={label("schema_name")} error={e("schema_name")}>
            {(p) => <Input {...p} {...register("schema_name")} spellCheck={false} />}
          </Field>
          <Field label={label("label")} required error={e("label")} hint={hint("label")}>
            {(p) => <Input {...p} {...register("label")} />}
          </Field>
          <Field label={label("graphql_type")} error={e("graphql_type")} hint={hint("graphql_type")}>
            {(p) => <Input {...p} {...register("graphql_type")} spellCheck={false} />}
          </Field>
          <Field label={label("primary_key")} error={e("primary_key")}>
            {(p) => <Input {...p} {...register("primary_key")} spellCheck={false} />}
          </Field>
          <div className="sm:pt-7">
            <Checkbox label={label("is_api_enabled")} {...register("is_api_enabled")} />
          </div>
          <Field label={label("description")} error={e("description")} className="sm:col-span-2">
            {(p) => <Textarea {...p} rows={2} {...register("description")} />}
          </Field>
        </div>
        <div className="flex justify-end gap-2">
          <DialogCancel />
          <Button type="submit" pending={pending}>
            {t("create")}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
