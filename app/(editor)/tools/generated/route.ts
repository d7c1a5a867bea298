import { connection } from "next/server";
import { failed, serverAction } from "@/lib/actions/result";
import { zipFiles } from "@/lib/codegen/zip";
import { getPool } from "@/lib/db/pool";
import { buildProjectFiles } from "@/lib/metadata/generation";
import { say } from "@/lib/i18n/messages";

/** GET: every generated file of the project (what metadata:generate writes) as generated-code.zip. */
export const GET = serverAction(async () => {
  await connection();
  try {
    const { files } = await buildProjectFiles(getPool());
    return new Response(new Uint8Array(zipFiles(files)), {
      headers: {
        "Content-Type": "application/zip",
        "Content-Disposition": 'attachment; filename="generated-code.zip"',
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    const message = (failed(error) as { formError?: string }).formError;
    return new Response(`${message ?? say("server.codeNotGenerated")}\n`, {
      status: 503,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
    });
  }
});
