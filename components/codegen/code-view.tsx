"use client";

import { useTranslations } from "next-intl";
import { CodeBlock } from "@/components/ui/code-block";
import Link from "next/link";
import { useState } from "react";
import { toast } from "sonner";
import { tableCodeAction } from "@/app/(editor)/tables/[id]/codegen-actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import type { Target } from "@/lib/codegen/generate";
import { ProblemList } from "./problem-list";
import { useActionData } from "./use-action-data";

const TARGETS: Target[] = ["sdl", "typescript", "zod", "form"];

/** The table's generated code, per target, with copy and download; the whole project as a zip. */
export function CodeView({ tableId }: { tableId: number }) {
  const loaded = useActionData(() => tableCodeAction(tableId), [tableId]);
  const t = useTranslations("code");
  const c = useTranslations("common");
  const [target, setTarget] = useState<Target>("sdl");
  if (loaded.state === "loading") return <p className="text-sm text-zinc-500">{t("generating")}</p>;
  if (loaded.state === "error") return <Alert tone="error" title={t("failed")}>{loaded.message}</Alert>;
  const { files, paths, problems } = loaded.data;
  const text = files[target];
  const fileName = paths[target].split("/").pop() || `${target}.txt`;

  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      toast.success(t("copied", { file: fileName }));
    } catch {
      toast.error(t("copyRefused"));
    }
  }
  function download() {
    const url = URL.createObjectURL(new Blob([text], { type: "text/plain;charset=utf-8" }));
    const a = Object.assign(document.createElement("a"), { href: url, download: fileName });
    a.click();
    URL.revokeObjectURL(url);
  }

  return (
    <div className="space-y-3">
      <ProblemList problems={problems} />
      <div className="flex flex-wrap items-center gap-2">
        <div role="tablist" aria-label={t("tabsLabel")} className="flex gap-1">
          {TARGETS.map((id) => (
            <button
              key={id}
              role="tab"
              type="button"
              aria-selected={target === id}
              onClick={() => setTarget(id)}
              className={cn("rounded-md px-3 py-1.5 text-sm", target === id ? "bg-zinc-800 text-white" : "bg-zinc-100 text-zinc-700 hover:bg-zinc-200")}
            >
              {t(`targets.${id}`)}
            </button>
          ))}
        </div>
        <span className="font-mono text-xs text-zinc-500">{paths[target]}</span>
        <div className="ml-auto flex gap-2">
          <Button variant="secondary" onClick={copy}>
            {c("copy")}
          </Button>
          <Button variant="secondary" onClick={download}>
            {c("download")}
          </Button>
          <Link
            href="/tools/generated"
            download
            prefetch={false}
            className="inline-flex items-center rounded-md border border-zinc-300 bg-white px-3.5 py-2 text-sm font-medium text-zinc-800 hover:bg-zinc-100"
          >
            {t("downloadAll")}
          </Link>
        </div>
      </div>
      <CodeBlock label={t("generated", { target: t(`targets.${target}`) })} className="max-h-[65vh] bg-zinc-50 p-3 leading-5">
        {text}
      </CodeBlock>
      <p className="text-xs text-zinc-500">{t.rich("footer", { code: (chunks) => <code>{chunks}</code> })}</p>
    </div>
  );
}
