"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { verifyAction } from "@/app/(editor)/tools/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { VerifyResult } from "@/lib/metadata/verify";

export function VerifyPanel() {
  const t = useTranslations("tools");
  const [pending, start] = useTransition();
  const [results, setResults] = useState<VerifyResult[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="space-y-3">
      <Button
        pending={pending}
        onClick={() =>
          start(async () => {
            setError(null);
            const result = await verifyAction();
            if (result.ok) setResults(result.data);
            else setError(result.formError ?? t("verifyFailed"));
          })
        }
      >
        {t("runVerify")}
      </Button>
      {error && <Alert tone="error">{error}</Alert>}
      {results && (
        <ul className="space-y-1 text-sm" aria-label={t("verifyResults")}>
          {results.map((r) => (
            <li key={r.name} className={r.ok ? "text-emerald-700" : "text-red-700"}>
              <span className="font-medium">
                {r.ok ? t("pass") : t("fail")}: {t.has(`checks.${r.key}` as "checks.tables") ? t(`checks.${r.key}` as "checks.tables") : r.name}
              </span>
              {!r.ok && (
                <span className="block pl-4 text-xs text-zinc-700">
                  {t("expectedFound", { expected: r.expected, actual: r.actual })}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
