"use client";

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
  return (
    <Alert tone="error" title="This page could not be loaded.">
      <p>If the banner above says the database is not answering, the page loads again once it is back.</p>
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
        Try again
      </Button>
    </Alert>
  );
}
