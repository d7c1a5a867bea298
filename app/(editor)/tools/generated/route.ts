import { connection } from "next/server";
import { failed } from "@/lib/actions/result";
import { zipFiles } from "@/lib/codegen/zip";
import { getPool } from "@/lib/db/pool";
import { buildProjectFiles } from "@/lib/metadata/generation";

/** GET: every generated file of the project (what metadata:generate writes) as generated-code.zip. */
export async function GET() {
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
    return new Response(`${message ?? "The code could not be generated."}\n`, {
      status: 503,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
    });
  }
}
