"use client";

import { Toaster } from "sonner";
import { useTheme } from "./theme-context";

/** Toasts in the page's theme. */
export function AppToaster() {
  const { theme } = useTheme();
  return <Toaster position="bottom-right" richColors closeButton theme={theme} />;
}
