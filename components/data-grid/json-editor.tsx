"use client";

import { useLayoutEffect, useRef, useState, type FocusEvent, type KeyboardEvent } from "react";
import type { Column, Row } from "@tanstack/react-table";
import { useTranslations } from "next-intl";
import { cn } from "@/components/ui/cn";
import type { EditState } from "./types";
import type { EditingApi } from "./use-cell-editing";
import { jsonError } from "./values";

interface JsonEditorProps<T> {
  row: Row<T>;
  column: Column<T, unknown>;
  edit: EditState;
  api: EditingApi<T>;
  label: string;
  errorId: string;
}

const GAP = 4;
const MARGIN = 8;

/**
 * A textarea in a popover anchored to the cell. It lives in the top layer (HTML popover) so the grid's scroll
 * container and neighbouring rows cannot clip or cover it; it follows the cell when the page scrolls.
 */
export function JsonEditor<T>({ row, column, edit, api, label, errorId }: JsonEditorProps<T>) {
  const [text, setDraft] = useState(edit.initialDraft);
  // No input while the save is in flight (its busy look may not be drawn yet: use-cell-editing.ts).
  const setText = (next: string) => void (api.saving() || setDraft(next));
  const t = useTranslations("grid");
  const common = useTranslations("common");
  const anchorRef = useRef<HTMLSpanElement>(null);
  const popoverRef = useRef<HTMLDivElement>(null);
  const areaRef = useRef<HTMLTextAreaElement>(null);
  const syntaxError = jsonError(text);
  const statusId = `${errorId}-status`;

  useLayoutEffect(() => {
    const popover = popoverRef.current;
    const anchor = anchorRef.current?.parentElement;
    if (!popover || !anchor) return;
    if (typeof popover.showPopover === "function" && !popover.matches(":popover-open")) popover.showPopover();
    const place = () => {
      const cell = anchor.getBoundingClientRect();
      const box = popover.getBoundingClientRect();
      const below = cell.bottom + GAP + box.height <= window.innerHeight - MARGIN;
      const top = below ? cell.bottom + GAP : Math.max(MARGIN, cell.top - GAP - box.height);
      const left = Math.max(MARGIN, Math.min(cell.left, window.innerWidth - box.width - MARGIN));
      popover.style.top = `${top}px`;
      popover.style.left = `${left}px`;
    };
    place();
    window.addEventListener("scroll", place, true);
    window.addEventListener("resize", place);
    areaRef.current?.focus({ preventScroll: true });
    return () => {
      window.removeEventListener("scroll", place, true);
      window.removeEventListener("resize", place);
    };
  }, []);

  // A commit error is about the text that was submitted; once the user edits it, the live check takes over.
  const attempted = useRef<string | null>(null);
  const commitError = edit.error && text === attempted.current ? edit.error : null;
  const commit = (move: "stay" | "none") => {
    attempted.current = text;
    void api.commit(row, column, text, move);
  };
  const save = () => commit("stay");

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key === "Escape") {
      event.preventDefault();
      api.cancel();
    } else if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      save();
    }
  };

  // Focus leaving the popover (not to its own buttons) commits, like the inline editors.
  const onBlur = (event: FocusEvent<HTMLElement>) => {
    if (!document.hasFocus() || popoverRef.current?.contains(event.relatedTarget)) return;
    commit("none");
  };

  return (
    <>
      <span ref={anchorRef} aria-hidden className="truncate font-mono text-xs text-zinc-500">
        {text.replace(/\s+/g, " ")}
      </span>
      <div
        ref={popoverRef}
        popover="manual"
        tabIndex={-1}
        data-editor=""
        role="dialog"
        aria-label={`Edit ${label}`}
        onKeyDown={onKeyDown}
        onBlur={onBlur}
        className="fixed inset-auto z-50 m-0 w-[30rem] max-w-[calc(100vw-16px)] space-y-2 rounded-md border border-zinc-300 bg-white p-3 text-sm text-zinc-900 shadow-lg"
      >
        {column.columnDef.meta?.structured?.(text, setText, label)}
        <textarea
          ref={areaRef}
          aria-label={label}
          aria-invalid={commitError || syntaxError ? true : undefined}
          aria-describedby={statusId}
          aria-busy={edit.pending || undefined}
          readOnly={edit.pending}
          spellCheck={false}
          rows={10}
          value={text}
          onChange={(event) => setText(event.target.value)}
          className={cn(
            "block w-full resize-y rounded-md border bg-white px-2 py-1.5 font-mono text-xs leading-5",
            commitError || syntaxError ? "border-red-500 focus-visible:outline-red-600" : "border-zinc-300",
          )}
        />
        <div className="flex items-center justify-between gap-3">
          {commitError ? (
            <p id={statusId} role="alert" className="min-w-0 text-xs font-medium text-red-600">
              {commitError}
            </p>
          ) : (
            <p
              id={statusId}
              role="status"
              title={syntaxError ?? undefined}
              className={cn("min-w-0 truncate text-xs", syntaxError ? "font-medium text-red-600" : "text-emerald-700")}
            >
              {syntaxError ?? (text.trim() === "" ? t("jsonEmpty") : t("jsonValid"))}
            </p>
          )}
          <div className="flex shrink-0 items-center gap-2">
            <span className="text-xs text-zinc-500">Ctrl+Enter</span>
            <button
              type="button"
              onClick={() => api.cancel()}
              className="rounded-md border border-zinc-300 bg-white px-2.5 py-1 text-xs font-medium text-zinc-800 hover:bg-zinc-100"
            >
              {common("cancel")}
            </button>
            <button
              type="button"
              onClick={save}
              disabled={edit.pending || syntaxError !== null}
              aria-busy={edit.pending || undefined}
              className="rounded-md bg-blue-600 px-2.5 py-1 text-xs font-medium text-white hover:bg-blue-700 disabled:bg-blue-300"
            >
              {edit.pending ? common("saving") : common("save")}
            </button>
          </div>
        </div>
      </div>
    </>
  );
}
