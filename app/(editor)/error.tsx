"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { startTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

/**
 * A page that failed to load (the database went away between the layout's check and the page's query, say):
 * the shell and its outage banner stay; this part offers to try again. The reason is in the server log.
 */
export default function EditorError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const router = useRouter();
  const t = useTranslations("pages.error");
  return (
    <Alert tone="error" title={t("title")}>
      <p>{t("body")}</p>
      <Button
        className="mt-3"
        variant="secondary"
        onClick={() =>
          startTransition(() => {
            router.refresh();
            reset();
          })
        }
      >
        {t("retry")}
      </Button>
    </Alert>
  );
}
