"use client";

import { useTranslations } from "next-intl";
import { say } from "@/lib/i18n/messages";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useRef, useState, useTransition } from "react";
import { previewRestoreAction, restoreAction } from "@/app/(editor)/tools/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import type { ActionResult } from "@/lib/actions/types";
import type { RestorePreview } from "@/lib/metadata/backup";
import { RestorePreviewTable } from "./restore-preview";

interface Refusal {
  reason: string;
  problems: string[];
}

// A server action that cannot even be sent rejects (a body over Next's limit answers 413): say so usefully.
async function send<T>(action: (form: FormData) => Promise<ActionResult<T>>, form: FormData): Promise<ActionResult<T>> {
  try {
    return await action(form);
  } catch {
    return { ok: false, formError: say("tools.notSent") };
  }
}

export function BackupPanel() {
  const router = useRouter();
  const t = useTranslations("tools");
  const c = useTranslations("common");
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<RestorePreview | null>(null);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [restored, setRestored] = useState<string | null>(null);
  const [pending, start] = useTransition();

  const clear = () => {
    setPreview(null);
    setRefusal(null);
    setError(null);
    setRestored(null);
  };

  const runPreview = (chosen: File) =>
    start(async () => {
      clear();
      const form = new FormData();
      form.set("file", chosen);
      const result = await send(previewRestoreAction, form);
      if (!result.ok) setError(result.formError ?? t("previewFailed"));
      else if (result.data.kind === "refused") setRefusal(result.data);
      else setPreview(result.data.preview);
    });

  const runRestore = (chosen: File, digest: string) =>
    start(async () => {
      const form = new FormData();
      form.set("file", chosen);
      form.set("digest", digest);
      const result = await send(restoreAction, form);
      clear();
      if (!result.ok) setError(result.formError ?? t("restoreFailed"));
      else if (result.data.kind === "refused") setRefusal(result.data);
      else {
        setRestored(t("restored", { rows: result.data.rows, file: chosen.name }));
        setFile(null);
        if (input.current) input.current.value = "";
        router.refresh();
      }
    });

  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <h3 className="font-medium">{t("downloadTitle")}</h3>
        <p className="text-sm text-zinc-600">{t.rich("downloadIntro", { code: (chunks) => <code>{chunks}</code> })}</p>
        <Link
          href="/tools/backup"
          download
          prefetch={false}
          className="inline-flex items-center rounded-md border border-zinc-300 bg-white px-3.5 py-2 text-sm font-medium text-zinc-800 hover:bg-zinc-100"
        >
          {t("download")}
        </Link>
      </div>

      <div className="space-y-3">
        <h3 className="font-medium">{t("restoreTitle")}</h3>
        <p className="text-sm text-zinc-600">{t("restoreIntro")}</p>
        <Field label={t("backupFile")} className="max-w-md">
          {(props) => (
            <Input
              {...props}
              ref={input}
              type="file"
              accept="application/json,.json"
              disabled={pending}
              onChange={(e) => {
                const chosen = e.target.files?.[0] ?? null;
                setFile(chosen);
                if (chosen) runPreview(chosen);
                else clear();
              }}
            />
          )}
        </Field>
        {pending && !preview && <p className="text-sm text-zinc-500">{t("reading")}</p>}
        {error && <Alert tone="error">{error}</Alert>}
        {restored && <Alert tone="success">{restored}</Alert>}
        {refusal && (
          <Alert tone="error" title={t("refused")}>
            <p>{refusal.reason}</p>
            {refusal.problems.length > 0 && (
              <ul className="mt-2 list-disc pl-5 text-xs">
                {refusal.problems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            )}
            <p className="mt-2">{t("nothingChanged")}</p>
            {file && (
              <Button variant="secondary" className="mt-2" onClick={() => runPreview(file)}>
                {t("previewAgain")}
              </Button>
            )}
          </Alert>
        )}
        {preview && file && (
          <div className="space-y-3">
            <RestorePreviewTable preview={preview} />
            <Alert tone="warning" title={t("replaces")}>
              {t.rich("replacesBody", {
                rows: preview.backup.rows,
                added: preview.totals.added,
                changed: preview.totals.changed,
                removed: preview.totals.removed,
                code: (chunks) => <code>{chunks}</code>,
              })}
            </Alert>
            <div className="flex gap-2">
              <Button variant="danger" pending={pending} onClick={() => runRestore(file, preview.digest)}>
                {t("restore")}
              </Button>
              <Button
                variant="ghost"
                disabled={pending}
                onClick={() => {
                  clear();
                  setFile(null);
                  if (input.current) input.current.value = "";
                }}
              >
                {c("cancel")}
              </Button>
            </div>
          </div>
        )}
      </div>
    </div>
  );
}
