import { spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { cloneCheckout, startLauncher, waitForPage, type Launcher } from "./launcher";

/**
 * Issue 12: `npm start` from a clone in a private (mode 700) folder, and from a path with spaces and Hangul.
 * CI runs as root, where PostgreSQL runs as the `postgres` user, which cannot enter a private folder: the
 * launcher must put the binaries and the data where it can, keep the data across restarts, and say where.
 */
const asRoot = process.getuid?.() === 0;
const launchers: Launcher[] = [];
const cleanups: string[] = [];

test.describe.configure({ timeout: 240_000 });

test.afterAll(async () => {
  for (const launcher of launchers) await launcher.interrupt();
  for (const dir of cleanups) rmSync(dir, { recursive: true, force: true });
});

async function openSetup(page: import("@playwright/test").Page, launcher: Launcher) {
  await waitForPage(`${launcher.url}setup`, launcher);
  await page.goto(launcher.url);
  await expect(page).toHaveURL(/\/metadata-editor\/setup$/);
  await expect(page.getByRole("heading", { name: "1. Connection" })).toBeVisible();
  await expect(page.getByText("Connected", { exact: true })).toBeVisible();
}

test("from a clone inside a mode-700 folder: the setup page, the data in a place postgres can reach, kept across restarts", async ({ page }) => {
  const privateDir = mkdtempSync(path.join(os.tmpdir(), "launcher-private-"));
  cleanups.push(privateDir);
  expect(statSync(privateDir).mode & 0o777).toBe(0o700);
  const app = path.join(privateDir, "app");
  cloneCheckout(app);

  const first = await startLauncher(app);
  launchers.push(first);
  await openSetup(page, first);
  let dataDir = path.join(app, ".data", "postgres", "data");
  if (asRoot) {
    const [, location] = await first.waitFor(/its data lives in (\S+) \(the postgres user cannot enter/);
    dataDir = location;
    cleanups.push(path.dirname(dataDir));
    expect(dataDir.startsWith("/var/lib/metadata-editor/app-")).toBe(true);
    const stat = statSync(dataDir);
    expect(stat.mode & 0o777).toBe(0o700);
    expect(stat.uid).not.toBe(0);
    expect(readFileSync(path.join(app, ".data", "postgres", "data-location.txt"), "utf8")).toContain(dataDir);
  }
  expect(statSync(path.join(dataDir, "PG_VERSION")).isFile()).toBe(true);
  const { url } = JSON.parse(readFileSync(path.join(app, ".data", "postgres", "running.json"), "utf8")) as { url: string };
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query("CREATE TABLE survives_restart (note text)");
  await client.query("INSERT INTO survives_restart VALUES ('kept')");
  await client.end();
  await first.interrupt();

  const second = await startLauncher(app);
  launchers.push(second);
  await openSetup(page, second);
  const again = new pg.Client({
    connectionString: (JSON.parse(readFileSync(path.join(app, ".data", "postgres", "running.json"), "utf8")) as { url: string }).url,
  });
  await again.connect();
  expect((await again.query("SELECT note FROM survives_restart")).rows).toEqual([{ note: "kept" }]);
  await again.end();
  expect(second.output()).not.toMatch(/EACCES|\n\s+at /);
  await second.interrupt();

  // The CLI, from the same clone, starts the same relocated cluster.
  const cli = (command: string) =>
    spawnSync("npx", ["tsx", "scripts/metadata.ts", command], {
      cwd: app,
      encoding: "utf8",
      timeout: 120_000,
      env: { ...process.env, DATABASE_URL: "", DB_HOST: "", DB_NAME: "", DB_USER: "", PROJECT_ID: "private-app", PROJECT_NAME: "Private app", PROJECT_ROOT_PATH: app },
    });
  const init = cli("init");
  expect(init.status, init.stdout + init.stderr).toBe(0);
  expect(init.stdout).toContain("using the embedded PostgreSQL in .data/postgres");
  expect(init.stdout).toContain("🎉 Metadata initialization complete!");
  if (asRoot) expect(statSync(path.join(dataDir, "base")).uid).not.toBe(0);

  // Deleting .data/postgres (and the password in it) starts afresh, wherever the cluster lived.
  rmSync(path.join(app, ".data", "postgres"), { recursive: true, force: true });
  const check = cli("check");
  expect(check.status, check.stdout + check.stderr).toBe(1);
  expect(check.stdout).toContain("The _metadata schema is not there");
  expect(statSync(path.join(dataDir, "PG_VERSION")).isFile()).toBe(true);
});

test("from a path with spaces and non-ASCII characters (/tmp/…/개발 폴더/app)", async ({ page }) => {
  const parent = mkdtempSync(path.join(os.tmpdir(), "launcher-names-"));
  cleanups.push(parent);
  // Enterable by all this time: the binaries and data are used in place, under the odd names.
  chmodSync(parent, 0o755);
  const app = path.join(parent, "개발 폴더", "app");
  cloneCheckout(app);
  const launcher = await startLauncher(app);
  launchers.push(launcher);
  await openSetup(page, launcher);
  expect(launcher.output()).not.toMatch(/EACCES|\n\s+at |its data lives in/);
  expect(statSync(path.join(app, ".data", "postgres", "data", "PG_VERSION")).isFile()).toBe(true);
  await launcher.interrupt();
});
