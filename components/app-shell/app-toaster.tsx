"use client";

import { useTranslations } from "next-intl";
import { Toaster } from "sonner";
import { useTheme } from "./theme-context";

/** Toasts in the page's theme; the region's and the close buttons' names in its language (sonner's are English). */
export function AppToaster() {
  const { theme } = useTheme();
  const t = useTranslations("shell");
  return (
    <Toaster
      position="bottom-right"
      richColors
      closeButton
      theme={theme}
      containerAriaLabel={t("notifications")}
      toastOptions={{ closeButtonAriaLabel: t("closeToast") }}
    />
  );
}
