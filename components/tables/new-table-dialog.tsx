"use client";

import { zodResolver } from "@hookform/resolvers/zod";
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
import { tableDefaults, tableSchema, type TableValues } from "@/lib/schemas/table";

export function NewTableDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const router = useRouter();
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
        toast.success(`Table ${values.table_name} created.`);
        reset(tableDefaults);
        onClose();
        router.push(`/tables/${result.data.id}`);
        return;
      }
      setFormError(result.formError ?? "Not created.");
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
      title="New table"
      description="Describes a business table in the project's schema."
    >
      <form noValidate onSubmit={submit} className="space-y-4" aria-label="New table">
        {formError && <Alert tone="error">{formError}</Alert>}
        <div className="grid grid-cols-2 gap-4">
          <Field label="Table name" required error={e("table_name")} hint="snake_case, e.g. order_items">
            {(p) => <Input {...p} {...tableName} autoFocus autoComplete="off" spellCheck={false} />}
          </Field>
          <Field label="Schema" error={e("schema_name")}>
            {(p) => <Input {...p} {...register("schema_name")} spellCheck={false} />}
          </Field>
          <Field label="Label" required error={e("label")} hint="Shown in the UI, e.g. 사용자">
            {(p) => <Input {...p} {...register("label")} />}
          </Field>
          <Field label="GraphQL type" error={e("graphql_type")} hint="PascalCase; suggested from the name">
            {(p) => <Input {...p} {...register("graphql_type")} spellCheck={false} />}
          </Field>
          <Field label="Primary key" error={e("primary_key")}>
            {(p) => <Input {...p} {...register("primary_key")} spellCheck={false} />}
          </Field>
          <div className="pt-7">
            <Checkbox label="API enabled" {...register("is_api_enabled")} />
          </div>
          <Field label="Description" error={e("description")} className="col-span-2">
            {(p) => <Textarea {...p} rows={2} {...register("description")} />}
          </Field>
        </div>
        <div className="flex justify-end gap-2">
          <DialogCancel />
          <Button type="submit" pending={pending}>
            Create table
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
