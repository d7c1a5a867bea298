"use client";

import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { Controller, type Control, type FieldValues, type Path } from "react-hook-form";
import { Field, Textarea } from "./field";

/**
 * A JSONB field of a form: the JSON text (always editable: the source of truth) under an optional structured
 * editor that reads and writes the same text. Validation is the form's zod schema (jsonText / jsonTextOf).
 */
export function JsonField<T extends FieldValues>({
  control,
  name,
  label,
  error,
  hint,
  editor,
  structuredOnly = false,
}: {
  control: Control<T>;
  name: Path<T>;
  label: string;
  error?: string;
  hint?: string;
  editor?: (value: string, onChange: (text: string) => void) => ReactNode;
  /** The structured editor alone, without the JSON text under it (it shows the JSON itself when it cannot read it). */
  structuredOnly?: boolean;
}) {
  const c = useTranslations("common");
  return (
    <Field
      label={editor && structuredOnly ? label : `${label} (JSON)`}
      error={error}
      hint={hint ? c("example", { example: hint }) : undefined}
      className="col-span-2"
    >
      {(p) => (
        <Controller
          control={control}
          name={name}
          render={({ field }) => (
            <div className="space-y-2">
              {editor?.(String(field.value ?? ""), field.onChange)}
              {!(editor && structuredOnly) && (
                <Textarea
                  {...p}
                  rows={editor ? 2 : 3}
                  className="font-mono text-xs"
                  spellCheck={false}
                  value={String(field.value ?? "")}
                  onChange={field.onChange}
                  onBlur={field.onBlur}
                />
              )}
            </div>
          )}
        />
      )}
    </Field>
  );
}
