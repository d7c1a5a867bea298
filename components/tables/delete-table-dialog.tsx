"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { deleteTableAction, tableImpactAction } from "@/app/(editor)/tables/actions";
import { deletedToast } from "@/components/history/undo-toast";
import { ConfirmDialog, deleteFailure } from "@/components/ui/confirm-dialog";

/** Says what goes with the table (its columns and relations) before anything is deleted; Undo afterwards. */
export function DeleteTableDialog({
  table,
  onClose,
  onDeleted,
}: {
  table: { id: number; rowVersion: string; table_name: string } | null;
  onClose: () => void;
  onDeleted: (id: number) => void;
}) {
  const router = useRouter();
  const t = useTranslations("table");
  const [impact, setImpact] = useState<{ columns: number; relations: number } | null>(null);
  const [countError, setCountError] = useState<string | null>(null);

  useEffect(() => {
    setImpact(null);
    setCountError(null);
    if (!table) return;
    let live = true;
    tableImpactAction(table.id).then((r) => {
      if (!live) return;
      if (r.ok) setImpact(r.data);
      else setCountError(r.formError ?? t("countFailed"));
    });
    return () => {
      live = false;
    };
  }, [table]);

  const confirm = async () => {
    if (!table) return null;
    const result = await deleteTableAction({ id: table.id, rowVersion: table.rowVersion });
    if (!result.ok) return deleteFailure(result, "table");
    const message = impact
      ? t("deletedWith", { name: table.table_name, columns: impact.columns, relations: impact.relations })
      : t("deleted", { name: table.table_name });
    deletedToast(message, { table: "mappings_table", id: table.id }, () => router.refresh());
    onDeleted(table.id);
    return null;
  };

  return (
    <ConfirmDialog
      open={table !== null}
      onClose={onClose}
      title={t("deleteTitle", { name: table?.table_name ?? "" })}
      ready={impact !== null}
      onConfirm={confirm}
    >
      {impact ? (
        <p>
          {t.rich("deleteBody", { name: table?.table_name ?? "", columns: impact.columns, relations: impact.relations, strong: (chunks) => <strong>{chunks}</strong> })}
        </p>
      ) : countError ? (
        <p role="alert" className="text-red-700">
          {countError}
        </p>
      ) : (
        <p className="text-zinc-500">{t("counting")}</p>
      )}
    </ConfirmDialog>
  );
}
