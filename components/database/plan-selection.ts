/**
 * The drift items chosen for a plan, kept in this tab's session storage under a random key that the Plan page's
 * URL carries (`?selection=<key>`). A thousand item ids do not fit in a URL (the server answers HTTP 431); the
 * Plan page sends them to the server in a server action's body, where they are validated like any input.
 */
const PREFIX = "metadata-editor:plan-selection:";

/** Stores the ids; returns the key, or null when the browser keeps no session storage (private mode, full). */
export function storeSelection(itemIds: string[]): string | null {
  const key = crypto.randomUUID();
  try {
    sessionStorage.setItem(PREFIX + key, JSON.stringify(itemIds));
    return key;
  } catch {
    return null;
  }
}

/** The ids stored under `key`, or null when this tab has none (another tab's link, storage cleared). */
export function readSelection(key: string): string[] | null {
  let text: string | null;
  try {
    text = sessionStorage.getItem(PREFIX + key);
  } catch {
    return null;
  }
  if (text === null) return null;
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) && value.every((v) => typeof v === "string") ? value : null;
  } catch {
    return null;
  }
}
