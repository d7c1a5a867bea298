import type { Queryable } from "../db/pool";
import { encodeForm, type PreviewFormData } from "../codegen/form-wire";
import { tableForm } from "../codegen/generate";
import { currentLocale } from "../i18n/messages";
import { toJsonText, type JsonText } from "../actions/types";
import { loadTablePage, tablePageSource } from "./codegen-input";

/** How many tables' previews are kept (each ~0.2 MB for the 2,000-column table). */
const KEPT = 8;
const kept = new Map<number, { key: string; text: JsonText<PreviewFormData> }>();
/** Previews built rather than reused (for the tests). */
export const tableFormStats = { built: 0 };

/**
 * The Form preview's answer for a table, as JSON text. Reading and resolving the 2,000-column table's columns
 * is most of the action's time, so the answer is kept while its source's fingerprint (tablePageSource: every
 * table row, these tables' columns, their relations, the settings) and the language stay the same: opening
 * the preview again reads the metadata afresh, but builds the form again only when something it shows changed.
 */
export async function tableFormText(tableId: number, db?: Queryable): Promise<JsonText<PreviewFormData>> {
  const source = await tablePageSource(tableId, db);
  const key = `${currentLocale()}\u0000${source.fingerprint}`;
  const hit = kept.get(tableId);
  if (hit?.key === key) {
    kept.delete(tableId);
    kept.set(tableId, hit); // most recently used last
    return hit.text;
  }
  const { form, problems } = tableForm(await loadTablePage(source, db), tableId);
  const text = toJsonText<PreviewFormData>({ form: form && encodeForm(form), problems });
  tableFormStats.built++;
  kept.delete(tableId);
  kept.set(tableId, { key, text });
  if (kept.size > KEPT) kept.delete(kept.keys().next().value!);
  return text;
}
