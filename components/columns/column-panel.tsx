"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { updateColumnAction } from "@/app/(editor)/tables/[id]/actions";
import { saveVersioned } from "@/components/conflict/save-versioned";
import { useConflict } from "@/components/conflict/use-conflict";
import {
  AddEndpointSelect,
  ENDPOINT_NAMES_LIST_ID,
  EndpointNamesDatalist,
} from "@/components/endpoints/endpoint-pickers";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogCancel, useDialogGuard } from "@/components/ui/dialog";
import { JsonField } from "@/components/ui/json-field";
import { Checkbox, Field, Input, Select, Textarea } from "@/components/ui/field";
import type { ColumnRow } from "@/lib/metadata/columns";
import { COMMON_PG_TYPES, FORM_TYPES } from "@/lib/metadata/derive";
import {
  COLUMN_FIELD_KINDS,
  COLUMN_GROUPS,
  COLUMN_JSON_HINTS,
  COLUMN_LABELS,
  columnSchema,
  type ColumnField,
  type ColumnValues,
} from "@/lib/schemas/column";
import { fromDbValue } from "@/lib/schemas/fields";
import { EnumOptionsEditor, PgConstraintsEditor, ValidationRulesEditor } from "./json-editors";

const LONG_TEXT = new Set<ColumnField>([
  "graphql_resolver",
  "default_value",
  "help_text",
  "api_default_value",
  "comment",
  "remark",
]);
const STRUCTURED = {
  enum_options: EnumOptionsEditor,
  validation_rules: ValidationRulesEditor,
  pg_constraints: PgConstraintsEditor,
} as const;

export function rowToColumnValues(row: ColumnRow): ColumnValues {
  return Object.fromEntries(
    (Object.keys(COLUMN_FIELD_KINDS) as ColumnField[]).map((f) => [f, fromDbValue(COLUMN_FIELD_KINDS[f], row[f])]),
  ) as ColumnValues;
}

/** Every field of one column, grouped as in the seed's DDL, with structured editors for the JSON ones. */
export function ColumnPanel({
  row,
  onClose,
  onSaved,
  onGone,
  endpointNames = [],
}: {
  row: ColumnRow | null;
  onClose: () => void;
  onSaved: (row: ColumnRow) => void;
  /** The column was deleted by someone else meanwhile: the grid drops it too. */
  onGone?: (id: number) => void;
  endpointNames?: string[];
}) {
  return (
    <Dialog
      open={row !== null}
      onClose={onClose}
      wide
      title={`Column ${row ? String(row.pg_column) : ""}`}
      description={row ? `${row.schema_name}.${row.table_name}` : undefined}
    >
      {row && (
        <ColumnForm
          key={`${row.id}:${row.rowVersion}`}
          row={row}
          onClose={onClose}
          onSaved={onSaved}
          onGone={onGone}
          endpointNames={endpointNames}
        />
      )}
    </Dialog>
  );
}

function ColumnForm({
  row,
  onClose,
  onSaved,
  onGone,
  endpointNames,
}: {
  row: ColumnRow;
  onClose: () => void;
  onSaved: (row: ColumnRow) => void;
  onGone?: (id: number) => void;
  endpointNames: string[];
}) {
  const form = useForm<ColumnValues>({
    resolver: zodResolver(columnSchema),
    defaultValues: rowToColumnValues(row),
    mode: "onTouched",
  });
  const { register, control, formState, handleSubmit, setError, reset } = form;
  const [rowVersion, setRowVersion] = useState(row.rowVersion);
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const { ask, dialog } = useConflict();
  useDialogGuard(formState.isDirty, onClose);

  const submit = handleSubmit((values) =>
    start(async () => {
      setFormError(null);
      const outcome = await saveVersioned({
        rowVersion,
        values,
        what: `Column ${row.pg_column}`,
        save: (current) => updateColumnAction({ id: row.id, rowVersion: current, values }),
        toValues: rowToColumnValues,
        ask,
      });
      if (outcome.kind === "saved") {
        onSaved(outcome.row);
        toast.success(`Column ${values.pg_column} saved.`);
        onClose();
      } else if (outcome.kind === "gone") {
        onGone?.(row.id);
        onClose();
      } else if (outcome.kind === "theirs") {
        reset(outcome.values);
        setRowVersion(outcome.row.rowVersion);
        onSaved(outcome.row);
      } else {
        setFormError(outcome.formError);
        for (const [name, message] of Object.entries(outcome.fieldErrors)) setError(name as ColumnField, { message });
      }
    }),
  );

  const renderField = (f: ColumnField) => {
    const kind = COLUMN_FIELD_KINDS[f];
    const error = formState.errors[f]?.message;
    if (kind === "bool") return <Checkbox key={f} label={COLUMN_LABELS[f]} {...register(f)} />;
    if (kind === "json") {
      const Structured = (STRUCTURED as Partial<Record<ColumnField, typeof EnumOptionsEditor>>)[f];
      const editor =
        Structured || f === "api_endpoints"
          ? (value: string, onChange: (text: string) => void) =>
              Structured ? (
                <Structured value={value} onChange={onChange} label={COLUMN_LABELS[f]} />
              ) : (
                <AddEndpointSelect value={value} onChange={onChange} names={endpointNames} />
              )
          : undefined;
      return (
        <JsonField
          key={f}
          control={control}
          name={f}
          label={COLUMN_LABELS[f]}
          error={error}
          hint={f === "pg_constraints" ? undefined : COLUMN_JSON_HINTS[f]}
          editor={editor}
          structuredOnly={f === "pg_constraints"}
        />
      );
    }
    return (
      <Field
        key={f}
        label={COLUMN_LABELS[f]}
        error={error}
        required={kind === "required"}
        className={LONG_TEXT.has(f) ? "col-span-2" : undefined}
      >
        {(p) =>
          f === "form_type" ? (
            <Select {...p} {...register(f)}>
              {[...new Set([...FORM_TYPES, String(form.getValues("form_type"))])].filter(Boolean).map((t) => (
                <option key={t} value={t}>
                  {t}
                </option>
              ))}
            </Select>
          ) : LONG_TEXT.has(f) ? (
            <Textarea {...p} rows={2} {...register(f)} />
          ) : (
            <Input
              {...p}
              {...register(f)}
              list={f === "pg_type" ? "pg-types-panel" : f === "api_source_path" ? ENDPOINT_NAMES_LIST_ID : undefined}
              inputMode={kind === "int" ? "numeric" : undefined}
              spellCheck={false}
            />
          )
        }
      </Field>
    );
  };

  return (
    <form
      noValidate
      onSubmit={submit}
      className="max-h-[70vh] space-y-4 overflow-y-auto pr-2"
      aria-label="Column details"
    >
      {formError && <Alert tone="error">{formError}</Alert>}
      <EndpointNamesDatalist names={endpointNames} />
      <datalist id="pg-types-panel">
        {COMMON_PG_TYPES.map((t) => (
          <option key={t} value={t} />
        ))}
      </datalist>
      {COLUMN_GROUPS.map((group) => (
        <fieldset key={group.id} className="rounded-lg border border-zinc-200 p-4">
          <legend className="px-1 text-sm font-semibold">{group.title}</legend>
          <div className="grid grid-cols-2 gap-3">{group.fields.map(renderField)}</div>
        </fieldset>
      ))}
      <div className="sticky bottom-0 flex justify-end gap-2 bg-white py-2">
        <DialogCancel />
        <Button type="submit" pending={pending}>
          Save
        </Button>
      </div>
      {dialog}
    </form>
  );
}
