"use client";

import { createContext, useCallback, useContext, useState } from "react";
import type { Theme } from "@/lib/i18n/theme";

const ThemeContext = createContext<{ theme: Theme; setTheme: (theme: Theme) => void }>({ theme: "system", setTheme: () => {} });

/**
 * The chosen theme for the components that draw their own colours (the diagram, the toasts). The page's
 * colours follow the class on <html>, which the server rendered from the cookie and this keeps in step.
 */
export function ThemeProvider({ initial, children }: { initial: Theme; children: React.ReactNode }) {
  const [theme, setThemeState] = useState(initial);
  const setTheme = useCallback((next: Theme) => {
    const root = document.documentElement;
    root.classList.remove("light", "dark");
    if (next !== "system") root.classList.add(next);
    setThemeState(next);
  }, []);
  return <ThemeContext value={{ theme, setTheme }}>{children}</ThemeContext>;
}

export const useTheme = () => useContext(ThemeContext);
