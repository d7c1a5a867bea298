"use client";

import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { Button } from "./button";
import { cn } from "./cn";

const Guard = createContext<{ setDirty: (dirty: boolean) => void; requestClose: () => void } | null>(null);

/**
 * For a form inside a Dialog: tells the dialog whether it holds unsaved edits, and returns the close to use
 * for its Cancel button. Escape, Cancel and the close request then ask before anything typed is thrown away.
 */
export function useDialogGuard(dirty: boolean, fallbackClose: () => void): () => void {
  const guard = useContext(Guard);
  useEffect(() => {
    guard?.setDirty(dirty);
  }, [guard, dirty]);
  useEffect(() => () => guard?.setDirty(false), [guard]);
  return guard?.requestClose ?? fallbackClose;
}

/** The dialog's Cancel: closes it, asking first when its form holds unsaved edits. */
export function DialogCancel({ children, onClick }: { children?: ReactNode; onClick?: () => void }) {
  const guard = useContext(Guard);
  const t = useTranslations("common");
  return (
    <Button variant="secondary" onClick={onClick ?? guard?.requestClose}>
      {children ?? t("cancel")}
    </Button>
  );
}

/**
 * A modal on the native <dialog>: focus is trapped and restored by the browser, Escape closes it, and it has
 * an accessible name from its title. With unsaved edits (useDialogGuard), closing asks first.
 */
export function Dialog({
  open,
  onClose,
  title,
  description,
  children,
  wide,
  dirty: dirtyProp = false,
}: {
  open: boolean;
  onClose: () => void;
  title: string;
  description?: ReactNode;
  children: ReactNode;
  wide?: boolean;
  /** The dialog's own form holds unsaved edits (a form inside it can say so with useDialogGuard instead). */
  dirty?: boolean;
}) {
  const t = useTranslations("dialog");
  const ref = useRef<HTMLDialogElement>(null);
  const dirty = useRef(false);
  const [asking, setAsking] = useState(false);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
    if (!open) setAsking(false);
  }, [open]);
  const requestClose = useCallback(() => {
    if (dirty.current || dirtyProp) setAsking(true);
    else onClose();
  }, [onClose, dirtyProp]);
  const guard = useMemo(() => ({ setDirty: (d: boolean) => void (dirty.current = d), requestClose }), [requestClose]);
  return (
    <dialog
      ref={ref}
      aria-label={title}
      onClose={() => {
        // The browser closed it (not our Escape handling below): keep state in line.
        if (open) onClose();
      }}
      onCancel={(e) => {
        e.preventDefault();
        requestClose();
      }}
      className={cn(
        // Fits a phone: the width leaves a margin, the height scrolls inside.
        "m-auto max-h-[90vh] w-[calc(100%-1.5rem)] rounded-xl border border-zinc-200 bg-white p-0 text-zinc-900 shadow-xl backdrop:bg-black/50",
        wide ? "max-w-4xl" : "max-w-lg",
      )}
    >
      {open && (
        <Guard.Provider value={guard}>
          <div className="p-4 sm:p-6">
            <h2 className="text-lg font-semibold">{title}</h2>
            {description && <div className="mt-1 text-sm text-zinc-600">{description}</div>}
            <div className="mt-4">{children}</div>
            {asking && (
              <div role="alertdialog" aria-label={t("unsaved")} className="sticky bottom-0 mt-4 flex flex-wrap items-center gap-2 rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950">
                <span className="mr-auto">{t("discardQuestion")}</span>
                <Button variant="secondary" onClick={() => setAsking(false)} autoFocus>
                  {t("keepEditing")}
                </Button>
                <Button
                  variant="danger"
                  onClick={() => {
                    dirty.current = false;
                    setAsking(false);
                    onClose();
                  }}
                >
                  {t("discard")}
                </Button>
              </div>
            )}
          </div>
        </Guard.Provider>
      )}
    </dialog>
  );
}
