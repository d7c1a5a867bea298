"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";

// next.config.ts's basePath: fetch() does not add it (only Link and the router do).
const HEALTH_URL = "/metadata-editor/health";
const HEALTHY_EVERY_MS = 15_000;
const DOWN_EVERY_MS = 3_000;

/**
 * Watches the database while a page is open: when it stops answering, a banner says so and that it keeps
 * retrying; the page stays as it is (nothing typed is lost). When it answers again the banner goes and the
 * page's data is fetched afresh. `initiallyDown`: the page was rendered during an outage.
 */
export function DatabaseWatch({ initiallyDown = false, label }: { initiallyDown?: boolean; label: string }) {
  const t = useTranslations("shell");
  const router = useRouter();
  const [down, setDown] = useState(initiallyDown);
  const [target, setTarget] = useState(label);
  const wasDown = useRef(initiallyDown);

  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout>;
    const check = async () => {
      let ok = false;
      try {
        const response = await fetch(HEALTH_URL, { cache: "no-store" });
        const body = (await response.json()) as { ok: boolean; label: string };
        ok = response.ok && body.ok === true;
        if (body.label) setTarget(body.label);
      } catch {
        ok = false; // the editor's own server is gone too; keep saying so
      }
      if (!live) return;
      setDown(!ok);
      if (ok && wasDown.current) router.refresh();
      wasDown.current = !ok;
      timer = setTimeout(check, ok ? HEALTHY_EVERY_MS : DOWN_EVERY_MS);
    };
    const onFocus = () => {
      clearTimeout(timer);
      void check();
    };
    timer = setTimeout(check, initiallyDown ? DOWN_EVERY_MS : HEALTHY_EVERY_MS);
    window.addEventListener("focus", onFocus);
    return () => {
      live = false;
      clearTimeout(timer);
      window.removeEventListener("focus", onFocus);
    };
  }, [router, initiallyDown]);

  if (!down) return null;
  return (
    <div role="alert" className="border-b border-amber-300 bg-amber-50 px-6 py-2 text-sm text-amber-950">
      {t.rich("dbDown", { target: target || "none", strong: (chunks) => <strong>{chunks}</strong> })}
    </div>
  );
}
