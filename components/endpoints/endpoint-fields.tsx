"use client";

import type { UseFormReturn } from "react-hook-form";
import { Checkbox, Field, Input, Select, Textarea } from "@/components/ui/field";
import { JsonField } from "@/components/ui/json-field";
import { ENDPOINT_STRUCTURED } from "./endpoint-json-editors";
import type { EndpointRow } from "@/lib/metadata/endpoints";
import { HTTP_METHODS } from "@/lib/schemas/enums";
import {
  ENDPOINT_FIELD_KINDS,
  ENDPOINT_FIELDS,
  ENDPOINT_JSON_FIELDS,
  ENDPOINT_JSON_HINTS,
  type EndpointField,
  type EndpointValues,
} from "@/lib/schemas/endpoint";
import { fromDbValue } from "@/lib/schemas/fields";
import { useFields } from "@/lib/i18n/use-fields";

export function endpointToValues(row: EndpointRow): EndpointValues {
  return Object.fromEntries(
    (Object.keys(ENDPOINT_FIELD_KINDS) as EndpointField[]).map((f) => [
      f,
      fromDbValue(ENDPOINT_FIELD_KINDS[f], row[f]),
    ]),
  ) as EndpointValues;
}

/** Every field of an endpoint, for the New endpoint dialog and the details form alike. */
export function EndpointFields({ form, autoFocus }: { form: UseFormReturn<EndpointValues>; autoFocus?: boolean }) {
  const { register, formState } = form;
  const { label, hint } = useFields(ENDPOINT_FIELDS);
  const e = (f: EndpointField) => formState.errors[f]?.message;
  return (
    <div className="grid grid-cols-2 gap-4">
      <Field label={label("endpoint_name")} required error={e("endpoint_name")} hint={hint("endpoint_name")}>
        {(p) => (
          <Input {...p} {...register("endpoint_name")} autoFocus={autoFocus} autoComplete="off" spellCheck={false} />
        )}
      </Field>
      <Field label={label("method")} error={e("method")}>
        {(p) => (
          <Select {...p} {...register("method")}>
            {HTTP_METHODS.map((m) => (
              <option key={m} value={m}>
                {m}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field label={label("base_url")} required error={e("base_url")} hint={hint("base_url")} className="col-span-2">
        {(p) => (
          <Input {...p} {...register("base_url")} type="url" inputMode="url" autoComplete="off" spellCheck={false} />
        )}
      </Field>
      <Field label={label("timeout_ms")} error={e("timeout_ms")} hint={hint("timeout_ms")}>
        {(p) => <Input {...p} {...register("timeout_ms")} inputMode="numeric" autoComplete="off" />}
      </Field>
      <div className="pt-7">
        <Checkbox label={label("is_active")} {...register("is_active")} />
      </div>
      <Field label={label("description")} error={e("description")} className="col-span-2">
        {(p) => <Textarea {...p} rows={2} {...register("description")} />}
      </Field>
      {ENDPOINT_JSON_FIELDS.map((name) => (
        <JsonField
          key={name}
          control={form.control}
          name={name}
          label={label(name)}
          error={e(name)}
          hint={ENDPOINT_JSON_HINTS[name]}
          editor={(value, onChange) => ENDPOINT_STRUCTURED[name]?.({ value, onChange, label: label(name) })}
        />
      ))}
    </div>
  );
}
