import { connection } from "next/server";
import { failed, serverAction } from "@/lib/actions/result";
import { getPool } from "@/lib/db/pool";
import { BackupRefusedError, exportMetadata, serializeBackup } from "@/lib/metadata/backup";
import { say } from "@/lib/i18n/messages";

/** GET: the backup document as a download, metadata-backup-<project_id>-<date>.json. */
export const GET = serverAction(async () => {
  await connection();
  try {
    const doc = await exportMetadata(getPool());
    const owner = String(doc.tables.project[0]?.project_id ?? doc.source.database).replace(/[^A-Za-z0-9._-]/g, "_");
    const filename = `metadata-backup-${owner}-${doc.exportedAt.slice(0, 10)}.json`;
    return new Response(serializeBackup(doc), {
      headers: {
        "Content-Type": "application/json; charset=utf-8",
        "Content-Disposition": `attachment; filename="${filename}"`,
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    const message =
      error instanceof BackupRefusedError ? error.message : (failed(error) as { formError?: string }).formError;
    return new Response(`${message ?? say("server.backupNotMade")}\n`, {
      status: error instanceof BackupRefusedError ? 409 : 503,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
    });
  }
});
