/**
 * `npm run metadata:generate [-- --out DIR] [--watch]`: the generated GraphQL schema, TypeScript types, zod
 * schemas and form components, written into generation_config.outputDir (under the project's root_path) or DIR.
 * --watch regenerates on every committed metadata change: the history triggers NOTIFY metadata_changed.
 */
import path from "node:path";
import type pg from "pg";
import { problemHref } from "../lib/codegen/model";
import { cliLine as line } from "../lib/i18n/cli-locale";
import { withLocale } from "../lib/i18n/locale-scope";
import { currentLocale, say } from "../lib/i18n/messages";
import { GenerationConfigError, newGenerationSession, runGeneration, type GenerationResult } from "../lib/metadata/generation";

type Out = (line?: string) => void;

/** Every file on the first run; on the watch's later runs only what changed (a project has thousands of forms). */
function report(result: GenerationResult, out: Out, changedOnly = false) {
  const rel = path.relative(process.cwd(), result.outputDir) || ".";
  for (const f of result.files) if (!changedOnly || f.status !== "unchanged") out(`   ${f.status === "written" ? "✏️ " : f.status === "removed" ? "🗑️ " : "= "} ${path.join(rel, f.path)}${f.status === "unchanged" ? ` ${line("fileUnchanged")}` : f.status === "removed" ? ` ${line("fileRemoved")}` : ""}`);
  const written = result.files.filter((f) => f.status !== "unchanged").length;
  out(line("generated", { files: result.files.filter((f) => f.status !== "removed").length, dir: rel, ms: result.ms, changed: written }));
  if (result.problems.length) {
    out(say("cli.generateProblems", { count: result.problems.length }));
    for (const p of result.problems) out(`   ${p.table}: ${p.message}  (${problemHref(p)})`);
  }
}

export async function generateCommand(client: pg.Client, args: string[], out: Out): Promise<number> {
  const at = args.indexOf("--out");
  const dir = at === -1 ? undefined : args[at + 1];
  if (at !== -1 && (!dir || dir.startsWith("--"))) {
    out(line("usage", { usage: line("generateUsage") }));
    return 2;
  }
  const watching = args.includes("--watch");
  // Watching keeps the metadata of unchanged tables and their output: a change regenerates only its tables.
  const session = watching ? newGenerationSession() : undefined;
  let first: GenerationResult;
  try {
    first = await runGeneration(client, { out: dir, session });
  } catch (error) {
    if (!(error instanceof GenerationConfigError)) throw error;
    out(`❌ ${error.message}`);
    out(say("tools.nothingChanged"));
    return 1;
  }
  report(first, out);
  if (!watching) return first.problems.length ? 1 : 0;

  await client.query("LISTEN metadata_changed");
  out(line("watching"));
  // A notification arrives outside the command's async context: each run is said in the command's language.
  const locale = currentLocale();
  let running = false;
  let again = false;
  const regenerate = async () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      do {
        again = false;
        report(await runGeneration(client, { out: dir, session }), out, true);
      } while (again);
    } catch (error) {
      out(`❌ ${(error as Error).message}`);
    } finally {
      running = false;
    }
  };
  client.on("notification", () => void withLocale(locale, regenerate));
  return new Promise<number>((resolve) => {
    const stop = () => resolve(0);
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
    client.once("error", (error) => {
      out(`❌ ${error.message}`);
      resolve(1);
    });
  });
}
