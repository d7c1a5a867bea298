"use client";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { WizardState } from "./wizard-state";

function Yes({ ok, children }: { ok: boolean; children: React.ReactNode }) {
  return (
    <span className={ok ? "text-emerald-700" : "text-red-700"}>
      <span aria-hidden>{ok ? "✓ " : "✗ "}</span>
      {children}
    </span>
  );
}

export function ConnectionStep({
  state,
  checking,
  onRetry,
  onNext,
}: {
  state: WizardState;
  checking: boolean;
  onRetry: () => void;
  onNext: () => void;
}) {
  if (!("facts" in state)) {
    return (
      <div className="space-y-4">
        <Alert
          tone="error"
          title={
            state.kind === "unreachable"
              ? "Cannot connect to the database"
              : state.kind === "error"
                ? "Connected, but the _metadata schema cannot be read"
                : "No database configured"
          }
        >
          <p>{state.message}</p>
          {state.label && <p className="mt-1 font-mono text-xs">{state.label}</p>}
          {state.kind !== "error" && (
            <p className="mt-2">
              The connection comes from <code>DATABASE_URL</code> or <code>DB_HOST</code>, <code>DB_PORT</code>,{" "}
              <code>DB_USER</code>, <code>DB_PASSWORD</code>, <code>DB_NAME</code> (environment or <code>.env</code>);
              with none set, <code>npm start</code> runs an embedded PostgreSQL. Fix the setting or start the server,
              then retry.
            </p>
          )}
        </Alert>
        <Button onClick={onRetry} pending={checking}>
          Retry connection
        </Button>
      </div>
    );
  }
  const { facts } = state;
  const extensionsOk = facts.extensions.every((e) => e.canCreate);
  const ready = state.summary.complete || (facts.canCreateSchema && extensionsOk);
  return (
    <div className="space-y-5">
      <Alert tone="success" title="Connected">
        <span className="font-mono text-xs">{facts.label}</span>
        {facts.source === "embedded" && <span> · embedded PostgreSQL started by the editor</span>}
      </Alert>
      <dl className="grid grid-cols-[12rem_1fr] gap-x-4 gap-y-2 text-sm">
        <dt className="text-zinc-500">Server version</dt>
        <dd>PostgreSQL {facts.serverVersion}</dd>
        <dt className="text-zinc-500">Database</dt>
        <dd className="font-mono">{facts.display.database}</dd>
        <dt className="text-zinc-500">Host</dt>
        <dd className="font-mono">
          {facts.display.host}:{facts.display.port}
          {facts.display.ssl ? " (SSL)" : ""}
        </dd>
        <dt className="text-zinc-500">User</dt>
        <dd className="font-mono">
          {facts.currentUser}
          {facts.isSuperuser ? " (superuser)" : ""}
        </dd>
        <dt className="text-zinc-500">May create schemas</dt>
        <dd>
          <Yes ok={facts.canCreateSchema}>
            {facts.canCreateSchema
              ? "yes"
              : `no: the user lacks CREATE on database ${facts.display.database}. Ask its owner: GRANT CREATE ON DATABASE ${facts.display.database} TO ${facts.currentUser};`}
          </Yes>
        </dd>
        {facts.extensions.map((e) => (
          <div key={e.name} className="contents">
            <dt className="text-zinc-500">Extension {e.name}</dt>
            <dd>
              <Yes ok={e.canCreate}>
                {e.installed
                  ? "installed"
                  : !e.available
                    ? "not available on this server: install PostgreSQL's contrib package"
                    : e.canCreate
                      ? "available; the initialization will create it"
                      : `needs a superuser: ask one to run CREATE EXTENSION ${e.name}; in ${facts.display.database}`}
              </Yes>
            </dd>
          </div>
        ))}
        <dt className="text-zinc-500">_metadata schema</dt>
        <dd>
          {state.summary.complete
            ? "complete"
            : state.summary.empty
              ? "not created yet"
              : `incomplete: ${state.summary.missing} missing, ${state.summary.different} different`}
        </dd>
      </dl>
      {!ready && (
        <Alert tone="warning" title="This user cannot initialize the schema">
          Grant the privileges named above (or connect as the database owner), then retry.
        </Alert>
      )}
      <div className="flex gap-2">
        <Button onClick={onNext} disabled={!ready}>
          Continue
        </Button>
        <Button variant="secondary" onClick={onRetry} pending={checking}>
          Check again
        </Button>
      </div>
    </div>
  );
}
