"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useLocale, useTranslations } from "next-intl";
import { useFields } from "@/lib/i18n/use-fields";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { addColumnAction } from "@/app/(editor)/tables/[id]/actions";
import { Alert } from "@/components/ui/alert";
import { fieldErrorsFrom } from "@/lib/actions/types";
import { Button } from "@/components/ui/button";
import { Dialog, DialogCancel } from "@/components/ui/dialog";
import { Checkbox, Field, Input, Select } from "@/components/ui/field";
import type { ColumnRow } from "@/lib/metadata/columns";
import { COMMON_PG_TYPES, FORM_TYPES, deriveColumnDefaults } from "@/lib/metadata/derive";
import { COLUMN_FIELDS, newColumnSchema, type NewColumnValues } from "@/lib/schemas/column";

const empty: NewColumnValues = {
  pg_column: "",
  pg_type: "",
  label: "",
  graphql_field: "",
  graphql_type: "",
  form_type: "text",
  is_required: false,
  is_unique: false,
  is_primary_key: false,
};

/** Add one column; graphql field and type, form type and label follow the name and type until edited. */
export function AddColumnDialog({
  tableId,
  open,
  onClose,
  onAdded,
}: {
  tableId: number;
  open: boolean;
  onClose: () => void;
  onAdded: (rows: ColumnRow[]) => void;
}) {
  const t = useTranslations("addColumn");
  const locale = useLocale();
  const { label } = useFields(COLUMN_FIELDS);
  const [pending, start] = useTransition();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<NewColumnValues>({
    resolver: zodResolver(newColumnSchema),
    defaultValues: empty,
    mode: "onTouched",
  });
  const { register, formState, handleSubmit, setValue, getValues, getFieldState, setError, reset } = form;
  const e = (f: keyof NewColumnValues) => formState.errors[f]?.message;
  // Closed without adding: the next Add column starts clean.
  const close = () => {
    reset(empty);
    setFormError(null);
    onClose();
  };

  const derive = () => {
    const { pg_column, pg_type } = getValues();
    // In Korean the label is a Korean suggestion for common names (email → 이메일).
    const d = deriveColumnDefaults(pg_column, pg_type, undefined, locale);
    for (const f of ["graphql_field", "graphql_type", "form_type", "label", "is_primary_key", "is_required"] as const) {
      if (!getFieldState(f).isDirty) setValue(f, d[f] as never);
    }
  };

  const submit = handleSubmit((values) => {
    setFormError(null);
    start(async () => {
      const result = await addColumnAction(tableId, values);
      if (result.ok) {
        onAdded(result.data);
        reset(empty);
        onClose();
        return;
      }
      setFormError(result.formError ?? t("notAdded"));
      for (const [name, message] of Object.entries(fieldErrorsFrom(result)))
        setError(name as keyof NewColumnValues, { message });
    });
  });

  return (
    <Dialog
      open={open}
      onClose={close}
      dirty={formState.isDirty}
      title={t("title")}
      description={t("description")}
    >
      <form noValidate onSubmit={submit} className="space-y-4" aria-label={t("title")}>
        {formError && <Alert tone="error">{formError}</Alert>}
        <div className="grid grid-cols-2 gap-4">
          <Field label={label("pg_column")} required error={e("pg_column")} hint={t("nameHint")}>
            {(p) => (
              <Input
                {...p}
                {...register("pg_column", { onChange: derive })}
                autoFocus
                autoComplete="off"
                spellCheck={false}
              />
            )}
          </Field>
          <Field label={label("pg_type")} required error={e("pg_type")} hint={t("typeHint")}>
            {(p) => (
              <>
                <Input {...p} {...register("pg_type", { onChange: derive })} list="pg-types" spellCheck={false} />
                <datalist id="pg-types">
                  {COMMON_PG_TYPES.map((t) => (
                    <option key={t} value={t} />
                  ))}
                </datalist>
              </>
            )}
          </Field>
          <Field label={label("label")} error={e("label")} hint={t("labelHint")}>
            {(p) => <Input {...p} {...register("label")} />}
          </Field>
          <Field label={label("form_type")} error={e("form_type")}>
            {(p) => (
              <Select {...p} {...register("form_type")}>
                {FORM_TYPES.map((t) => (
                  <option key={t} value={t}>
                    {t}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <Field label={label("graphql_field")} error={e("graphql_field")}>
            {(p) => <Input {...p} {...register("graphql_field")} spellCheck={false} />}
          </Field>
          <Field label={label("graphql_type")} error={e("graphql_type")}>
            {(p) => <Input {...p} {...register("graphql_type")} spellCheck={false} />}
          </Field>
          <div className="col-span-2 flex flex-wrap gap-6">
            <Checkbox label={label("is_required")} {...register("is_required")} />
            <Checkbox label={label("is_unique")} {...register("is_unique")} />
            <Checkbox label={label("is_primary_key")} {...register("is_primary_key")} />
          </div>
        </div>
        <div className="flex justify-end gap-2">
          <DialogCancel />
          <Button type="submit" pending={pending}>
            {t("add")}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
