import { execFileSync, spawn, spawnSync } from "node:child_process";
import { chmodSync, chownSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { EmbeddedError, reachableBy, relocatedDataDir, systemUser } from "../lib/db/embedded-placement";
import { runCli } from "./helpers/cli";

/** `tsx scripts/start.ts` (what `npm start` runs) with only the given variables; resolves when it exits. */
function runLauncher(vars: Record<string, string>, timeoutMs = 30_000) {
  return new Promise<{ code: number | null; output: string; ms: number }>((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
      env: {
        PATH: process.env.PATH ?? "/usr/bin:/bin",
        HOME: os.homedir(),
        DOTENV_CONFIG_PATH: path.join(os.tmpdir(), "metadata-editor-test-no.env"),
        DOTENV_CONFIG_QUIET: "true",
        PORT: "9",
        ...vars,
      } as Record<string, string> as NodeJS.ProcessEnv,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (c) => (output += c));
    child.stderr.on("data", (c) => (output += c));
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`the launcher was still running after ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, output, ms: performance.now() - started });
    });
  });
}

const STACK_LINE = /^\s+at .+[(:]/m;
const scratch = mkdtempSync(path.join(os.tmpdir(), "launcher-test-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("when the embedded PostgreSQL cannot start: a clear message, a non-zero exit, no stack trace", { timeout: 60_000 }, () => {
  // Below a file: no one, root included, can create that folder.
  const unwritable = path.join(scratch, "a-file", "postgres");
  writeFileSync(path.dirname(unwritable), "not a folder\n");

  it("npm start names the cause and both fixes, and exits instead of waiting", async () => {
    const result = await runLauncher({ METADATA_EDITOR_DATA_DIR: unwritable });
    expect(result.code, result.output).toBe(1);
    expect(result.output).toContain(`Cannot create the folder for the embedded PostgreSQL's data, ${unwritable}`);
    expect(result.output).toContain("METADATA_EDITOR_DATA_DIR");
    expect(result.output).toContain("DATABASE_URL=postgres://");
    expect(result.output).not.toMatch(STACK_LINE);
    expect(result.output).not.toContain("🚀");
  });

  it("the CLI does the same", async () => {
    const result = await runCli("check", { METADATA_EDITOR_DATA_DIR: unwritable });
    expect(result.code, result.stdout + result.stderr).toBe(1);
    expect(result.stdout).toContain("Cannot create the folder for the embedded PostgreSQL's data");
    expect(result.stdout).toContain("DATABASE_URL=postgres://");
    expect(result.stdout + result.stderr).not.toMatch(STACK_LINE);
  });

  it("no system user to run PostgreSQL as, and useradd refuses: the cause, useradd's reason and the fix", async () => {
    // A PATH with the real `id` and a `useradd` that fails as it does without permission: nothing is created.
    const bin = path.join(scratch, "bin");
    mkdirSync(bin);
    writeFileSync(path.join(bin, "useradd"), "#!/bin/sh\necho 'useradd: Permission denied.' >&2\nexit 1\n", { mode: 0o755 });
    for (const tool of ["id"]) writeFileSync(path.join(bin, tool), `#!/bin/sh\nexec /usr/bin/env PATH=/usr/bin:/bin ${tool} "$@"\n`, { mode: 0o755 });
    vi.stubEnv("PATH", bin);
    try {
      const error = await systemUser("metadata_editor_nobody").catch((e: unknown) => e);
      expect(error).toBeInstanceOf(EmbeddedError);
      expect((error as EmbeddedError).message).toBe(
        'PostgreSQL will not run as root, and there is no "metadata_editor_nobody" system user to run it as; creating it failed (useradd: Permission denied.).',
      );
      expect((error as EmbeddedError).fix).toContain("useradd --system --user-group metadata_editor_nobody");
      expect((error as EmbeddedError).fix).toContain("DATABASE_URL=postgres://");
    } finally {
      vi.unstubAllEnvs();
    }
    await expect(systemUser("Robert'); DROP")).rejects.toThrow(/METADATA_EDITOR_PG_USER must be a system user name/);
  });
});

