import type { CellContext } from "@tanstack/react-table";
import { columnEditor, type CellEditor } from "./types";
import { say } from "@/lib/i18n/messages";

/** The plain text a cell shows when it is not being edited. */
export function displayText(value: unknown, editor: CellEditor): string {
  if (value === null || value === undefined) return "";
  if (editor.kind === "select") {
    const option = editor.options.find((o) => o.value === value);
    return option?.label ?? String(value);
  }
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "bigint" || typeof value === "boolean") return String(value);
  if (value instanceof Date) return value.toISOString();
  return JSON.stringify(value) ?? "";
}

/** The text an editor starts from. */
export function draftOf(value: unknown, editor: CellEditor): string {
  if (value === null || value === undefined) return "";
  if (editor.kind === "json") return JSON.stringify(value, null, 2) ?? "";
  if (typeof value === "object" && !(value instanceof Date)) return JSON.stringify(value) ?? "";
  return String(value);
}

export type ParsedDraft = { ok: true; value: unknown; changed: boolean } | { ok: false; error: string };

const NUMBER_PATTERN = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** Validates an editor's text and turns it into the value to commit; `changed` is false when nothing would change. */
export function parseDraft(draft: string, editor: CellEditor, original: unknown): ParsedDraft {
  switch (editor.kind) {
    case "text": {
      return { ok: true, value: draft, changed: draft !== (original == null ? "" : String(original)) };
    }
    case "number":
      return parseNumber(draft, editor, original);
    case "select": {
      const value = draft === "" ? null : draft;
      return { ok: true, value, changed: draft !== (original == null ? "" : String(original)) };
    }
    case "json":
      return parseJson(draft, original);
    case "checkbox":
      return { ok: true, value: original !== true, changed: true };
    case "readonly":
      return { ok: false, error: say("grid.readOnly") };
  }
}

function parseNumber(draft: string, editor: Extract<CellEditor, { kind: "number" }>, original: unknown): ParsedDraft {
  const text = draft.trim();
  const before = original === null || original === undefined || original === "" ? null : Number(original);
  if (text === "") return { ok: true, value: null, changed: before !== null };
  if (!NUMBER_PATTERN.test(text)) return { ok: false, error: say("grid.enterNumber") };
  const value = Number(text);
  if (!Number.isFinite(value)) return { ok: false, error: say("grid.enterNumber") };
  if (editor.integer && !Number.isInteger(value)) return { ok: false, error: say("grid.enterWholeNumber") };
  if (editor.min !== undefined && value < editor.min) return { ok: false, error: say("grid.atLeast", { min: editor.min }) };
  if (editor.max !== undefined && value > editor.max) return { ok: false, error: say("grid.atMost", { max: editor.max }) };
  return { ok: true, value, changed: value !== before };
}

/** Live check for the JSON editor: null when the text is valid (or empty, which saves null). */
export function jsonError(text: string): string | null {
  if (text.trim() === "") return null;
  try {
    JSON.parse(text);
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : "Invalid JSON.";
  }
}

function parseJson(draft: string, original: unknown): ParsedDraft {
  const error = jsonError(draft);
  if (error) return { ok: false, error: say("grid.invalidJson", { error }) };
  const value: unknown = draft.trim() === "" ? null : JSON.parse(draft);
  return { ok: true, value, changed: JSON.stringify(value) !== JSON.stringify(original ?? null) };
}

/** A key that should start editing with itself as the first character (letters, digits, punctuation, space). */
export function isPrintableKey(event: { key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean }): boolean {
  return event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey;
}

/**
 * The grid's default `cell`: columns that keep it are drawn as plain text without calling into TanStack's
 * renderer, which keeps 2,000 × 45 cells cheap. Columns with their own `cell` are rendered through flexRender.
 */
export function plainCell<T>(context: CellContext<T, unknown>): string {
  return displayText(context.getValue(), columnEditor(context.column));
}
