"use client";

import { useTranslations } from "next-intl";
import { useCallback, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import type { Messages } from "@/lib/i18n/catalogs";

export type ConflictChoice = "mine" | "theirs";

interface Pending {
  what: string;
  fields: { name: string; theirs: unknown; mine: unknown }[];
  deleted: boolean;
  resolve: (choice: ConflictChoice) => void;
}

function show(value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}

/**
 * Asks the user to settle a conflicting edit: their saved value beside mine, per field. `ask` resolves with
 * the choice; a deleted row can only be acknowledged ("theirs"). Fields are named by the entity's label in
 * the page's language (the registry's catalog, fields.<entity>.<name>), else by their column name.
 */
export function useConflict(entity: keyof Messages["fields"]) {
  const t = useTranslations("conflict");
  const labels = useTranslations("fields");
  const labelOf = (name: string) => (labels.has(`${entity}.${name}` as never) ? labels(`${entity}.${name}` as never) : name);
  const [pending, setPending] = useState<Pending | null>(null);
  const ref = useRef(pending);
  ref.current = pending;

  const ask = useCallback(
    (what: string, fields: Pending["fields"], deleted = false) =>
      new Promise<ConflictChoice>((resolve) => setPending({ what, fields, deleted, resolve })),
    [],
  );

  const choose = (choice: ConflictChoice) => {
    ref.current?.resolve(choice);
    setPending(null);
  };

  const dialog = (
    <Dialog
      open={pending !== null}
      onClose={() => choose("theirs")}
      title={pending?.deleted ? t("deletedTitle") : t("changedTitle")}
      description={
        pending?.deleted
          ? t("deletedBody", { what: pending.what })
          : t("changedBody", { what: pending?.what ?? "" })
      }
    >
      {pending && !pending.deleted && (
        <table className="w-full table-fixed text-left text-sm" aria-label={t("valuesLabel")}>
          <thead className="text-xs text-zinc-500">
            <tr>
              <th className="w-1/4 py-1">{t("field")}</th>
              <th className="py-1">{t("theirs")}</th>
              <th className="py-1">{t("mine")}</th>
            </tr>
          </thead>
          <tbody>
            {pending.fields.map((f) => (
              <tr key={f.name} className="border-t border-zinc-200 align-top">
                <th scope="row" className="py-1 text-xs font-normal">
                  {labelOf(f.name)}
                </th>
                <td className="break-words py-1 font-mono text-xs">{show(f.theirs)}</td>
                <td className="break-words py-1 font-mono text-xs">{show(f.mine)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="mt-4 flex justify-end gap-2">
        {pending?.deleted ? (
          <Button onClick={() => choose("theirs")}>{t("ok")}</Button>
        ) : (
          <>
            <Button variant="secondary" onClick={() => choose("theirs")}>
              {t("keepTheirs")}
            </Button>
            <Button onClick={() => choose("mine")}>{t("overwrite")}</Button>
          </>
        )}
      </div>
    </Dialog>
  );
  return { ask, dialog };
}
