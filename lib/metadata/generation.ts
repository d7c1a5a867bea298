import { mkdir, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import type pg from "pg";
import { GenerationCache, projectFiles, type GeneratedFile } from "../codegen/project-files";
import type { Problem } from "../codegen/model";
import { onClientInTransaction, type Queryable } from "../db/pool";
import { IncrementalCodegenInput, loadCodegenInput } from "./codegen-input";

/** The first line of every generated file: how stale generated files are told from the user's own. */
export const GENERATED_MARK = "// Generated from the _metadata schema by Metadata Editor.";

export interface GenerationResult {
  outputDir: string;
  files: { path: string; status: "written" | "unchanged" | "removed" }[];
  problems: Problem[];
  ms: number;
}

/** What a watching generator keeps between runs: the metadata rows of unchanged tables and their output. */
export interface GenerationSession {
  input: IncrementalCodegenInput;
  cache: GenerationCache;
  written: Written;
}

export const newGenerationSession = (): GenerationSession => ({ input: new IncrementalCodegenInput(), cache: new GenerationCache(), written: new Map() });

/** The generated files as they will be written (formatted when the project asks for it). */
export async function buildProjectFiles(client: Queryable, session?: GenerationSession) {
  const input = session ? await session.input.load(client) : await loadCodegenInput(client);
  const { files, problems } = await projectFiles(input, { prettier: input.config.prettier, cache: session?.cache });
  return { input, problems, files };
}

async function remember(written: Written, file: string, content: string) {
  const now = await stat(file);
  written.set(file, { content, size: now.size, mtimeMs: now.mtimeMs });
}

async function readOrNull(file: string) {
  return readFile(file, "utf8").catch(() => null);
}

/**
 * What a watching generator wrote last, per file: its content and the file's size and mtime then. A file nobody
 * touched since (same size and mtime) is not read again: a change to one table then costs a stat per file and
 * the writes, not reading 100 MB.
 */
export type Written = Map<string, { content: string; size: number; mtimeMs: number }>;

/**
 * What the file holds: what this session wrote last if nobody touched the file since (same size and mtime), so
 * an unchanged file costs a stat and a changed one (zod.ts, 20 MB at 5,000 tables) is not read before it is
 * rewritten; else read from disk (null: no file).
 */
async function currentContent(file: string, written: Written | undefined): Promise<string | null> {
  const last = written?.get(file);
  if (last) {
    const now = await stat(file).catch(() => null);
    if (now !== null && now.size === last.size && now.mtimeMs === last.mtimeMs) return last.content;
  }
  return readOrNull(file);
}

/** Writes only what changed (same metadata → no file touched); removes generated forms whose table is gone. */
export async function writeGenerated(dir: string, files: GeneratedFile[], written?: Written): Promise<GenerationResult["files"]> {
  const result: GenerationResult["files"] = [];
  for (const f of files) {
    const file = path.join(dir, ...f.path.split("/"));
    if ((await currentContent(file, written)) === f.content) {
      result.push({ path: f.path, status: "unchanged" });
      if (written && written.get(file)?.content !== f.content) await remember(written, file, f.content);
      continue;
    }
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, f.content);
    if (written) await remember(written, file, f.content);
    result.push({ path: f.path, status: "written" });
  }
  const wanted = new Set(files.map((f) => f.path));
  const existing = await readdir(path.join(dir, "forms")).catch(() => [] as string[]);
  for (const name of existing.sort()) {
    const rel = `forms/${name}`;
    if (wanted.has(rel) || !name.endsWith(".tsx")) continue;
    const text = await readOrNull(path.join(dir, "forms", name));
    if (text?.startsWith(GENERATED_MARK)) {
      await rm(path.join(dir, "forms", name));
      result.push({ path: rel, status: "removed" });
    }
  }
  return result;
}

/**
 * One run of metadata:generate: load, generate, write into `out` (or generation_config.outputDir under the
 * project's root_path), then set project.last_generation_at and record the run on the log row that update
 * makes (code_generated, generation_time_ms); the changes it generated from are marked code_generated too.
 */
export async function runGeneration(
  client: pg.ClientBase,
  options: { out?: string; cwd?: string; session?: GenerationSession } = {},
): Promise<GenerationResult> {
  const started = performance.now();
  const cwd = options.cwd ?? process.cwd();
  // One snapshot: a change committed while the metadata is read is seen whole or not at all (then the next run).
  await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
  let built: Awaited<ReturnType<typeof buildProjectFiles>>;
  try {
    built = await buildProjectFiles(client, options.session);
  } finally {
    await client.query("COMMIT");
  }
  const { input, problems, files } = built;
  const outputDir = options.out ? path.resolve(cwd, options.out) : path.resolve(cwd, input.rootPath, input.config.outputDir);
  const written = await writeGenerated(outputDir, files, options.session?.written);
  const ms = Math.round(performance.now() - started);
  await onClientInTransaction(client, async (c) => {
    const { rows } = await c.query<{ id: string }>("SELECT COALESCE(max(id), 0) AS id FROM _metadata.metadata_sync_log");
    await c.query("UPDATE _metadata.project SET last_generation_at = now() WHERE id = 1");
    // The trigger logged that update in this transaction (changed_at = now()): that row records the run.
    await c.query(
      `UPDATE _metadata.metadata_sync_log SET code_generated = TRUE,
              generation_time_ms = CASE WHEN table_name = 'project' AND changed_at = now() THEN $2::int ELSE generation_time_ms END
        WHERE code_generated IS NOT TRUE AND (id <= $1::bigint OR (table_name = 'project' AND changed_at = now()))`,
      [rows[0].id, ms],
    );
  });
  return { outputDir, files: written, problems, ms };
}
