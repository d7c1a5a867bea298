"use client";

import { useState, useTransition } from "react";
import { deleteEndpointAction } from "@/app/(editor)/api-endpoints/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";

/** Asks before deleting; a stale version (someone changed it meanwhile) deletes nothing. */
export function DeleteEndpointDialog({
  endpoint,
  onClose,
  onDeleted,
}: {
  endpoint: { id: number; rowVersion: string; endpoint_name: string } | null;
  onClose: () => void;
  onDeleted: (id: number) => void;
}) {
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();

  const close = () => {
    setError(null);
    onClose();
  };

  const confirm = () =>
    start(async () => {
      if (!endpoint) return;
      const result = await deleteEndpointAction({ id: endpoint.id, rowVersion: endpoint.rowVersion });
      if (result.ok) {
        setError(null);
        onDeleted(endpoint.id);
        return;
      }
      setError(
        "conflict" in result
          ? result.conflict
            ? "Someone changed this endpoint meanwhile; reload the page and check before deleting."
            : "It was already deleted by someone else."
          : (result.formError ?? "Not deleted."),
      );
    });

  return (
    <Dialog open={endpoint !== null} onClose={close} title={`Delete endpoint ${endpoint?.endpoint_name ?? ""}?`}>
      <div className="space-y-4 text-sm">
        <p>
          This deletes the endpoint <strong className="font-mono">{endpoint?.endpoint_name}</strong>. Columns that name
          it in their API fields keep the name.
        </p>
        {error && <Alert tone="error">{error}</Alert>}
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={close}>
            Cancel
          </Button>
          <Button variant="danger" onClick={confirm} pending={pending}>
            Delete
          </Button>
        </div>
      </div>
    </Dialog>
  );
}
