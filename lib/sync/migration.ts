import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Queryable } from "../db/pool";
import { migrationFileNames } from "./migration-names";
import { say } from "../i18n/messages";

/** Why a migration could not be saved, in words for a person (nothing was written). */
export class MigrationPathError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "MigrationPathError";
  }
}


/**
 * Writes the plan's up and down scripts as a timestamped migration into the project's database_path (relative to
 * root_path), under migrations/. The folder must stay inside root_path; existing files are never overwritten.
 */
export async function saveMigration(
  db: Queryable,
  scripts: { up: string; down: string; problems?: unknown[] },
  now = new Date(),
): Promise<{ up: string; down: string }> {
  if (scripts.problems?.length) throw new MigrationPathError(say("server.migrationProblems"));
  const { rows } = await db.query<{ root_path: string; database_path: string | null }>("SELECT root_path, database_path FROM _metadata.project WHERE id = 1");
  if (!rows[0]) throw new MigrationPathError(say("server.migrationNoProject"));
  const root = rows[0].root_path;
  if (!path.isAbsolute(root)) throw new MigrationPathError(say("server.migrationRootRelative", { root }));
  const folder = path.resolve(root, rows[0].database_path || "./database", "migrations");
  const inside = path.relative(root, folder);
  if (inside.startsWith("..") || path.isAbsolute(inside)) {
    throw new MigrationPathError(say("server.migrationOutside", { folder }));
  }
  const names = migrationFileNames(now);
  const files = { up: path.join(folder, names.up), down: path.join(folder, names.down) };
  try {
    await mkdir(folder, { recursive: true });
    await writeFile(files.up, scripts.up, { flag: "wx" });
    await writeFile(files.down, scripts.down, { flag: "wx" });
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw new MigrationPathError(
      code === "EEXIST"
        ? say("server.migrationExists", { name: names.up })
        : say("server.migrationNotWritten", { folder, code: code ?? "error" }),
    );
  }
  return files;
}
