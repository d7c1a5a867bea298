"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/**
 * Back and Forward show a page from the router's cache, as it was when it was left. Grid edits do not
 * revalidate (that would resend whole pages), so the cached page can be older than the user's own edits:
 * fetch it afresh after every history navigation.
 */
export function RefreshOnBack() {
  const router = useRouter();
  useEffect(() => {
    const onPopState = () => setTimeout(() => router.refresh(), 0);
    window.addEventListener("popstate", onPopState);
    return () => window.removeEventListener("popstate", onPopState);
  }, [router]);
  return null;
}
