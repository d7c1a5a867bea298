"use server";

import { z } from "zod";
import { failed, type ActionResult, serverAction } from "@/lib/actions/result";
import type { JsonText } from "@/lib/actions/types";
import { formatFiles } from "@/lib/codegen/format";
import type { PreviewFormData } from "@/lib/codegen/form-wire";
import { generateTableCode, type TableCode, type Target } from "@/lib/codegen/generate";
import { say, vmsg } from "@/lib/i18n/messages";
import { loadTableCodegenInput } from "@/lib/metadata/codegen-input";
import { generationConfigProblem } from "@/lib/schemas/project";
import { TableGoneError, tableFormText } from "@/lib/metadata/table-form";

const tableId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
/** A table deleted meanwhile (or an id that never was one): said so, not an empty project's code or form. */
const tableGone = (): ActionResult<never> => ({ ok: false, formError: say("server.tableGone") });

/** The table's generated code as metadata:generate would write it (formatted when the project asks for it). */
export const tableCodeAction = serverAction(async (input: unknown): Promise<ActionResult<TableCode>> => {
  const id = tableId.safeParse(input);
  if (!id.success) return { ok: false, formError: vmsg("malformedRequest") };
  try {
    const codegen = await loadTableCodegenInput(id.data);
    if (!codegen.tables.some((t) => t.id === id.data)) return tableGone();
    // A generation_config written with wrong types (psql) is said, never replaced by defaults without a word.
    const configProblem = generationConfigProblem(codegen.storedConfig);
    if (configProblem) return { ok: false, formError: configProblem };
    const code = generateTableCode(codegen, id.data);
    const targets = Object.keys(code.files) as Target[];
    const formatted = await formatFiles(targets.map((t) => ({ path: code.paths[t].endsWith("/") ? `${t}.txt` : code.paths[t], content: code.files[t] })), codegen.config.prettier);
    return { ok: true, data: { ...code, files: Object.fromEntries(targets.map((t, i) => [t, formatted[i].content])) as Record<Target, string> } };
  } catch (error) {
    return failed(error);
  }
});

/** The table's form as the preview renders it: fields, options, defaults and validation (compact, as JSON text). */
export const tableFormAction = serverAction(async (input: unknown): Promise<ActionResult<JsonText<PreviewFormData>>> => {
  const id = tableId.safeParse(input);
  if (!id.success) return { ok: false, formError: vmsg("malformedRequest") };
  try {
    return { ok: true, data: await tableFormText(id.data) };
  } catch (error) {
    return error instanceof TableGoneError ? tableGone() : failed(error);
  }
});
