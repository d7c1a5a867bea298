"use client";

import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/field";
import type { RelationRow } from "@/lib/metadata/relations";
import { NewRelationDialog, type TableOption } from "./new-relation-dialog";
import { RelationsGrid } from "./relations-grid";

export function RelationsView({ initial, tables }: { initial: RelationRow[]; tables: TableOption[] }) {
  const [rows, setRows] = useState(initial);
  const [filter, setFilter] = useState("");
  const [creating, setCreating] = useState(false);
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-3">
        <Input
          type="search"
          aria-label="Filter relations"
          placeholder="Filter relations…"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
          className="max-w-xs"
        />
        <span className="text-xs text-zinc-500">{rows.length} relations</span>
        <Button
          className="ml-auto"
          onClick={() => setCreating(true)}
          disabled={tables.length === 0}
          title={tables.length === 0 ? "Create tables first" : undefined}
        >
          New relation
        </Button>
      </div>
      <RelationsGrid
        rows={rows}
        setRows={setRows}
        ariaLabel="Relations"
        filter={filter}
        emptyState={
          <p className="py-10 text-center text-sm text-zinc-600">
            No relations yet. A relation links a column to another table&apos;s key.
          </p>
        }
      />
      {creating && (
        <NewRelationDialog
          open={creating}
          onClose={() => setCreating(false)}
          tables={tables}
          onCreated={(row) => {
            setRows((all) => [...all, row]);
            toast.success(`Relation ${row.from_table}.${row.from_column} → ${row.to_table}.${row.to_column} created.`);
          }}
        />
      )}
    </div>
  );
}
