/** What a restore would do to the live rows, row by row; shown before anything happens (see backup.ts). */
import { canonicalJson, type BackupDocument, type BackupRow, type BackupTable } from "./backup-format";

export interface RowRef {
  id: number;
  label: string;
  /** For a changed row: the columns whose values differ. */
  fields?: string[];
}

export interface TablePreview {
  table: BackupTable;
  added: number;
  changed: number;
  removed: number;
  unchanged: number;
  /** The first few rows of each kind, to show. */
  samples: { added: RowRef[]; changed: RowRef[]; removed: RowRef[] };
}

export interface RestorePreview {
  tables: TablePreview[];
  totals: { added: number; changed: number; removed: number; unchanged: number };
  backup: { exportedAt: string; source: BackupDocument["source"]; rows: number };
  /** Fingerprint of the metadata as previewed: restore refuses if it changed meanwhile. */
  digest: string;
}

const SAMPLES = 5;

/** A few words that say which row this is, next to its id. */
export function rowLabel(table: BackupTable, r: Record<string, unknown>): string {
  switch (table) {
    case "project":
      return String(r.project_id);
    case "mappings_table":
      return `${r.schema_name}.${r.table_name}`;
    case "mappings_column":
      return `${r.table_name}.${r.pg_column}`;
    case "mappings_relation":
      return `${r.from_table}.${r.from_column} → ${r.to_table}.${r.to_column}`;
    case "mappings_api_endpoint":
      return String(r.endpoint_name);
    case "metadata_sync_log":
      return `${r.operation} ${r.table_name} #${r.record_id ?? "—"}`;
    case "diagram_layout":
      return `table #${r.table_id} at ${r.pos_x}, ${r.pos_y}`;
  }
}

export function compareTable(table: BackupTable, live: BackupRow[], backup: BackupRow[]): TablePreview {
  const preview: TablePreview = {
    table,
    added: 0,
    changed: 0,
    removed: 0,
    unchanged: 0,
    samples: { added: [], changed: [], removed: [] },
  };
  const current = new Map(live.map((r) => [r.id, r]));
  const incoming = new Set(backup.map((r) => r.id));
  const sample = (kind: "added" | "changed" | "removed", ref: RowRef) => {
    if (preview.samples[kind].length < SAMPLES) preview.samples[kind].push(ref);
  };
  for (const row of backup) {
    const now = current.get(row.id);
    if (!now) {
      preview.added++;
      sample("added", { id: row.id, label: rowLabel(table, row) });
      continue;
    }
    const fields = Object.keys(row).filter((k) => canonicalJson(row[k]) !== canonicalJson(now[k]));
    if (fields.length === 0) preview.unchanged++;
    else {
      preview.changed++;
      sample("changed", { id: row.id, label: rowLabel(table, row), fields });
    }
  }
  for (const row of live) {
    if (incoming.has(row.id)) continue;
    preview.removed++;
    sample("removed", { id: row.id, label: rowLabel(table, row) });
  }
  return preview;
}
