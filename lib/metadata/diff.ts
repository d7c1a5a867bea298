// A type only, erased at build: this module stays usable where history.ts (server-only) is not.
import type { HistoryEntry } from "./history";

/** One field of a row that differs between two versions (from metadata_sync_log's old_data / new_data). */
export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

const IGNORED = new Set(["updated_at"]);

const COMMA = { raw: "," };
const CLOSE_ARRAY = { raw: "]" };
const CLOSE_OBJECT = { raw: "}" };
type Raw = { raw: string };
const raws = new WeakSet<object>([COMMA, CLOSE_ARRAY, CLOSE_OBJECT]);
const raw = (text: string): Raw => {
  const r = { raw: text };
  raws.add(r);
  return r;
};

/**
 * JSON.stringify without recursion (a value nested 100,000 deep is still text, not a RangeError), keys
 * optionally sorted so that {"a":1,"b":2} and {"b":2,"a":1} give the same text.
 */
export function jsonTextOf(value: unknown, sortKeys = false): string {
  const out: string[] = [];
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const item = stack.pop();
    if (item !== null && typeof item === "object" && raws.has(item)) {
      out.push((item as Raw).raw);
    } else if (item === null || typeof item !== "object") {
      out.push(JSON.stringify(item) ?? "null");
    } else if (Array.isArray(item)) {
      out.push("[");
      stack.push(CLOSE_ARRAY);
      for (let i = item.length - 1; i >= 0; i--) {
        stack.push(item[i] === undefined ? null : item[i]);
        if (i > 0) stack.push(COMMA);
      }
    } else {
      const entries = Object.entries(item).filter(([, v]) => v !== undefined && typeof v !== "function");
      if (sortKeys) entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      out.push("{");
      stack.push(CLOSE_OBJECT);
      for (let i = entries.length - 1; i >= 0; i--) {
        stack.push(entries[i][1]);
        stack.push(raw(`${JSON.stringify(entries[i][0])}:`));
        if (i > 0) stack.push(COMMA);
      }
    }
  }
  return out.join("");
}

function same(a: unknown, b: unknown): boolean {
  return jsonTextOf(a ?? null, true) === jsonTextOf(b ?? null, true);
}

/**
 * The field-by-field difference of two versions of a row, in the stored JSON's key order. For an INSERT
 * (no old) every set field is listed; for a DELETE (no new) every field the row had.
 */
export function diffRows(oldRow: Record<string, unknown> | null, newRow: Record<string, unknown> | null): FieldChange[] {
  const keys = [...new Set([...Object.keys(oldRow ?? {}), ...Object.keys(newRow ?? {})])];
  const changes: FieldChange[] = [];
  for (const field of keys) {
    if (IGNORED.has(field)) continue;
    const before = oldRow ? (oldRow[field] ?? null) : null;
    const after = newRow ? (newRow[field] ?? null) : null;
    if (oldRow && newRow && same(before, after)) continue;
    if (!oldRow && after === null) continue;
    if (!newRow && before === null) continue;
    changes.push({ field, before, after });
  }
  return changes;
}

/** A short name for the row an entry is about: its table_name, pg_column, endpoint_name … */
export function describeRow(table: string, row: Record<string, unknown> | null): string {
  if (!row) return "";
  switch (table) {
    case "mappings_table":
      return `${row.schema_name}.${row.table_name}`;
    case "mappings_column":
      return `${row.table_name}.${row.pg_column}`;
    case "mappings_relation":
      return `${row.from_table}.${row.from_column} → ${row.to_table}.${row.to_column}`;
    case "mappings_api_endpoint":
      return String(row.endpoint_name ?? "");
    case "project":
      return String(row.project_id ?? "");
    default:
      return "";
  }
}

/** A log entry as the History list shows it: only text, so no depth of stored JSON can break a render. */
export interface HistoryView {
  id: number;
  table_name: string;
  operation: string;
  record_id: number | null;
  changed_by: number | null;
  changed_by_role: string | null;
  changed_at: string;
  name: string;
  hasOld: boolean;
  hasNew: boolean;
  changes: { field: string; before: string; after: string }[];
}

/** How a field's value reads in a diff: text as is, JSON as JSON text, nothing as a dash. */
export function showValue(value: unknown): string {
  if (value === null || value === undefined) return "—";
  return typeof value === "object" ? jsonTextOf(value) : String(value);
}

export function toHistoryView(entry: HistoryEntry): HistoryView {
  const { old_data, new_data, ...rest } = entry;
  return {
    ...rest,
    name: describeRow(entry.table_name, new_data ?? old_data),
    hasOld: old_data !== null,
    hasNew: new_data !== null,
    changes: diffRows(old_data, new_data).map((c) => ({
      field: c.field,
      before: old_data ? showValue(c.before) : "",
      after: new_data ? showValue(c.after) : "",
    })),
  };
}
