import type { Metadata } from "next";
import { ImportPanel } from "@/components/database/import-panel";
import { Alert } from "@/components/ui/alert";
import { toUserError } from "@/lib/db/errors";
import { getPool } from "@/lib/db/pool";
import { getProject } from "@/lib/metadata/project";
import { listSchemas } from "@/lib/sync/introspect";

export const metadata: Metadata = { title: "Import · Database" };
export const dynamic = "force-dynamic";

export default async function ImportPage() {
  let schemas;
  let preselected: string[];
  try {
    schemas = await listSchemas(getPool());
    const project = await getProject();
    preselected = ["public", project?.default_schema ?? "public"];
  } catch (error) {
    return <Alert tone="error" title="The schemas could not be read">{toUserError(error).message}</Alert>;
  }
  if (schemas.length === 0) {
    return <Alert title="Nothing to import">The database has no schema besides _metadata and the system&apos;s.</Alert>;
  }
  return <ImportPanel schemas={schemas} preselected={schemas.map((s) => s.name).filter((n) => preselected.includes(n))} />;
}
