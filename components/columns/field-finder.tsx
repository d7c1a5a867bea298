"use client";

import { useId, useMemo, useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { Input } from "@/components/ui/field";
import type { Locale } from "@/lib/i18n/locale";
import { COLUMN_FIELDS, COLUMN_GROUPS, type ColumnField } from "@/lib/schemas/column";
import { fieldLabel } from "@/lib/schemas/registry";

interface Found {
  field: ColumnField;
  groupId: string;
  label: string;
  groupTitle: string;
  /** Everything the text may match, lower-cased: the label and group in the page's language and in English, the name. */
  haystack: string[];
}

/** Every column field with its words in `locale` ("valid" and "검증" both find the validation group's fields). */
export function fieldIndex(locale: Locale, groupTitle: (id: string) => string): Found[] {
  return COLUMN_GROUPS.flatMap((g) =>
    g.fields.map((field) => {
      const label = fieldLabel(COLUMN_FIELDS[field], locale);
      const title = groupTitle(g.id);
      return {
        field,
        groupId: g.id,
        label,
        groupTitle: title,
        haystack: [label, field, title, COLUMN_FIELDS[field].label, g.title].map((s) => s.toLowerCase()),
      };
    }),
  );
}

/** Fields whose label, name or group contains the text. */
export function findFields(index: Found[], text: string): Found[] {
  const q = text.trim().toLowerCase();
  if (!q) return [];
  return index.filter((f) => f.haystack.some((s) => s.includes(q)));
}

/**
 * Beside the group toggles: type part of a field's label, name or group and jump to it; its group is shown
 * first when it is hidden. Enter jumps to the first match.
 */
export function FieldFinder({ onPick }: { onPick: (field: ColumnField, groupId: string) => void }) {
  const t = useTranslations("grid");
  const groupT = useTranslations("groups");
  const locale = useLocale() as Locale;
  const index = useMemo(() => fieldIndex(locale, (id) => groupT(id as never)), [locale, groupT]);
  const [text, setText] = useState("");
  const listId = useId();
  const matches = findFields(index, text).slice(0, 8);
  return (
    <div className="relative">
      <Input
        type="search"
        aria-label={t("findField")}
        // Only while the list is there: aria-controls must name an element that exists.
        aria-controls={text.trim() ? listId : undefined}
        placeholder={t("findFieldPlaceholder")}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Enter" && matches[0]) {
            e.preventDefault();
            onPick(matches[0].field, matches[0].groupId);
          }
        }}
        className="h-7 w-48 py-0 text-xs"
      />
      {text.trim() && (
        <ul id={listId} aria-label={t("fieldsFound")} className="absolute top-full left-0 z-30 mt-1 w-72 rounded-md border border-zinc-200 bg-white p-1 text-xs shadow-lg">
          {matches.length === 0 && <li className="px-2 py-1 text-zinc-500">{t("noFieldMatch", { text: text.trim() })}</li>}
          {matches.map((m) => (
            <li key={m.field}>
              <button
                type="button"
                onClick={() => {
                  onPick(m.field, m.groupId);
                  setText("");
                }}
                className="w-full rounded px-2 py-1 text-left hover:bg-zinc-100"
              >
                {m.label} <span className="text-zinc-500">({m.groupTitle})</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
