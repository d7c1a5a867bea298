"use client";

import { useLayoutEffect, useRef, useState, type FocusEvent, type KeyboardEvent } from "react";
import type { Column, Row } from "@tanstack/react-table";
import { useTranslations } from "next-intl";
import { cn } from "@/components/ui/cn";
import { JsonEditor } from "./json-editor";
import { INSET_RING, columnAlign, columnEditor, columnLabel, type EditState } from "./types";
import type { EditingApi } from "./use-cell-editing";

export interface CellEditorProps<T> {
  row: Row<T>;
  column: Column<T, unknown>;
  edit: EditState;
  api: EditingApi<T>;
  errorId: string;
}

const fieldClass = "absolute inset-0 h-full w-full rounded-none border-0 bg-white px-2 text-sm text-zinc-900 outline-2";

/** The one live editor in the grid, rendered inside the cell being edited. Its draft survives a failed commit. */
export function CellEditor<T>({ row, column, edit, api, errorId }: CellEditorProps<T>) {
  const editor = columnEditor(column);
  const t = useTranslations("grid");
  const words = useTranslations("common");
  const [draft, setDraft] = useState(edit.initialDraft);
  const ref = useRef<HTMLInputElement & HTMLSelectElement>(null);
  const label = t("cellFor", { column: columnLabel(column), row: row.id });

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    el.focus({ preventScroll: true });
    if (el instanceof HTMLInputElement) el.setSelectionRange(el.value.length, el.value.length);
  }, []);

  if (editor.kind === "json") {
    return <JsonEditor row={row} column={column} edit={edit} api={api} label={label} errorId={errorId} />;
  }

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.nativeEvent.isComposing) return; // Enter that confirms an IME composition (Korean, Japanese) is not a commit
    if (event.key === "Escape") {
      event.preventDefault();
      api.cancel();
    } else if (event.key === "Enter" && !event.altKey && !event.shiftKey) {
      event.preventDefault();
      void api.commit(row, column, draft, "down");
    } else if (event.key === "Tab") {
      event.preventDefault();
      void api.commit(row, column, draft, event.shiftKey ? "left" : "right");
    }
  };

  // Leaving the cell commits; switching windows does not (focus comes back to the same editor).
  const onBlur = (event: FocusEvent<HTMLElement>) => {
    if (!document.hasFocus() || event.currentTarget.closest("[data-c]")?.contains(event.relatedTarget)) return;
    void api.commit(row, column, draft, "none");
  };

  const ring = edit.error ? "outline-red-600" : "outline-blue-600";
  const common = {
    "data-editor": "",
    "aria-label": label,
    "aria-invalid": edit.error ? true : undefined,
    "aria-describedby": edit.error ? errorId : undefined,
    "aria-busy": edit.pending || undefined,
    onKeyDown,
    onBlur,
    style: INSET_RING,
  };

  if (editor.kind === "select") {
    return (
      <select
        ref={ref}
        {...common}
        value={draft}
        onChange={(event) => api.saving() || setDraft(event.target.value)}
        className={cn(fieldClass, ring, "pr-6")}
      >
        {(editor.allowEmpty || draft === "") && (
          <option value="" disabled={!editor.allowEmpty}>
            {editor.allowEmpty ? words("none") : words("choose")}
          </option>
        )}
        {editor.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label ?? option.value}
          </option>
        ))}
      </select>
    );
  }

  return (
    <input
      ref={ref}
      {...common}
      type="text"
      inputMode={editor.kind === "number" ? (editor.integer ? "numeric" : "decimal") : undefined}
      placeholder={editor.kind === "text" ? editor.placeholder : undefined}
      autoComplete="off"
      spellCheck={false}
      value={draft}
      readOnly={edit.pending}
      onChange={(event) => api.saving() || setDraft(event.target.value)}
      className={cn(
        fieldClass,
        ring,
        columnAlign(column) === "right" && "text-right tabular-nums",
        edit.pending && "text-zinc-500",
      )}
    />
  );
}
