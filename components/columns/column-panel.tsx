"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMemo, useState, useTransition } from "react";
import { useLocale, useTranslations } from "next-intl";
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
  COLUMN_FIELDS,
  COLUMN_JSON_HINTS,
  columnSchema,
  type ColumnField,
  type ColumnValues,
} from "@/lib/schemas/column";
import { fromDbValue } from "@/lib/schemas/fields";
import { fieldLabel } from "@/lib/schemas/registry";
import type { Locale } from "@/lib/i18n/locale";
import { fieldIndex, findFields } from "./field-finder";
import { PanelNav } from "./column-panel-nav";
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
  const t = useTranslations("columns");
  return (
    <Dialog
      open={row !== null}
      onClose={onClose}
      wide
      title={t("what", { name: row ? String(row.pg_column) : "" })}
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
  const t = useTranslations("grid");
  const columnsT = useTranslations("columns");
  const groupT = useTranslations("groups");
  const common = useTranslations("common");
  const locale = useLocale() as Locale;
  const label = (f: ColumnField) => fieldLabel(COLUMN_FIELDS[f], locale);
  // The search box: the fields whose label (in either language), name or group holds the text; the others hide.
  const index = useMemo(() => fieldIndex(locale, (id) => groupT(id as never)), [locale, groupT]);
  const [query, setQuery] = useState("");
  const shown = query.trim() ? new Set(findFields(index, query).map((f) => f.field)) : null;
  const sectionId = (group: string) => `column-panel-${row.id}-${group}`;
  const form = useForm<ColumnValues>({
    resolver: zodResolver(columnSchema),
    defaultValues: rowToColumnValues(row),
    mode: "onTouched",
  });
  const { register, control, formState, handleSubmit, setError, reset } = form;
  const [rowVersion, setRowVersion] = useState(row.rowVersion);
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const { ask, dialog } = useConflict("column");
  useDialogGuard(formState.isDirty, onClose);

  const submit = handleSubmit((values) =>
    start(async () => {
      setFormError(null);
      const outcome = await saveVersioned({
        rowVersion,
        values,
        what: columnsT("what", { name: String(row.pg_column) }),
        save: (current) => updateColumnAction({ id: row.id, rowVersion: current, values }),
        toValues: rowToColumnValues,
        ask,
      });
      if (outcome.kind === "saved") {
        onSaved(outcome.row);
        toast.success(t("panelSaved", { name: values.pg_column }));
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
    if (kind === "bool") return <Checkbox key={f} label={label(f)} {...register(f)} />;
    if (kind === "json") {
      const Structured = (STRUCTURED as Partial<Record<ColumnField, typeof EnumOptionsEditor>>)[f];
      const editor =
        Structured || f === "api_endpoints"
          ? (value: string, onChange: (text: string) => void) =>
              Structured ? (
                <Structured value={value} onChange={onChange} label={label(f)} />
              ) : (
                <AddEndpointSelect value={value} onChange={onChange} names={endpointNames} />
              )
          : undefined;
      return (
        <JsonField
          key={f}
          control={control}
          name={f}
          label={label(f)}
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
        label={label(f)}
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
      aria-label={t("panelLabel")}
    >
      <PanelNav
        query={query}
        onQuery={setQuery}
        groups={COLUMN_GROUPS.filter((g) => !shown || g.fields.some((f) => shown.has(f))).map((g) => g.id)}
        sectionId={sectionId}
      />
      {shown && shown.size === 0 && <p className="text-sm text-zinc-500">{t("panelNoMatch", { text: query.trim() })}</p>}
      {formError && <Alert tone="error">{formError}</Alert>}
      <EndpointNamesDatalist names={endpointNames} />
      <datalist id="pg-types-panel">
        {COMMON_PG_TYPES.map((t) => (
          <option key={t} value={t} />
        ))}
      </datalist>
      {COLUMN_GROUPS.map((group) => {
        // Hidden, not unmounted: a field's edits stay in the form while the search hides it.
        const hidden = shown !== null && !group.fields.some((f) => shown.has(f));
        return (
          <fieldset key={group.id} id={sectionId(group.id)} hidden={hidden} className="scroll-mt-10 rounded-lg border border-zinc-200 p-4">
            <legend className="px-1 text-sm font-semibold">{groupT(group.id as never)}</legend>
            <div className="grid grid-cols-2 gap-3">
              {group.fields.map((f) => (
                <div key={f} className={shown && !shown.has(f) ? "hidden" : "contents"}>
                  {renderField(f)}
                </div>
              ))}
            </div>
          </fieldset>
        );
      })}
      <div className="sticky bottom-0 flex justify-end gap-2 bg-white py-2">
        <DialogCancel />
        <Button type="submit" pending={pending}>
          {common("save")}
        </Button>
      </div>
      {dialog}
    </form>
  );
}
