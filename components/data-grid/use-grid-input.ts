import { useEffect, useLayoutEffect, useRef, type RefObject } from "react";
import { flushSync } from "react-dom";

interface GridInputOptions {
  gridRef: RefObject<HTMLElement | null>;
  /** The focused body cell's text for the clipboard (the selected range as TSV), or null to let the browser copy. */
  copyText: () => string | null;
  /** Text pasted on a body cell (not in an editor). */
  paste: (text: string) => void;
  /** Starts editing the active cell with `draft` (IME or other text input on a selected cell). */
  startTyping: (draft: string) => void;
}

/** The focused grid cell, when focus is on a body cell itself (not in its editor or a button). */
function focusedCell(grid: HTMLElement | null): HTMLElement | null {
  const el = document.activeElement as HTMLElement | null;
  if (!grid || !el || !grid.contains(el) || el.dataset.c === undefined || el.dataset.actions !== undefined) return null;
  return Number(el.parentElement?.dataset.r) >= 0 ? el : null;
}

/** Text the browser put into a cell while it was composing: the nodes React does not own (data-cell-part). */
function takeStrayText(cell: HTMLElement): string {
  let text = "";
  for (const node of Array.from(cell.childNodes)) {
    if (node instanceof HTMLElement && node.dataset.cellPart !== undefined) continue;
    text += node.textContent ?? "";
    node.remove();
  }
  return text;
}

/**
 * Clipboard and text input on selected (not edited) cells. Copy and paste are document events: with no text
 * selection Chromium fires them at the body. A selected text cell is contentEditable, so an IME composes into
 * it (Hangul never sends a printable keydown); when the composition ends, editing starts with the composed
 * text, as in Google Sheets, and the stray text is taken out of the cell again.
 */
export function useGridInput(options: GridInputOptions) {
  const latest = useRef(options);
  useLayoutEffect(() => {
    latest.current = options;
  });
  const { gridRef } = options;

  useEffect(() => {
    const grid = gridRef.current;
    if (!grid) return;
    const onCopy = (event: ClipboardEvent) => {
      if (!focusedCell(grid)) return;
      const text = latest.current.copyText();
      if (text === null || !event.clipboardData) return;
      event.clipboardData.setData("text/plain", text);
      event.preventDefault();
    };
    const onPaste = (event: ClipboardEvent) => {
      if (!focusedCell(grid)) return;
      event.preventDefault();
      const text = event.clipboardData?.getData("text/plain") ?? "";
      if (text !== "") latest.current.paste(text);
    };
    const onBeforeInput = (event: InputEvent) => {
      const cell = event.target as HTMLElement;
      if (cell !== focusedCell(grid)) return;
      if (event.inputType === "insertCompositionText") return; // not cancelable; taken at compositionend
      event.preventDefault();
      if (event.inputType === "insertText" && event.data && !event.isComposing) {
        takeStrayText(cell);
        flushSync(() => latest.current.startTyping(event.data!));
      }
    };
    const onCompositionStart = (event: CompositionEvent) => {
      const cell = event.target as HTMLElement;
      if (cell !== focusedCell(grid)) return;
      const content = cell.querySelector<HTMLElement>("[data-cell-part=content]");
      if (content) content.style.visibility = "hidden";
    };
    const onCompositionEnd = (event: CompositionEvent) => {
      const cell = event.target as HTMLElement;
      if (cell !== focusedCell(grid)) return;
      const stray = takeStrayText(cell);
      const content = cell.querySelector<HTMLElement>("[data-cell-part=content]");
      if (content) content.style.visibility = "";
      const text = event.data || stray;
      // Synchronously, so the editor has focus before the IME starts composing the next syllable.
      if (text) flushSync(() => latest.current.startTyping(text));
    };
    document.addEventListener("copy", onCopy);
    document.addEventListener("paste", onPaste);
    grid.addEventListener("beforeinput", onBeforeInput);
    grid.addEventListener("compositionstart", onCompositionStart);
    grid.addEventListener("compositionend", onCompositionEnd);
    return () => {
      document.removeEventListener("copy", onCopy);
      document.removeEventListener("paste", onPaste);
      grid.removeEventListener("beforeinput", onBeforeInput);
      grid.removeEventListener("compositionstart", onCompositionStart);
      grid.removeEventListener("compositionend", onCompositionEnd);
    };
  }, [gridRef]);
}
