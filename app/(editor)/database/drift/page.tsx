import type { Metadata } from "next";
import { DriftList } from "@/components/database/drift-list";
import { Alert } from "@/components/ui/alert";
import { toUserError } from "@/lib/db/errors";
import { SHOWN_DRIFT_ITEMS } from "@/lib/sync/drift";
import { loadSync } from "@/lib/sync/sync";
import { withPoolClient } from "@/lib/sync/with-client";

export const metadata: Metadata = { title: "Drift · Database" };
export const dynamic = "force-dynamic";

export default async function DriftPage() {
  let state;
  try {
    state = await withPoolClient((client) => loadSync(client));
  } catch (error) {
    return <Alert tone="error" title="The drift could not be computed">{toUserError(error).message}</Alert>;
  }
  return (
    <DriftList
      schemas={state.schemas}
      items={state.items.slice(0, SHOWN_DRIFT_ITEMS)}
      total={state.items.length}
      problems={state.canonical.problems}
      notComparable={state.notComparable}
    />
  );
}
