"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { deleteEndpointAction } from "@/app/(editor)/api-endpoints/actions";
import { deletedToast } from "@/components/history/undo-toast";
import { ConfirmDialog, deleteFailure } from "@/components/ui/confirm-dialog";

/** Asks before deleting; a stale version (someone changed it meanwhile) deletes nothing; Undo afterwards. */
export function DeleteEndpointDialog({
  endpoint,
  onClose,
  onDeleted,
}: {
  endpoint: { id: number; rowVersion: string; endpoint_name: string } | null;
  onClose: () => void;
  onDeleted: (id: number) => void;
}) {
  const router = useRouter();
  const t = useTranslations("endpoints");
  const confirm = async () => {
    if (!endpoint) return null;
    const result = await deleteEndpointAction({ id: endpoint.id, rowVersion: endpoint.rowVersion });
    if (!result.ok) return deleteFailure(result, "endpoint");
    deletedToast(t("deleted", { name: endpoint.endpoint_name }), { table: "mappings_api_endpoint", id: endpoint.id }, () =>
      router.refresh(),
    );
    onDeleted(endpoint.id);
    return null;
  };
  return (
    <ConfirmDialog open={endpoint !== null} onClose={onClose} title={t("deleteTitle", { name: endpoint?.endpoint_name ?? "" })} onConfirm={confirm}>
      <p>
        {t.rich("deleteBody", { name: endpoint?.endpoint_name ?? "", strong: (chunks) => <strong className="font-mono">{chunks}</strong> })}
      </p>
    </ConfirmDialog>
  );
}
