"use client";

import { useEffect, useState } from "react";
import type { ActionResult } from "@/lib/actions/types";
import { say } from "@/lib/i18n/messages";

export type Loaded<T> = { state: "loading" } | { state: "error"; message: string } | { state: "ok"; data: T };

/**
 * Calls a read action when mounted (a tab opened): the metadata is read afresh each time, so what the grid
 * just committed shows. A failure is a message, never an empty result.
 */
export function useActionData<T>(load: () => Promise<ActionResult<T>>, deps: unknown[]): Loaded<T> {
  const [loaded, setLoaded] = useState<Loaded<T>>({ state: "loading" });
  useEffect(() => {
    let live = true;
    setLoaded({ state: "loading" });
    load()
      .then((r) => live && setLoaded(r.ok ? { state: "ok", data: r.data } : { state: "error", message: r.formError ?? say("common.couldNotLoad") }))
      .catch(() => live && setLoaded({ state: "error", message: say("common.serverUnreachable") }));
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return loaded;
}
