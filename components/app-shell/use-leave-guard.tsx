"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";

/**
 * Asks before a page with unsaved edits is left: a link inside the editor opens our confirmation (Stay /
 * Leave), closing the tab or reloading gets the browser's own question (the only one a page may ask then).
 * Returns the dialog to render.
 */
export function useLeaveGuard(dirty: boolean, what?: string) {
  const router = useRouter();
  const t = useTranslations("shell");
  const [leavingTo, setLeavingTo] = useState<string | null>(null);

  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
    };
    // Capture phase on document: runs before Next's Link handler (React listens on the root below it).
    const onClick = (event: MouseEvent) => {
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const anchor = (event.target as Element | null)?.closest?.("a[href]");
      if (!(anchor instanceof HTMLAnchorElement) || anchor.target === "_blank" || anchor.hasAttribute("download")) return;
      const url = new URL(anchor.href, window.location.href);
      if (url.origin !== window.location.origin || url.href === window.location.href) return;
      event.preventDefault();
      event.stopPropagation();
      setLeavingTo(url.pathname + url.search + url.hash);
    };
    window.addEventListener("beforeunload", onBeforeUnload);
    document.addEventListener("click", onClick, true);
    return () => {
      window.removeEventListener("beforeunload", onBeforeUnload);
      document.removeEventListener("click", onClick, true);
    };
  }, [dirty]);

  // router.push takes paths without the basePath; the anchor's href carries it.
  const BASE = "/metadata-editor";
  const dialog = (
    <ConfirmDialog
      open={leavingTo !== null}
      title={t("leaveTitle")}
      confirmLabel={t("leave")}
      onClose={() => setLeavingTo(null)}
      onConfirm={async () => {
        const to = leavingTo ?? "/";
        setLeavingTo(null);
        router.push(to.startsWith(`${BASE}/`) || to === BASE ? to.slice(BASE.length) || "/" : to);
        return null;
      }}
    >
      <p>{t("leaveBody", { what: what ?? t("yourChanges") })}</p>
    </ConfirmDialog>
  );
  return dialog;
}
