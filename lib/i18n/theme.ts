/**
 * The colour theme: the system's (prefers-color-scheme) unless the user chose one with the toggle, which is
 * kept in a cookie so the server renders <html class="dark|light"> and the first paint is already right
 * (no script needed before paint; app/globals.css reads the class, else the media query).
 */
export const THEMES = ["system", "light", "dark"] as const;
export type Theme = (typeof THEMES)[number];
export const THEME_COOKIE = "metadata_editor_theme";

export const themeOf = (value: unknown): Theme => (THEMES as readonly unknown[]).includes(value) ? (value as Theme) : "system";

/** A preference cookie for a year, on the editor's own path. */
export function preferenceCookie(name: string, value: string, basePath: string): string {
  return `${name}=${encodeURIComponent(value)}; Path=${basePath || "/"}; Max-Age=31536000; SameSite=Lax`;
}
