"use client";

import type { UseFormReturn } from "react-hook-form";
import { Checkbox, Field, Input, Select, Textarea } from "@/components/ui/field";
import { JsonField } from "@/components/ui/json-field";
import { ENDPOINT_STRUCTURED } from "./endpoint-json-editors";
import type { EndpointRow } from "@/lib/metadata/endpoints";
import { HTTP_METHODS } from "@/lib/schemas/enums";
import {
  ENDPOINT_FIELD_KINDS,
  ENDPOINT_JSON_HINTS,
  type EndpointField,
  type EndpointJsonField,
  type EndpointValues,
} from "@/lib/schemas/endpoint";
import { fromDbValue } from "@/lib/schemas/fields";

export function endpointToValues(row: EndpointRow): EndpointValues {
  return Object.fromEntries(
    (Object.keys(ENDPOINT_FIELD_KINDS) as EndpointField[]).map((f) => [
      f,
      fromDbValue(ENDPOINT_FIELD_KINDS[f], row[f]),
    ]),
  ) as EndpointValues;
}

const JSON_FIELDS: { name: EndpointJsonField; label: string }[] = [
  { name: "headers", label: "Headers" },
  { name: "auth_config", label: "Auth config" },
  { name: "rate_limit_config", label: "Rate limit config" },
  { name: "retry_config", label: "Retry config" },
  { name: "cache_config", label: "Cache config" },
  { name: "request_mapping", label: "Request mapping" },
  { name: "response_mapping", label: "Response mapping" },
];

/** Every field of an endpoint, for the New endpoint dialog and the details form alike. */
export function EndpointFields({ form, autoFocus }: { form: UseFormReturn<EndpointValues>; autoFocus?: boolean }) {
  const { register, formState } = form;
  const e = (f: EndpointField) => formState.errors[f]?.message;
  return (
    <div className="grid grid-cols-2 gap-4">
      <Field label="Endpoint name" required error={e("endpoint_name")} hint="e.g. github_user_api">
        {(p) => (
          <Input {...p} {...register("endpoint_name")} autoFocus={autoFocus} autoComplete="off" spellCheck={false} />
        )}
      </Field>
      <Field label="Method" error={e("method")}>
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
      <Field label="Base URL" required error={e("base_url")} hint="e.g. https://api.github.com" className="col-span-2">
        {(p) => (
          <Input {...p} {...register("base_url")} type="url" inputMode="url" autoComplete="off" spellCheck={false} />
        )}
      </Field>
      <Field label="Timeout (ms)" error={e("timeout_ms")} hint="1 to 3,600,000; empty for none">
        {(p) => <Input {...p} {...register("timeout_ms")} inputMode="numeric" autoComplete="off" />}
      </Field>
      <div className="pt-7">
        <Checkbox label="Active" {...register("is_active")} />
      </div>
      <Field label="Description" error={e("description")} className="col-span-2">
        {(p) => <Textarea {...p} rows={2} {...register("description")} />}
      </Field>
      {JSON_FIELDS.map(({ name, label }) => (
        <JsonField
          key={name}
          control={form.control}
          name={name}
          label={label}
          error={e(name)}
          hint={ENDPOINT_JSON_HINTS[name]}
          editor={(value, onChange) => ENDPOINT_STRUCTURED[name]?.({ value, onChange, label })}
        />
      ))}
    </div>
  );
}
