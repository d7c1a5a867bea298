import { connection } from "next/server";
import { failed, serverAction } from "@/lib/actions/result";
import { zipFiles } from "@/lib/codegen/zip";
import { getPool } from "@/lib/db/pool";
import { buildProjectFiles } from "@/lib/metadata/generation";
import { say } from "@/lib/i18n/messages";
import { generationConfigProblem } from "@/lib/schemas/project";

/** GET: every generated file of the project (what metadata:generate writes) as generated-code.zip. */
export const GET = serverAction(async () => {
  await connection();
  try {
    const { files, input } = await buildProjectFiles(getPool());
    // A generation_config written with wrong types (psql) is said, not replaced by the defaults in the zip.
    const configProblem = generationConfigProblem(input.storedConfig);
    if (configProblem) {
      return new Response(`${configProblem}\n`, { status: 409, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
    }
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
