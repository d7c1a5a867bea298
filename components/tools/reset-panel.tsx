"use client";

import { useState, useTransition } from "react";
import { resetAction } from "@/app/(editor)/tools/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";

/** The seed's appendix C behind a typed confirmation; the server checks the id again before it drops anything. */
export function ResetPanel({ projectId }: { projectId: string }) {
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
          if (result && !result.ok) setError(result.formError ?? "The reset failed; nothing was dropped.");
        });
      }}
    >
      <Alert tone="warning" title="This drops everything">
        The whole <code>_metadata</code> schema goes: the project row, every table, column, relation, API endpoint and
        history entry, the types and functions (the extensions stay). The setup wizard then starts again. Download a
        backup first.
      </Alert>
      <Field
        label="Type the project id to confirm"
        className="max-w-md"
        hint={
          <>
            The project id is <code className="font-semibold">{projectId}</code>.
          </>
        }
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
        Reset metadata
      </Button>
    </form>
  );
}
