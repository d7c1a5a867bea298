import type { Queryable } from "../db/pool";
import { encodeForm, type PreviewFormData } from "../codegen/form-wire";
import { tableForm } from "../codegen/generate";
import { currentLocale } from "../i18n/messages";
import type { Locale } from "../i18n/locale";
import { withLocale } from "../i18n/locale-scope";
import { toJsonText, type JsonText } from "../actions/types";
import { loadTablePage, tablePageSource, type TablePageSource } from "./codegen-input";

/** How many tables' previews are kept (each ~0.2 MB for the 2,000-column table). */
const KEPT = 8;
/** Per table, its answer (or the build in progress: a second request for it waits for that build). */
const kept = new Map<number, { key: string; text: Promise<JsonText<PreviewFormData>> }>();
/** Previews built rather than reused (for the tests). */
export const tableFormStats = { built: 0 };

/** The table asked for is not in the metadata (deleted meanwhile, or never there). */
export class TableGoneError extends Error {
  constructor(readonly tableId: number) {
    super(`table ${tableId} does not exist`);
  }
}

async function build(tableId: number, source: TablePageSource, db?: Queryable): Promise<JsonText<PreviewFormData>> {
  const input = await loadTablePage(source, db);
  if (!input.tables.some((t) => t.id === tableId)) throw new TableGoneError(tableId);
  const { form, problems } = tableForm(input, tableId);
  tableFormStats.built++;
  return toJsonText<PreviewFormData>({ form: form && encodeForm(form), problems });
}

/**
 * The Form preview's answer for a table, as JSON text. Reading and resolving the 2,000-column table's columns
 * is most of the action's time, so the answer is kept while its source's fingerprint (tablePageSource: every
 * table row, these tables' columns, their relations, the settings) and the language stay the same: opening
 * the preview again reads the metadata afresh, but builds the form again only when something it shows changed.
 * Two requests for the same answer at once (the table page's warm-up and the tab's click) share one build.
 */
export async function tableFormText(tableId: number, db?: Queryable): Promise<JsonText<PreviewFormData>> {
  const source = await tablePageSource(tableId, db);
  const key = `${currentLocale()}\u0000${source.fingerprint}`;
  const hit = kept.get(tableId);
  kept.delete(tableId);
  if (hit?.key === key) {
    kept.set(tableId, hit); // most recently used last
    return hit.text;
  }
  const text = build(tableId, source, db);
  const entry = { key, text };
  kept.set(tableId, entry);
  if (kept.size > KEPT) kept.delete(kept.keys().next().value!);
  // A failed build is not kept: the next request tries again (and reports its own failure).
  text.catch(() => kept.get(tableId) === entry && kept.delete(tableId));
  return text;
}

/**
 * Builds a table's answer ahead of the Form preview tab's click: the table page starts it once its own response
 * is sent (Next's `after`), so a first opening finds the answer built, or being built, instead of starting it.
 * A failure is only logged: the click's own request reports it to the user.
 */
export async function warmTableForm(tableId: number, locale: Locale, db?: Queryable): Promise<void> {
  try {
    await withLocale(locale, () => tableFormText(tableId, db));
  } catch (error) {
    console.error(`Form preview warm-up of table ${tableId} failed:`, error);
  }
}
