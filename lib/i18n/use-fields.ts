"use client";

import { useLocale } from "next-intl";
import { fieldHint, fieldLabel, type FieldRegistry } from "../schemas/registry";

/** A form's labels and hints in the page's language, from the entity's field registry (the one home of both). */
export function useFields<R extends FieldRegistry>(fields: R) {
  const locale = useLocale();
  return {
    label: (name: keyof R & string) => fieldLabel(fields[name], locale),
    hint: (name: keyof R & string) => fieldHint(fields[name], locale),
  };
}