describe("as a user other than root (nobody, when the tests run as root)", { timeout: 120_000 }, () => {
  it("the CLI starts the embedded PostgreSQL in place, owned by that user, and stops it", async () => {
    const home = mkdtempSync(path.join(os.tmpdir(), "launcher-nonroot-"));
    try {
      chmodSync(home, 0o755);
      const asRoot = process.getuid?.() === 0;
      const uid = asRoot ? Number(execFileSync("id", ["-u", "nobody"], { encoding: "utf8" })) : process.getuid!();
      if (asRoot) chownSync(home, uid, Number(execFileSync("id", ["-g", "nobody"], { encoding: "utf8" })));
      const node = [process.execPath, "--import", "tsx", "scripts/metadata.ts", "check"];
      const [file, ...args] = asRoot ? ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", "--", ...node] : node;
      const dataDir = path.join(home, "pg");
      const result = spawnSync(file, args, {
        encoding: "utf8",
        timeout: 100_000,
        env: {
          PATH: process.env.PATH ?? "/usr/bin:/bin",
          HOME: home,
          DOTENV_CONFIG_PATH: path.join(home, "no.env"),
          DOTENV_CONFIG_QUIET: "true",
          METADATA_EDITOR_DATA_DIR: dataDir,
        } as Record<string, string> as NodeJS.ProcessEnv,
      });
      const output = result.stdout + result.stderr;
      // An empty database: check says the schema is not there, which it can only say once connected.
      expect(result.status, output).toBe(1);
      expect(output).toContain(`using the embedded PostgreSQL in ${dataDir}`);
      expect(output).toContain("The _metadata schema is not there");
      expect(output).not.toMatch(STACK_LINE);
      expect(statSync(path.join(dataDir, "data", "PG_VERSION")).uid).toBe(uid);
      expect(statSync(path.join(dataDir, "credentials.json")).mode & 0o777).toBe(0o600);
      expect(() => readFileSync(path.join(dataDir, "data-location.txt"))).toThrow();
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });
});

describe("a bad DATABASE_URL", () => {
  it("npm start names the variable (not 'URI malformed'), exits 2, and keeps the password out of the terminal", async () => {
    const result = await runLauncher({ DATABASE_URL: "postgres://app:pa%ss@127.0.0.1:5432/shop" });
    expect(result.code, result.output).toBe(2);
    expect(result.output).toContain("DATABASE_URL has a bad percent-encoding in its password");
    expect(result.output).not.toMatch(/URI malformed|pa%ss/);
    expect(result.output).not.toMatch(STACK_LINE);
  });
});

describe("where the cluster goes when root's postgres user cannot enter the project folder", () => {
  const user = { name: "someone", uid: 4242, gid: 4242 };

  it("a folder under a mode-700 parent is out of reach; the same path opened up is not", () => {
    const parent = path.join(scratch, "private");
    mkdirSync(path.join(parent, "app", ".data"), { recursive: true });
    chmodSync(scratch, 0o755);
    chmodSync(parent, 0o700);
    expect(statSync(parent).uid).not.toBe(user.uid);
    expect(reachableBy(path.join(parent, "app", ".data"), user)).toBe(false);
    chmodSync(parent, 0o711);
    expect(reachableBy(path.join(parent, "app", ".data"), user)).toBe(true);
    expect(reachableBy(path.join(parent, "missing"), user)).toBe(false);
  });

  it("each project folder gets its own stable place, named after the project", () => {
    const a = relocatedDataDir("/root/개발 폴더/shop/.data/postgres", "/var/lib/x");
    expect(a).toBe(relocatedDataDir("/root/개발 폴더/shop/.data/postgres", "/var/lib/x"));
    expect(a).toMatch(/^\/var\/lib\/x\/shop-[0-9a-f]{12}\/data$/);
    expect(relocatedDataDir("/root/other/shop/.data/postgres", "/var/lib/x")).not.toBe(a);
    expect(relocatedDataDir("/root/개발 폴더/.data/postgres", "/var/lib/x")).toMatch(/^\/var\/lib\/x\/editor-[0-9a-f]{12}\/data$/);
  });
});
