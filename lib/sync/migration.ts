import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Queryable } from "../db/pool";
import { migrationFileNames } from "./migration-names";

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
  if (scripts.problems?.length) throw new MigrationPathError("The metadata has values the server does not accept; fix them before saving a migration.");
  const { rows } = await db.query<{ root_path: string; database_path: string | null }>("SELECT root_path, database_path FROM _metadata.project WHERE id = 1");
  if (!rows[0]) throw new MigrationPathError("There is no project row: finish the setup first.");
  const root = rows[0].root_path;
  if (!path.isAbsolute(root)) throw new MigrationPathError(`The project's root_path "${root}" is not an absolute path; correct it on the Project page.`);
  const folder = path.resolve(root, rows[0].database_path || "./database", "migrations");
  const inside = path.relative(root, folder);
  if (inside.startsWith("..") || path.isAbsolute(inside)) {
    throw new MigrationPathError(`The project's database_path leads outside root_path (${folder}); correct it on the Project page.`);
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
        ? `A migration named ${names.up} already exists; wait a second and save again.`
        : `The migration could not be written to ${folder} (${code ?? "error"}): check that the folder exists and is writable.`,
    );
  }
  return files;
}
