import { getConnection, getPool } from "@/lib/db/pool";
import { describeConnection } from "@/lib/db/config";

export const dynamic = "force-dynamic";

const CHECK_MS = 3_000;

/**
 * Is the database answering? For the editor's outage banner (components/app-shell/database-watch.tsx): one
 * trivial query, given up after 3 s. Says where the database is (no password), never why it failed.
 */
export async function GET() {
  let label = "";
  try {
    label = describeConnection(getConnection().display);
  } catch {
    return Response.json({ ok: false, label }, { headers: { "Cache-Control": "no-store" } });
  }
  let timer: NodeJS.Timeout | undefined;
  const ok = await Promise.race([
    getPool()
      .query("SELECT 1")
      .then(() => true)
      .catch(() => false),
    new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), CHECK_MS);
    }),
  ]);
  clearTimeout(timer);
  return Response.json({ ok, label }, { headers: { "Cache-Control": "no-store" } });
}
