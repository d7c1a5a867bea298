"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { updateEndpointAction } from "@/app/(editor)/api-endpoints/actions";
import { saveVersioned } from "@/components/conflict/save-versioned";
import { useConflict } from "@/components/conflict/use-conflict";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogCancel, useDialogGuard } from "@/components/ui/dialog";
import type { EndpointRow } from "@/lib/metadata/endpoints";
import { endpointSchema, type EndpointField, type EndpointValues } from "@/lib/schemas/endpoint";
import { EndpointFields, endpointToValues } from "./endpoint-fields";

/** Every field of one endpoint; a save that meets someone else's change shows both values (use-conflict). */
export function EndpointDetails({
  row,
  onClose,
  onSaved,
  onGone,
}: {
  row: EndpointRow | null;
  onClose: () => void;
  onSaved: (row: EndpointRow) => void;
  onGone: (id: number) => void;
}) {
  const t = useTranslations("endpoints");
  return (
    <Dialog
      open={row !== null}
      onClose={onClose}
      wide
      title={t("what", { name: row?.endpoint_name ?? "" })}
      description={row ? `${row.method ?? ""} ${row.base_url}` : undefined}
    >
      {row && (
        <EndpointForm key={`${row.id}:${row.rowVersion}`} row={row} onClose={onClose} onSaved={onSaved} onGone={onGone} />
      )}
    </Dialog>
  );
}

function EndpointForm({
  row,
  onClose,
  onSaved,
  onGone,
}: {
  row: EndpointRow;
  onClose: () => void;
  onSaved: (row: EndpointRow) => void;
  onGone: (id: number) => void;
}) {
  const form = useForm<EndpointValues>({
    resolver: zodResolver(endpointSchema),
    defaultValues: endpointToValues(row),
    mode: "onTouched",
  });
  const { formState, handleSubmit, setError, reset } = form;
  const [rowVersion, setRowVersion] = useState(row.rowVersion);
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const t = useTranslations("endpoints");
  const common = useTranslations("common");
  const { ask, dialog } = useConflict("endpoint");
  useDialogGuard(formState.isDirty, onClose);
  const what = t("what", { name: row.endpoint_name });

  const submit = handleSubmit((values) =>
    start(async () => {
      setFormError(null);
      const outcome = await saveVersioned({
        rowVersion,
        values,
        what,
        save: (current) => updateEndpointAction({ id: row.id, rowVersion: current, values }),
        toValues: endpointToValues,
        ask,
      });
      if (outcome.kind === "saved") {
        toast.success(t("saved", { name: outcome.row.endpoint_name }));
        onSaved(outcome.row);
        onClose();
      } else if (outcome.kind === "gone") {
        onGone(row.id);
        onClose();
      } else if (outcome.kind === "theirs") {
        reset(outcome.values);
        setRowVersion(outcome.row.rowVersion);
        onSaved(outcome.row);
      } else {
        setFormError(outcome.formError);
        for (const [name, message] of Object.entries(outcome.fieldErrors)) setError(name as EndpointField, { message });
      }
    }),
  );

  return (
    <form
      noValidate
      onSubmit={submit}
      className="max-h-[70vh] space-y-4 overflow-y-auto pr-2"
      aria-label={t("details")}
    >
      {formError && <Alert tone="error">{formError}</Alert>}
      <EndpointFields form={form} />
      <div className="sticky bottom-0 flex justify-end gap-2 bg-white py-2">
        <DialogCancel />
        <Button type="submit" pending={pending} disabled={!formState.isDirty}>
          {common("save")}
        </Button>
      </div>
      {dialog}
    </form>
  );
}
