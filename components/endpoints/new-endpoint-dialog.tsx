"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { createEndpointAction } from "@/app/(editor)/api-endpoints/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogCancel } from "@/components/ui/dialog";
import { fieldErrorsFrom } from "@/lib/actions/types";
import type { EndpointRow } from "@/lib/metadata/endpoints";
import { endpointDefaults, endpointSchema, type EndpointField, type EndpointValues } from "@/lib/schemas/endpoint";
import { EndpointFields } from "./endpoint-fields";

export function NewEndpointDialog({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (row: EndpointRow) => void;
}) {
  const t = useTranslations("endpoints");
  const [pending, start] = useTransition();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<EndpointValues>({
    resolver: zodResolver(endpointSchema),
    defaultValues: endpointDefaults,
    mode: "onTouched",
  });
  const { handleSubmit, setError, reset, formState } = form;

  const close = () => {
    reset(endpointDefaults);
    setFormError(null);
    onClose();
  };

  const submit = handleSubmit((values) =>
    start(async () => {
      setFormError(null);
      const result = await createEndpointAction(values);
      if (result.ok) {
        onCreated(result.data);
        close();
        return;
      }
      setFormError(result.formError ?? t("notCreated"));
      for (const [name, message] of Object.entries(fieldErrorsFrom(result)))
        setError(name as EndpointField, { message });
    }),
  );

  return (
    <Dialog
      open={open}
      onClose={close}
      dirty={formState.isDirty}
      wide
      title={t("new")}
      description={t("newDescription")}
    >
      <form
        noValidate
        onSubmit={submit}
        className="max-h-[70vh] space-y-4 overflow-y-auto pr-2"
        aria-label={t("new")}
      >
        {formError && <Alert tone="error">{formError}</Alert>}
        <EndpointFields form={form} autoFocus />
        <div className="sticky bottom-0 flex justify-end gap-2 bg-white py-2">
          <DialogCancel />
          <Button type="submit" pending={pending}>
            {t("create")}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
