"use client";

import { useMemo, useState, useTransition } from "react";
import { pasteColumnsAction } from "@/app/(editor)/tables/[id]/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, Textarea } from "@/components/ui/field";
import type { ColumnRow } from "@/lib/metadata/columns";
import { fieldErrorsFrom } from "@/lib/actions/types";
import { DEFAULT_QUOTING_HELP } from "@/lib/schemas/default-expression";
import { parsePastedColumns } from "./parse-pasted-columns";

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
  const [serverProblems, setServerProblems] = useState<string[]>([]);
  const { rows, lines, problems } = useMemo(() => parsePastedColumns(text), [text]);

  const add = () =>
    start(async () => {
      setError(null);
      setServerProblems([]);
      const result = await pasteColumnsAction(tableId, { rows });
      if (result.ok) {
        onAdded(result.data);
        setText("");
        onClose();
        return;
      }
      setError(result.formError ?? "Nothing was added.");
      // The server's refusals by row (types it does not know), back on the lines they came from.
      setServerProblems(
        Object.entries(fieldErrorsFrom(result)).flatMap(([key, message]) => {
          const i = /^rows\.(\d+)\./.exec(key)?.[1];
          return i === undefined ? [] : [`Line ${lines[Number(i)]} (${rows[Number(i)]?.pg_column}): ${message}`];
        }),
      );
    });
  const shownProblems = problems.length > 0 ? problems : serverProblems;

  return (
    <Dialog
      open={open}
      onClose={onClose}
      wide
      title="Paste columns"
      description="Paste rows from a spreadsheet, one column per line: name, PostgreSQL type, then optionally label, required, unique, default and help, in that order, or in any order under a header row (English or Korean: 컬럼명, 타입, 라벨, 필수, 고유, 기본값, 도움말). All are added, or none."
    >
      <div className="space-y-3">
        <Field label="Rows to add" hint={`e.g. email⇥VARCHAR(255)⇥이메일⇥Y. Defaults: ${DEFAULT_QUOTING_HELP}`}>
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
                <th>Required</th>
                <th>Unique</th>
                <th>Default</th>
                <th>Help</th>
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
                  <td>{r.is_required ? "yes" : ""}</td>
                  <td>{r.is_unique ? "yes" : ""}</td>
                  <td>{r.pg_constraints ? String((JSON.parse(r.pg_constraints) as { default?: unknown }).default ?? "") : ""}</td>
                  <td className="max-w-40 truncate">{r.help_text}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {shownProblems.length > 0 && (
          <Alert tone="error" title={`Fix ${shownProblems.length === 1 ? "this line" : `these ${shownProblems.length} lines`} first; nothing was added`}>
            <ul className="max-h-48 list-disc overflow-auto pl-4" tabIndex={0} aria-label="Lines to fix">
              {shownProblems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          </Alert>
        )}
        {error && problems.length === 0 && <Alert tone="error">{error}</Alert>}
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
