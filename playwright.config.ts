import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

/**
 * e2e against the production build (`npm start` builds when needed) on its own embedded PostgreSQL in
 * .data/e2e, wiped before each run. Specs share that one server and database, so they run serially.
 * Chromium: Debian's /usr/bin/chromium when present (no browser download needed), else Playwright's own.
 */
const port = Number(process.env.E2E_PORT ?? 20199);
export const E2E_DATA_DIR = ".data/e2e";
const systemChromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => existsSync(p));

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: "test-results/e2e-results.json" }]],
  use: {
    baseURL: `http://127.0.0.1:${port}/metadata-editor/`,
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
  webServer: {
    command: `rm -rf ${E2E_DATA_DIR} && npx tsx scripts/start.ts`,
    url: `http://127.0.0.1:${port}/metadata-editor/setup`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      PORT: String(port),
      HOST: "127.0.0.1",
      METADATA_EDITOR_DATA_DIR: E2E_DATA_DIR,
      // The e2e server must use its own embedded database, whatever .env says.
      DATABASE_URL: "",
      DB_HOST: "",
      DB_NAME: "",
      DB_USER: "",
      PROJECT_ID: "e2e-shop",
      PROJECT_NAME: "E2E Shop",
      PROJECT_ROOT_PATH: "/workspace/e2e-shop",
    },
  },
});
