import { mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { mkdir, open, readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type pg from "pg";
import { encodeFile, partsOf, sameText, writeParts, type EncodedParts } from "../codegen/file-parts";
import { GenerationCache, projectFiles, type GeneratedFile } from "../codegen/project-files";
import type { Problem } from "../codegen/model";
import { onClientInTransaction, type Queryable } from "../db/pool";
import { generationConfigProblem } from "../schemas/project";
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
  /** Every change logged up to this id is marked code_generated (see runGeneration). */
  loggedUpTo?: string;
}

export const newGenerationSession = (): GenerationSession => ({ input: new IncrementalCodegenInput(), cache: new GenerationCache(), written: new Map() });

/** The generated files as they will be written (formatted when the project asks for it). */
export async function buildProjectFiles(client: Queryable, session?: GenerationSession) {
  const input = session ? await session.input.load(client) : await loadCodegenInput(client);
  const { files, problems } = await projectFiles(input, { prettier: input.config.prettier, cache: session?.cache });
  return { input, problems, files };
}

async function readOrNull(file: string) {
  return readFile(file, "utf8").catch(() => null);
}

/**
 * What a watching generator wrote last, per file: its content (the project-wide files as their parts, see
 * file-parts.ts) and the file's size and mtime then. A file nobody touched since (same size and mtime) is not
 * read again: a change to one table costs a stat per file, comparing parts that are mostly the same string
 * objects, and the writes, not reading and comparing 100 MB.
 */
export type Written = Map<string, { text: string | readonly string[]; encoded?: EncodedParts; size: number; mtimeMs: number }>;

/** What this session wrote last into `file`, if nobody touched the file since; else null. */
function untouched(file: string, written: Written | undefined) {
  const last = written?.get(file);
  if (!last) return null;
  // Synchronous: thousands of stats, each far cheaper than an await's round trip through the thread pool.
  const now = statSync(file, { throwIfNoEntry: false });
  return now !== undefined && now.size === last.size && now.mtimeMs === last.mtimeMs ? last : null;
}

async function sameAsFile(file: string, f: GeneratedFile, written: Written | undefined): Promise<boolean> {
  const last = untouched(file, written);
  const parts = partsOf(f);
  if (last === null) return (await readOrNull(file)) === f.content;
  if (typeof last.text === "string") return last.text === f.content;
  return parts ? sameText(last.text, parts) : sameText(last.text, [f.content]);
}

/** Writes the file; returns the bytes of its parts when it has parts. */
async function write(file: string, f: GeneratedFile, before?: EncodedParts): Promise<EncodedParts | undefined> {
  await mkdir(path.dirname(file), { recursive: true });
  const parts = partsOf(f);
  if (!parts) return void (await writeFile(file, f.content));
  const handle = await open(file, "w");
  try {
    return await writeParts(handle, parts, before);
  } finally {
    await handle.close();
  }
}

function remember(written: Written, file: string, f: GeneratedFile, encoded: EncodedParts | undefined) {
  const now = statSync(file);
  written.set(file, { text: partsOf(f) ?? f.content, encoded, size: now.size, mtimeMs: now.mtimeMs });
}

/** The file's bytes, or null when it cannot be read (missing, a directory…). */
function bytesOrNull(file: string): Buffer | null {
  try {
    return readFileSync(file);
  } catch {
    return null;
  }
}

/**
 * A single run's writes (no session to remember them): each file encoded once and compared byte for byte with
 * the file on disk (read only when its size is the same), written only when they differ. Synchronous: 5,000
 * files took five trips each through the thread pool (read, mkdir, open, write, close), and reading them back
 * as text decoded 100 MB into strings to compare.
 */
function writeChangedFiles(dir: string, files: GeneratedFile[]): GenerationResult["files"] {
  const made = new Set<string>();
  return files.map((f) => {
    const file = path.join(dir, ...f.path.split("/"));
    const bytes = encodeFile(f);
    const now = statSync(file, { throwIfNoEntry: false });
    if (now?.isFile() && now.size === bytes.length && bytesOrNull(file)?.equals(bytes)) return { path: f.path, status: "unchanged" as const };
    const parent = path.dirname(file);
    if (!made.has(parent)) mkdirSync(parent, { recursive: true });
    made.add(parent);
    writeFileSync(file, bytes);
    return { path: f.path, status: "written" as const };
  });
}

/** A watching session's writes: what it wrote last tells what to compare (see Written). */
async function writeSessionFiles(dir: string, files: GeneratedFile[], written: Written): Promise<GenerationResult["files"]> {
  const result: GenerationResult["files"] = [];
  for (const f of files) {
    const file = path.join(dir, ...f.path.split("/"));
    const last = written.get(file);
    if (await sameAsFile(file, f, written)) {
      result.push({ path: f.path, status: "unchanged" });
      if (last?.text !== (partsOf(f) ?? f.content)) remember(written, file, f, last?.encoded);
      continue;
    }
    const encoded = await write(file, f, last?.encoded);
    remember(written, file, f, encoded);
    result.push({ path: f.path, status: "written" });
  }
  return result;
}

/** Writes only what changed (same metadata → no file touched); removes generated forms whose table is gone. */
export async function writeGenerated(dir: string, files: GeneratedFile[], written?: Written): Promise<GenerationResult["files"]> {
  const result = written ? await writeSessionFiles(dir, files, written) : writeChangedFiles(dir, files);
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

/** generation_config holds a value of the wrong type for a key the generators read: nothing is generated. */
export class GenerationConfigError extends Error {
  name = "GenerationConfigError";
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
  // A generation_config written with wrong types (psql): said, and nothing written, rather than the defaults.
  const configProblem = generationConfigProblem(input.storedConfig);
  if (configProblem) throw new GenerationConfigError(configProblem);
  const outputDir = options.out ? path.resolve(cwd, options.out) : path.resolve(cwd, input.rootPath, input.config.outputDir);
  const written = await writeGenerated(outputDir, files, options.session?.written);
  const ms = Math.round(performance.now() - started);
  const session = options.session;
  await onClientInTransaction(client, async (c) => {
    // With nobody else's transaction open, every log row up to max(id) is visible now: the next run of this
    // session need not look below it (the log keeps every change: scanning all of it took ~0.8 s at 5,000 tables).
    const { rows } = await c.query<{ id: string; alone: boolean }>(
      `SELECT COALESCE(max(id), 0) AS id, NOT EXISTS (SELECT FROM pg_snapshot_xip(pg_current_snapshot())) AS alone
         FROM _metadata.metadata_sync_log`,
    );
    await c.query("UPDATE _metadata.project SET last_generation_at = now() WHERE id = 1");
    // The trigger logged that update in this transaction (changed_at = now()): that row records the run.
    await c.query(
      `UPDATE _metadata.metadata_sync_log SET code_generated = TRUE,
              generation_time_ms = CASE WHEN table_name = 'project' AND changed_at = now() THEN $2::int ELSE generation_time_ms END
        WHERE id > $3::bigint AND code_generated IS NOT TRUE AND (id <= $1::bigint OR (table_name = 'project' AND changed_at = now()))`,
      [rows[0].id, ms, session?.loggedUpTo ?? "0"],
    );
    if (session && rows[0].alone) session.loggedUpTo = rows[0].id;
  });
  return { outputDir, files: written, problems, ms };
}
