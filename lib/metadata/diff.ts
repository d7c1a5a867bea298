/** One field of a row that differs between two versions (from metadata_sync_log's old_data / new_data). */
export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

const IGNORED = new Set(["updated_at"]);

/** JSON text with object keys sorted: {"a":1,"b":2} and {"b":2,"a":1} are the same value. */
function canonical(value: unknown): string {
  return JSON.stringify(value ?? null, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

function same(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
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
