"use client";

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
import { tableDefaults } from "@/lib/schemas/table";

/** New table from the diagram: the essentials and its key column, so it can be related right away. */
export function DiagramTableDialog({ onClose, onCreated }: { onClose: () => void; onCreated: (id: number) => void }) {
  const [pending, start] = useTransition();
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
        toast.success(`Table ${values.table_name} created.`);
        onCreated(result.data.id);
        onClose();
        return;
      }
      setFormError(result.formError ?? "Not created.");
      for (const [name, message] of Object.entries(fieldErrorsFrom(result))) setError(name as keyof DiagramTableInput, { message });
    }),
  );
  return (
    <Dialog open onClose={onClose} title="New table" description="A table with its key column; add the other columns on its page.">
      <form noValidate onSubmit={submit} className="space-y-4" aria-label="New table">
        {formError && <Alert tone="error">{formError}</Alert>}
        <div className="grid grid-cols-2 gap-4">
          <Field label="Table name" required error={e("table_name")} hint="snake_case, e.g. order_items">
            {(p) => <Input {...p} {...tableName} autoFocus autoComplete="off" spellCheck={false} />}
          </Field>
          <Field label="Schema" error={e("schema_name")}>
            {(p) => <Input {...p} {...register("schema_name")} spellCheck={false} />}
          </Field>
          <Field label="Label" required error={e("label")}>
            {(p) => <Input {...p} {...register("label")} />}
          </Field>
          <Field label="GraphQL type" error={e("graphql_type")}>
            {(p) => <Input {...p} {...register("graphql_type")} spellCheck={false} />}
          </Field>
          <Field label="Primary key" error={e("primary_key")}>
            {(p) => <Input {...p} {...register("primary_key")} spellCheck={false} />}
          </Field>
          <Field label="Key type" error={e("key_type")}>
            {(p) => (
              <Select {...p} {...register("key_type")}>
                {KEY_TYPES.map((t) => (
                  <option key={t} value={t}>
                    {t}
                  </option>
                ))}
                <option value="">No key column</option>
              </Select>
            )}
          </Field>
        </div>
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" pending={pending}>
            Create table
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
