"use client";

import { useMemo, useState, useTransition } from "react";
import { pasteColumnsAction } from "@/app/(editor)/tables/[id]/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, Textarea } from "@/components/ui/field";
import type { ColumnRow } from "@/lib/metadata/columns";
import { deriveColumnDefaults } from "@/lib/metadata/derive";
import { newColumnSchema, type NewColumnValues } from "@/lib/schemas/column";

/** Spreadsheet rows (tab, comma or semicolon separated): name, type[, label]. A header row is skipped. */
export function parsePastedColumns(text: string): { rows: NewColumnValues[]; problems: string[] } {
  const rows: NewColumnValues[] = [];
  const problems: string[] = [];
  text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .forEach((line, i) => {
      const cells = line.split(line.includes("\t") ? "\t" : /[;,](?![^(]*\))/).map((c) => c.trim());
      if (i === 0 && /^(name|column|pg_column)$/i.test(cells[0])) return;
      const [pg_column = "", pg_type = "", label = ""] = cells;
      const d = deriveColumnDefaults(pg_column, pg_type, label);
      const candidate = {
        pg_column,
        pg_type,
        label: d.label,
        graphql_field: d.graphql_field,
        graphql_type: d.graphql_type,
        form_type: d.form_type,
        is_required: d.is_required,
        is_unique: false,
        is_primary_key: d.is_primary_key,
      };
      const parsed = newColumnSchema.safeParse(candidate);
      if (parsed.success) rows.push(parsed.data);
      else problems.push(`Line ${i + 1} (${pg_column || "?"}): ${parsed.error.issues[0].message}`);
    });
  return { rows, problems };
}

export function PasteColumnsDialog({
  tableId,
  open,
  onClose,
  onAdded,
}: {
  tableId: number;
  open: boolean;
  onClose: () => void;
  onAdded: (rows: ColumnRow[]) => void;
}) {
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const { rows, problems } = useMemo(() => parsePastedColumns(text), [text]);

  const add = () =>
    start(async () => {
      setError(null);
      const result = await pasteColumnsAction(tableId, { rows });
      if (result.ok) {
        onAdded(result.data);
        setText("");
        onClose();
      } else setError(result.formError ?? "Nothing was added.");
    });

  return (
    <Dialog
      open={open}
      onClose={onClose}
      wide
      title="Paste columns"
      description="Paste rows from a spreadsheet: name, PostgreSQL type and optionally a label, one column per line. All are added, or none."
    >
      <div className="space-y-3">
        <Field label="Rows to add" hint="e.g. email⇥VARCHAR(255)⇥이메일">
          {(p) => (
            <Textarea
              {...p}
              rows={8}
              className="font-mono text-xs"
              value={text}
              onChange={(e) => setText(e.target.value)}
              spellCheck={false}
            />
          )}
        </Field>
        {rows.length > 0 && (
          <table className="w-full text-left text-xs" aria-label="Columns to add">
            <thead className="text-zinc-500">
              <tr>
                <th>Column name</th>
                <th>PostgreSQL type</th>
                <th>Label</th>
                <th>GraphQL</th>
                <th>Form type</th>
              </tr>
            </thead>
            <tbody>
              {rows.slice(0, 50).map((r) => (
                <tr key={r.pg_column} className="border-t border-zinc-100 font-mono">
                  <td>{r.pg_column}</td>
                  <td>{r.pg_type}</td>
                  <td>{r.label}</td>
                  <td>
                    {r.graphql_field}: {r.graphql_type}
                  </td>
                  <td>{r.form_type}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {problems.length > 0 && (
          <Alert tone="error" title="Fix these lines first">
            <ul className="list-disc pl-4">
              {problems.slice(0, 10).map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          </Alert>
        )}
        {error && <Alert tone="error">{error}</Alert>}
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button onClick={add} pending={pending} disabled={rows.length === 0 || problems.length > 0}>
            Add {rows.length} {rows.length === 1 ? "column" : "columns"}
          </Button>
        </div>
      </div>
    </Dialog>
  );
}
