"use client";

import { useTranslations } from "next-intl";
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
  const t = useTranslations("setup.conn");
  const s = useTranslations("setup");
  if (!("facts" in state)) {
    return (
      <div className="space-y-4">
        <Alert
          tone="error"
          title={
            state.kind === "unreachable"
              ? t("unreachable")
              : state.kind === "error"
                ? t("unreadable")
                : t("none")
          }
        >
          <p>{state.message}</p>
          {state.label && <p className="mt-1 font-mono text-xs">{state.label}</p>}
          {state.kind !== "error" && (
            <p className="mt-2">{t.rich("howTo", { code: (chunks) => <code>{chunks}</code> })}</p>
          )}
        </Alert>
        <Button onClick={onRetry} pending={checking}>
          {t("retry")}
        </Button>
      </div>
    );
  }
  const { facts } = state;
  const extensionsOk = facts.extensions.every((e) => e.canCreate);
  const ready = state.summary.complete || (facts.canCreateSchema && extensionsOk);
  return (
    <div className="space-y-5">
      <Alert tone="success" title={t("connected")}>
        <span className="font-mono text-xs">{facts.label}</span>
        {facts.source === "embedded" && <span>{t("embedded")}</span>}
      </Alert>
      <dl className="grid grid-cols-[12rem_1fr] gap-x-4 gap-y-2 text-sm">
        <dt className="text-zinc-500">{t("serverVersion")}</dt>
        <dd>PostgreSQL {facts.serverVersion}</dd>
        <dt className="text-zinc-500">{t("database")}</dt>
        <dd className="font-mono">{facts.display.database}</dd>
        <dt className="text-zinc-500">{t("host")}</dt>
        <dd className="font-mono">
          {facts.display.host}:{facts.display.port}
          {facts.display.ssl ? " (SSL)" : ""}
        </dd>
        <dt className="text-zinc-500">{t("user")}</dt>
        <dd className="font-mono">
          {facts.currentUser}
          {facts.isSuperuser ? t("superuser") : ""}
        </dd>
        <dt className="text-zinc-500">{t("mayCreate")}</dt>
        <dd>
          <Yes ok={facts.canCreateSchema}>
            {facts.canCreateSchema
              ? t("yes")
              : t("noCreate", { db: facts.display.database, user: facts.currentUser })}
          </Yes>
        </dd>
        {facts.extensions.map((e) => (
          <div key={e.name} className="contents">
            <dt className="text-zinc-500">{t("extension", { name: e.name })}</dt>
            <dd>
              <Yes ok={e.canCreate}>
                {e.installed
                  ? t("installed")
                  : !e.available
                    ? t("unavailable")
                    : e.canCreate
                      ? t("willCreate")
                      : t("needsSuperuser", { name: e.name, db: facts.display.database })}
              </Yes>
            </dd>
          </div>
        ))}
        <dt className="text-zinc-500">{t("schema")}</dt>
        <dd>
          {state.summary.complete
            ? t("complete")
            : state.summary.empty
              ? t("notCreated")
              : t("incomplete", { missing: state.summary.missing, different: state.summary.different })}
        </dd>
      </dl>
      {!ready && (
        <Alert tone="warning" title={t("cannotInit")}>
          {t("cannotInitBody")}
        </Alert>
      )}
      <div className="flex gap-2">
        <Button onClick={onNext} disabled={!ready}>
          {s("continue")}
        </Button>
        <Button variant="secondary" onClick={onRetry} pending={checking}>
          {t("checkAgain")}
        </Button>
      </div>
    </div>
  );
}
