"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition, type ReactNode } from "react";
import { say } from "@/lib/i18n/messages";
import { Alert } from "./alert";
import { Button } from "./button";
import { Dialog } from "./dialog";

/**
 * The one confirmation for every delete and restore: says what goes with it (children), runs the action,
 * keeps the dialog open with the reason when it fails, and closes when it is done.
 * `onConfirm` resolves to an error sentence, or null when it worked.
 */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  tone = "danger",
  ready = true,
  onConfirm,
  onClose,
}: {
  open: boolean;
  title: string;
  children?: ReactNode;
  confirmLabel?: string;
  tone?: "danger" | "primary";
  /** False while what goes with it is still being counted. */
  ready?: boolean;
  onConfirm: () => Promise<string | null>;
  onClose: () => void;
}) {
  const t = useTranslations("common");
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const close = () => {
    setError(null);
    onClose();
  };
  const confirm = () =>
    start(async () => {
      const problem = await onConfirm();
      setError(problem);
      if (problem === null) onClose();
    });
  return (
    <Dialog open={open} onClose={close} title={title}>
      <div className="space-y-4 text-sm">
        {children}
        {error && <Alert tone="error">{error}</Alert>}
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={close}>
            {t("cancel")}
          </Button>
          <Button variant={tone} onClick={confirm} pending={pending} disabled={!ready}>
            {confirmLabel ?? t("delete")}
          </Button>
        </div>
      </div>
    </Dialog>
  );
}

/** Why a versioned delete did not happen, in the user's words. */
export function deleteFailure(result: { formError?: string; conflict?: unknown }, noun: string): string {
  if ("conflict" in result) {
    return result.conflict ? say("confirm.changedMeanwhile", { noun }) : say("confirm.alreadyDeleted");
  }
  return result.formError ?? say("confirm.notDeleted");
}
