"use client";

import { useMemo, useState, useTransition } from "react";
import { useLocale, useTranslations } from "next-intl";
import { pasteColumnsAction } from "@/app/(editor)/tables/[id]/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, Textarea } from "@/components/ui/field";
import type { ColumnRow } from "@/lib/metadata/columns";
import { fieldErrorsFrom } from "@/lib/actions/types";
import type { Locale } from "@/lib/i18n/locale";
import { say } from "@/lib/i18n/messages";
import { COLUMN_FIELDS } from "@/lib/schemas/column";
import { fieldLabel } from "@/lib/schemas/registry";
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
  const t = useTranslations("grid");
  const common = useTranslations("common");
  const locale = useLocale() as Locale;
  const label = (f: keyof typeof COLUMN_FIELDS) => fieldLabel(COLUMN_FIELDS[f], locale);
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
      setError(result.formError ?? t("pasteNothingAdded"));
      // The server's refusals by row (types it does not know), back on the lines they came from.
      setServerProblems(
        Object.entries(fieldErrorsFrom(result)).flatMap(([key, message]) => {
          const i = /^rows\.(\d+)\./.exec(key)?.[1];
          return i === undefined ? [] : [say("grid.pasteLine", { line: lines[Number(i)], name: rows[Number(i)]?.pg_column ?? "?", problems: message })];
        }),
      );
    });
  const shownProblems = problems.length > 0 ? problems : serverProblems;

  return (
    <Dialog
      open={open}
      onClose={onClose}
      wide
      title={t("pasteTitle")}
      description={t("pasteDescription")}
    >
      <div className="space-y-3">
        <Field label={t("pasteRows")} hint={t("pasteHint", { quoting: t("defaultQuoting") })}>
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
          <table className="w-full text-left text-xs" aria-label={t("pastePreview")}>
            <thead className="text-zinc-500">
              <tr>
                <th>{label("pg_column")}</th>
                <th>{label("pg_type")}</th>
                <th>{label("label")}</th>
                <th>GraphQL</th>
                <th>{label("form_type")}</th>
                <th>{label("is_required")}</th>
                <th>{label("is_unique")}</th>
                <th>{t("pasteDefault")}</th>
                <th>{label("help_text")}</th>
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
                  <td>{r.is_required ? common("yes") : ""}</td>
                  <td>{r.is_unique ? common("yes") : ""}</td>
                  <td>{r.pg_constraints ? String((JSON.parse(r.pg_constraints) as { default?: unknown }).default ?? "") : ""}</td>
                  <td className="max-w-40 truncate">{r.help_text}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {shownProblems.length > 0 && (
          <Alert tone="error" title={t("pasteFix", { count: shownProblems.length })}>
            <ul className="max-h-48 list-disc overflow-auto pl-4" tabIndex={0} aria-label={t("pasteLinesToFix")}>
              {shownProblems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          </Alert>
        )}
        {error && problems.length === 0 && <Alert tone="error">{error}</Alert>}
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onClose}>
            {common("cancel")}
          </Button>
          <Button onClick={add} pending={pending} disabled={rows.length === 0 || problems.length > 0}>
            {t("pasteAdd", { count: rows.length })}
          </Button>
        </div>
      </div>
    </Dialog>
  );
}
