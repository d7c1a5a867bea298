"use client";

import { useId, useState } from "react";
import { Input } from "@/components/ui/field";
import { COLUMN_FIELDS, COLUMN_GROUPS, type ColumnField } from "@/lib/schemas/column";

const FIELDS = COLUMN_GROUPS.flatMap((g) => g.fields.map((f) => ({ field: f, group: g, label: COLUMN_FIELDS[f].label })));

/** Fields whose label, name or group contains the text ("valid" → the validation group's fields). */
export function findFields(text: string) {
  const q = text.trim().toLowerCase();
  if (!q) return [];
  return FIELDS.filter((f) => [f.label, f.field, f.group.title].some((s) => s.toLowerCase().includes(q)));
}

/**
 * Beside the group toggles: type part of a field's label, name or group and jump to it; its group is shown
 * first when it is hidden. Enter jumps to the first match.
 */
export function FieldFinder({ onPick }: { onPick: (field: ColumnField, groupId: string) => void }) {
  const [text, setText] = useState("");
  const listId = useId();
  const matches = findFields(text).slice(0, 8);
  return (
    <div className="relative">
      <Input
        type="search"
        aria-label="Find a field"
        aria-controls={listId}
        placeholder="Find a field…"
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Enter" && matches[0]) {
            e.preventDefault();
            onPick(matches[0].field, matches[0].group.id);
          }
        }}
        className="h-7 w-48 py-0 text-xs"
      />
      {text.trim() && (
        <ul id={listId} aria-label="Fields found" className="absolute top-full left-0 z-30 mt-1 w-72 rounded-md border border-zinc-200 bg-white p-1 text-xs shadow-lg">
          {matches.length === 0 && <li className="px-2 py-1 text-zinc-500">No field matches “{text.trim()}”.</li>}
          {matches.map((m) => (
            <li key={m.field}>
              <button
                type="button"
                onClick={() => {
                  onPick(m.field, m.group.id);
                  setText("");
                }}
                className="w-full rounded px-2 py-1 text-left hover:bg-zinc-100"
              >
                {m.label} <span className="text-zinc-500">({m.group.title})</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
