"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { resetAction } from "@/app/(editor)/tools/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";

/** The spec's appendix C behind a typed confirmation; the server checks the id again before it drops anything. */
export function ResetPanel({ projectId }: { projectId: string }) {
  const t = useTranslations("tools");
  const [typed, setTyped] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const matches = typed.trim() === projectId;
  return (
    <form
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        if (!matches) return;
        start(async () => {
          setError(null);
          // On success the action redirects to the setup wizard; it only returns on a refusal.
          const result = await resetAction({ projectId: typed });
          if (result && !result.ok) setError(result.formError ?? t("resetFailed"));
        });
      }}
    >
      <Alert tone="warning" title={t("dropsAll")}>
        {t.rich("dropsAllBody", { code: (chunks) => <code>{chunks}</code> })}
      </Alert>
      <Field
        label={t("typeId")}
        className="max-w-md"
        hint={t.rich("idIs", { id: projectId, code: (chunks) => <code className="font-semibold">{chunks}</code> })}
      >
        {(props) => (
          <Input
            {...props}
            value={typed}
            autoComplete="off"
            spellCheck={false}
            onChange={(e) => setTyped(e.target.value)}
          />
        )}
      </Field>
      {error && <Alert tone="error">{error}</Alert>}
      <Button type="submit" variant="danger" disabled={!matches} pending={pending}>
        {t("reset")}
      </Button>
    </form>
  );
}
