import type { ColumnDef, ColumnMeta } from "@tanstack/react-table";
import type { Locale } from "@/lib/i18n/locale";
import { fieldLabel, parseFieldValue, type FieldRegistry, type FieldSpec } from "@/lib/schemas/registry";
import type { CellEditor } from "./types";

/** The cell editor a field's kind calls for (its options make it a select). */
export function editorOf(spec: FieldSpec): CellEditor {
  if (spec.options) return { kind: "select", options: spec.options.map((value) => ({ value })) };
  switch (spec.kind) {
    case "bool":
      return { kind: "checkbox" };
    case "json":
      return { kind: "json" };
    case "int":
      return { kind: "number", integer: true };
    default:
      return { kind: "text" };
  }
}

/** The browser-side check of a cell value: the field's own schema, as the server action runs it. */
export function validatorOf(spec: FieldSpec): (value: unknown) => string | null {
  return (value) => {
    const parsed = parseFieldValue(spec, value);
    return parsed.ok ? null : parsed.message;
  };
}

/**
 * A grid column for a field of an entity's registry: header, editor, width and group from its declaration,
 * values checked by its schema before they are sent. `meta` overrides (a select of suggestions, a title).
 * The header is the field's label in `locale` (views build their columns per locale).
 */
export function fieldColumn<T, R extends FieldRegistry>(
  fields: R,
  name: keyof R & string,
  locale: Locale,
  meta: ColumnMeta<T, unknown> = {},
): ColumnDef<T, unknown> {
  const spec = fields[name];
  return {
    id: name,
    accessorFn: (row) => (row as Record<string, unknown>)[name],
    header: fieldLabel(spec, locale),
    meta: {
      editor: editorOf(spec),
      width: spec.width ?? (spec.kind === "bool" ? 90 : 150),
      headerTitle: name,
      validate: validatorOf(spec),
      ...meta,
    },
  };
}
