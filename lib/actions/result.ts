import { z } from "zod";
import { toUserError } from "../db/errors";
import { say, vmsg } from "../i18n/messages";
import { inRequestLocale } from "../i18n/locale-scope";
import { getConnection } from "../db/pool";
import { CellEditsError } from "../metadata/cell-edits";
import { MAX_CELL_EDITS } from "./cell-edit-limits";
import { ConflictError, FieldError } from "../metadata/conflict";
import { idValue, versionToken } from "../schemas/fields";
import { parseFieldValue, type FieldRegistry } from "../schemas/registry";
import type { ActionResult, MutationResult } from "./types";
import { mark, timed } from "../server-timing";

export type { ActionResult, MutationResult } from "./types";

export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const fieldErrors: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_form";
    fieldErrors[key] ??= issue.message;
  }
  return fieldErrors;
}

/** Validation failure: the fields at fault, and one sentence for the top of the form. */
export function invalid(error: z.ZodError): ActionResult<never> {
  const fieldErrors = fieldErrorsOf(error);
  return { ok: false, formError: vmsg("formError"), fieldErrors };
}

/** A thrown error as an action result; database errors mapped once, in lib/db/errors.ts. */
export function failed(error: unknown, fields: Record<string, string> = {}): ActionResult<never> {
  let display;
  try {
    display = getConnection().display;
  } catch {
    display = undefined;
  }
  const userError = toUserError(error, display, fields);
  return userError.field
    ? { ok: false, formError: userError.message, fieldErrors: { [userError.field]: userError.message } }
    : { ok: false, formError: userError.message };
}

/** Conflicts and field refusals from lib/metadata, then everything else through failed(). */
export function mutationFailed<T>(error: unknown): MutationResult<T> {
  if (error instanceof ConflictError) return { ok: false, formError: error.message, conflict: error.current as T | null };
  if (error instanceof FieldError) return { ok: false, formError: error.message, fieldErrors: { [error.field]: error.message } };
  return failed(error);
}

/**
 * The one shape of an action: parse the input with the schema the form uses (refusals become field
 * errors, in the request's language), run, and map whatever is thrown (conflicts, field refusals, database
 * errors) to a result.
 */
export async function runAction<S extends z.ZodType, T>(
  schema: S,
  input: unknown,
  run: (data: z.output<S>) => Promise<T>,
): Promise<MutationResult<T>> {
  return inRequestLocale(async () => {
    const parsed = schema.safeParse(input);
    if (!parsed.success) return invalid(parsed.error);
    return settle(() => run(parsed.data));
  });
}

/**
 * Runs validated work and maps whatever it throws: the error half of every action, in one place. The work
 * runs in the request's language, so the messages lib/ makes on the way (a duplicate name, a refusal) and
 * the database errors mapped in lib/db/errors.ts are said in it.
 */
export async function settle<T>(run: () => Promise<T>): Promise<MutationResult<T>> {
  return inRequestLocale(async () => {
    try {
      return { ok: true as const, data: await run() };
    } catch (error) {
      return mutationFailed<T>(error);
    }
  });
}

/**
 * Makes a server action (or route handler) whose work does not go through runAction & co: all of it runs in
 * the request's language, so a schema's check, a refusal lib/ makes and a database error mapped by failed()
 * are said in it. Every export of a "use server" file is either made by this or returns one of runAction,
 * runInlineEdit, runVersionedSave, runCellEdits or settle at once (lib/actions/server-actions.test.ts).
 * Next's redirect() is called after it, at the action's top level (resetAction), as it always was here.
 */
export function serverAction<A extends unknown[], R>(work: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
  return (...args) => inRequestLocale(() => work(...args));
}

export const idVersionSchema = z.object({ id: idValue, rowVersion: versionToken });

/** A change of several fields of one row (a full form): at least one field, each checked by its schema. */
export function versionedChangeSchema(values: z.ZodObject) {
  return idVersionSchema.extend({
    values: values.refine((v) => Object.keys(v).length > 0, { error: () => vmsg("nothingToChange") }),
  });
}

// Made once: zod compiles a schema on its first use, which a schema built per call paid on every cell edit.
const inlineEditSchema = idVersionSchema.extend({ field: z.string().max(100), value: z.unknown() });

/**
 * An inline grid edit: `field` must be a field of the entity's registry (the allow-list), `value` exactly
 * the JS type its cell editor commits, then valid by the field's schema (parseFieldValue, which the browser
 * ran before sending). Returns the form value or the message.
 */
export function parseInlineEdit<F extends string>(
  fields: FieldRegistry,
  input: unknown,
): { ok: true; id: number; rowVersion: string; field: F; value: string | boolean } | { ok: false; formError: string } {
  const base = inlineEditSchema.safeParse(input);
  if (!base.success) {
    const versionIssue = base.error.issues.find((i) => i.path[0] === "rowVersion");
    return { ok: false, formError: versionIssue?.message ?? vmsg("malformedEdit") };
  }
  const field = base.data.field as F;
  if (!Object.hasOwn(fields, field)) return { ok: false, formError: vmsg("notEditable", { field }) };
  const parsed = parseFieldValue(fields[field], base.data.value);
  if (!parsed.ok) return { ok: false, formError: parsed.message };
  return { ok: true, id: base.data.id, rowVersion: base.data.rowVersion, field, value: parsed.value };
}

