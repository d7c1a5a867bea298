import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

/**
 * e2e against the production build (`npm start` builds when needed). Four servers, started one after
 * another (the first builds): "main" on its own embedded PostgreSQL in .data/e2e (wiped before each run,
 * fixed port so the others can reach it), "unreachable" pointed at a closed port, "limited" connected
 * as a role without privileges, and "peer", a second instance on main's database through PgBouncer (scale-out,
 * access token; e2e/peer-server.ts). Specs share the databases, so they run serially.
 * Chromium: Debian's /usr/bin/chromium when present (no browser download needed), else Playwright's own.
 */
export const E2E_DATA_DIR = ".data/e2e";
export const E2E_PG_PORT = Number(process.env.E2E_PG_PORT ?? 54398);
// E2E_PORT_BASE moves the three app servers (base, base-1, base-2) so two checkouts can run e2e at once.
const portBase = Number(process.env.E2E_PORT_BASE ?? 20199);
const ports = { main: portBase, unreachable: portBase - 1, limited: portBase - 2, peer: portBase - 3 };
const systemChromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => existsSync(p));

const baseURL = (port: number) => `http://127.0.0.1:${port}/metadata-editor/`;
/** A second instance on main's database (scale-out), behind an access token and with one extra host name. */
export const PEER = { url: baseURL(ports.peer), token: "e2e-peer-token-5c1d", allowedHost: "editor.test" };
// The e2e servers must use the databases named here, whatever .env says.
const cleanDbEnv = { DATABASE_URL: "", DB_HOST: "", DB_NAME: "", DB_USER: "", DB_PASSWORD: "", HOST: "127.0.0.1" };

function server(name: keyof typeof ports, env: Record<string, string>, command = "npx tsx scripts/start.ts") {
  return {
    command,
    url: `${baseURL(ports[name])}setup`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: "pipe" as const,
    stderr: "pipe" as const,
    env: { ...cleanDbEnv, PORT: String(ports[name]), ...env },
  };
}

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  // On CI a test that fails once is run once more and reported as flaky (counted apart in the JSON report),
  // so one timing hiccup on a loaded machine does not hide the rest of the run's result.
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: "test-results/e2e-results.json" }]],
  use: {
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    ...devices["Desktop Chrome"],
    launchOptions: systemChromium
      ? {
          executablePath: systemChromium,
          args: [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
          ],
        }
      : {},
  },
  projects: [
    { name: "main", testIgnore: /(unreachable|limited)\.spec\.ts/, use: { baseURL: baseURL(ports.main) } },
    { name: "unreachable", testMatch: /unreachable\.spec\.ts/, use: { baseURL: baseURL(ports.unreachable) } },
    { name: "limited", testMatch: /limited\.spec\.ts/, use: { baseURL: baseURL(ports.limited) } },
  ],
  webServer: [
    server(
      "main",
      {
        METADATA_EDITOR_DATA_DIR: E2E_DATA_DIR,
        METADATA_EDITOR_PG_PORT: String(E2E_PG_PORT),
        PROJECT_ID: "e2e-shop",
        PROJECT_NAME: "E2E Shop",
        PROJECT_ROOT_PATH: "/workspace/e2e-shop",
      },
      `rm -rf ${E2E_DATA_DIR} && npx tsx scripts/start.ts`,
    ),
    server("unreachable", { DATABASE_URL: "postgres://nobody:secret@127.0.0.1:9/nowhere" }),
    server("limited", { DATABASE_URL: `postgres://e2e_limited:limited-pw@127.0.0.1:${E2E_PG_PORT}/e2e_limited` }),
    server(
      "peer",
      { ACCESS_TOKEN: PEER.token, ALLOWED_HOSTS: PEER.allowedHost },
      "npx tsx e2e/peer-server.ts",
    ),
  ],
});
