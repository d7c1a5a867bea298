"use client";

import { useTranslations } from "next-intl";
import { Select } from "@/components/ui/field";

/** For a column's api_* fields: the names of the defined endpoints (mappings_api_endpoint). */
export const ENDPOINT_NAMES_LIST_ID = "endpoint-names";

export function EndpointNamesDatalist({ names }: { names: string[] }) {
  return (
    <datalist id={ENDPOINT_NAMES_LIST_ID}>
      {names.map((n) => (
        <option key={n} value={n} />
      ))}
    </datalist>
  );
}

/** The names already in a JSON array text ([] when empty), or null when the text is not a JSON array. */
export function namesIn(text: string): unknown[] | null {
  if (text.trim() === "") return [];
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value : null;
  } catch {
    return null;
  }
}

/** Appends a chosen endpoint name to api_endpoints' JSON array (unchanged if it is there already). */
export function withEndpointName(text: string, name: string): string {
  const list = namesIn(text);
  if (!list || list.includes(name)) return text;
  return JSON.stringify([...list, name]);
}

export function AddEndpointSelect({
  value,
  onChange,
  names,
}: {
  value: string;
  onChange: (text: string) => void;
  names: string[];
}) {
  const t = useTranslations("endpoints");
  const list = namesIn(value);
  return (
    <Select
      aria-label={t("add")}
      className="w-64"
      value=""
      disabled={names.length === 0 || list === null}
      title={
        names.length === 0
          ? t("noneDefinedYet")
          : list === null
            ? t("notArray")
            : undefined
      }
      onChange={(e) => e.target.value && onChange(withEndpointName(value, e.target.value))}
    >
      <option value="">{names.length === 0 ? t("noneDefined") : t("addPlaceholder")}</option>
      {names.map((n) => (
        <option key={n} value={n} disabled={list?.includes(n)}>
          {n}
        </option>
      ))}
    </Select>
  );
}