/** The inline-edit action: parse (as above), save the one field, map errors. */
export async function runInlineEdit<T>(
  fields: FieldRegistry,
  input: unknown,
  save: (id: number, rowVersion: string, changes: Record<string, string | boolean>) => Promise<T>,
): Promise<MutationResult<T>> {
  return timed("inline edit", () =>
    inRequestLocale(async () => {
      mark("locale");
      const edit = parseInlineEdit(fields, input);
      mark("parse");
      if (!edit.ok) return { ok: false, formError: edit.formError, fieldErrors: {} };
      return settle(() => save(edit.id, edit.rowVersion, { [edit.field]: edit.value }));
    }),
  );
}

/**
 * A full-form save of one versioned row. Field problems are reported against the form's own field names
 * (the values are validated alone when the envelope is fine), a bad envelope as one sentence.
 */
export async function runVersionedSave<T>(
  values: z.ZodObject,
  input: unknown,
  save: (id: number, rowVersion: string, changes: Record<string, string | boolean>) => Promise<T>,
): Promise<MutationResult<T>> {
  return inRequestLocale(async () => {
    const checked = checkVersionedSave(values, input);
    if (!checked.ok) return checked;
    const { id, rowVersion, values: changes } = checked.data;
    return settle(() => save(id, rowVersion, changes as Record<string, string | boolean>));
  });
}

function checkVersionedSave(values: z.ZodObject, input: unknown) {
  const parsed = versionedChangeSchema(values).safeParse(input);
  if (parsed.success) return { ok: true as const, data: parsed.data };
  const envelope = parsed.error.issues.find((i) => i.path[0] === "id" || i.path[0] === "rowVersion");
  if (envelope) return { ok: false as const, formError: envelope.path[0] === "rowVersion" ? envelope.message : vmsg("malformedRequest") };
  const alone = values.safeParse((input as { values?: unknown } | null)?.values);
  if (!alone.success) return invalid(alone.error) as { ok: false; formError: string };
  return { ok: false as const, formError: parsed.error.issues[0].message };
}


/**
 * A batch of grid cells (paste, fill down, undo): each edit parsed exactly as an inline edit (the registry
 * is the allow-list; the value of the field's exact type, valid by its schema). Problems come back per
 * cell, as fieldErrors "edits.<index>", and nothing is written unless every cell is valid.
 */
export function parseCellEdits(
  fields: FieldRegistry,
  input: unknown,
): { ok: true; edits: { id: number; rowVersion: string; field: string; value: string | boolean }[] } | { ok: false; formError: string; fieldErrors: Record<string, string> } {
  const envelope = z
    .object({
      edits: z
        .array(z.unknown(), { error: () => vmsg("malformedRequest") })
        .min(1, { error: () => say("server.nothingToChange") })
        .max(MAX_CELL_EDITS, { error: () => say("server.tooManyCells", { max: MAX_CELL_EDITS }), abort: true }),
    })
    .safeParse(input);
  if (!envelope.success) return { ok: false, formError: envelope.error.issues[0].message, fieldErrors: {} };
  const fieldErrors: Record<string, string> = {};
  const edits: { id: number; rowVersion: string; field: string; value: string | boolean }[] = [];
  const versions = new Map<number, string>();
  const seen = new Set<string>();
  envelope.data.edits.forEach((raw, i) => {
    const edit = parseInlineEdit<string>(fields, raw);
    if (!edit.ok) {
      fieldErrors[`edits.${i}`] = edit.formError;
      return;
    }
    const key = `${edit.id}\u0000${edit.field}`;
    const version = versions.get(edit.id);
    if (seen.has(key)) fieldErrors[`edits.${i}`] = say("server.cellTwice");
    else if (version !== undefined && version !== edit.rowVersion) fieldErrors[`edits.${i}`] = say("server.twoVersions");
    seen.add(key);
    versions.set(edit.id, edit.rowVersion);
    edits.push({ id: edit.id, rowVersion: edit.rowVersion, field: edit.field, value: edit.value });
  });
  const bad = Object.keys(fieldErrors).length;
  if (bad > 0) {
    return { ok: false, formError: say("server.cellsInvalid", { count: bad }), fieldErrors };
  }
  return { ok: true, edits };
}

/** The batch-edit action: parse (as above), write all in one transaction, map the cells at fault. */
export async function runCellEdits<T>(
  fields: FieldRegistry,
  input: unknown,
  apply: (edits: { id: number; rowVersion: string; field: string; value: string | boolean }[]) => Promise<T>,
): Promise<MutationResult<T>> {
  return inRequestLocale(async () => {
    const parsed = parseCellEdits(fields, input);
    if (!parsed.ok) return parsed;
    try {
      return { ok: true as const, data: await apply(parsed.edits) };
    } catch (error) {
      if (error instanceof CellEditsError) {
        const fieldErrors = Object.fromEntries(Object.entries(error.cells).map(([i, m]) => [`edits.${i}`, m]));
        return { ok: false as const, formError: error.message, fieldErrors };
      }
      return mutationFailed<T>(error);
    }
  });
}
