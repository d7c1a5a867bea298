"use client";

import { useState, useTransition } from "react";
import { verifyAction } from "@/app/(editor)/tools/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { VerifyResult } from "@/lib/metadata/verify";

export function VerifyPanel() {
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
            else setError(result.formError ?? "Verification could not run.");
          })
        }
      >
        Run verification
      </Button>
      {error && <Alert tone="error">{error}</Alert>}
      {results && (
        <ul className="space-y-1 text-sm" aria-label="Verification results">
          {results.map((r) => (
            <li key={r.name} className={r.ok ? "text-emerald-700" : "text-red-700"}>
              <span className="font-medium">
                {r.ok ? "✓ pass" : "✗ fail"}: {r.name}
              </span>
              {!r.ok && (
                <span className="block pl-4 text-xs text-zinc-700">
                  expected {r.expected}; found {r.actual}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
