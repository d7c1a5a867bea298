/**
 * `npm run docs:screenshots`: retakes the README's screenshots (docs/*.png) the way a new user gets there. The
 * editor on its own embedded PostgreSQL (.data/screenshots, wiped), the `_metadata` schema made and the project
 * row filled, and the spec-style shop database (test/fixtures/sync-shop.sql) standing in for the database a team
 * already has. Then, in Chromium at 1440 × 900: the import preview, the import, a change made in psql as drift,
 * the change plan, the diagram, a table's Code tab and Form preview, and the columns grid in Korean, dark.
 * Korean needs a CJK font on the machine (Debian: fonts-noto-cjk), or it shows as boxes.
 * SHOTS_PORT / SHOTS_PG_PORT change the ports (20171 / 54371).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type pg from "pg";
import { chromium, type Browser, type Page } from "playwright-core";
import { runInit } from "../lib/metadata/init";
import { laidOut } from "./bench/diagram";
import { chromiumLaunchOptions, connect, runScript, withFreshEditor } from "./bench/server";

const DATA_DIR = path.resolve(".data/screenshots");
const DOCS = path.resolve("docs");
const log = (line: string) => console.log(`[screenshots] ${line}`);

// What someone changes in psql behind the metadata's back, for the Drift and Plan pictures.
const PSQL_CHANGES = `
  ALTER TABLE shop.customers ADD COLUMN nickname varchar(40);
  ALTER TABLE shop.customers ALTER COLUMN full_name DROP NOT NULL;
`;

async function shot(page: Page, name: string) {
  await page.waitForLoadState("networkidle");
  await page.screenshot({ path: path.join(DOCS, name) });
  log(`docs/${name}`);
}

async function newPage(browser: Browser, base: string, options: { locale: string; colorScheme: "light" | "dark" }) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, baseURL: `${base}/`, ...options });
  return context.newPage();
}

async function main() {
  const options = {
    port: Number(process.env.SHOTS_PORT ?? 20171),
    pgPort: Number(process.env.SHOTS_PG_PORT ?? 54371),
    dataDir: DATA_DIR,
    logFile: path.resolve("test-results", "screenshots-server.log"),
  };
  await withFreshEditor(options, log, fillShop, async (server, _, dbUrl) => {
    const db = await connect(dbUrl, log);
    const browser = await chromium.launch({ ...chromiumLaunchOptions(), headless: true });
    try {
      const page = await newPage(browser, server.base, { locale: "en-US", colorScheme: "light" });
      await page.goto("database/import");
      await page.getByRole("button", { name: "Preview import" }).click();
      await page.getByRole("list", { name: "Skipped" }).waitFor();
      await shot(page, "import-preview.png");
      await page.getByRole("button", { name: "Import", exact: true }).click();
      await page.getByRole("status").filter({ hasText: "Imported" }).waitFor();

      await db.query(PSQL_CHANGES);
      await page.goto("database/drift");
      await page.getByRole("table", { name: "Drift" }).waitFor();
      await shot(page, "drift.png");
      await page.getByText("Review plan for all").click();
      await page.getByText("ALTER TABLE", { exact: false }).first().waitFor();
      await shot(page, "plan.png");

      await page.goto("diagram");
      await laidOut(page);
      await page.getByRole("button", { name: "Fit", exact: true }).click();
      await shot(page, "diagram.png");

      const { rows } = await db.query<{ id: string }>("SELECT id FROM _metadata.mappings_table WHERE schema_name = 'shop' AND table_name = 'customers'");
      await page.goto(`tables/${rows[0].id}`);
      await page.getByRole("tab", { name: "Code" }).click();
      await page.getByRole("tab", { name: "zod" }).click();
      await shot(page, "code.png");
      await page.getByRole("tab", { name: "Form preview" }).click();
      const form = page.getByRole("form", { name: /form preview/ });
      await form.getByRole("button", { name: "Validate" }).click();
      await form.getByRole("alert").first().waitFor();
      await shot(page, "form-preview.png");

      const korean = await newPage(browser, server.base, { locale: "ko-KR", colorScheme: "dark" });
      await korean.goto(`tables/${rows[0].id}`);
      await korean.getByRole("grid").first().waitFor();
      await shot(korean, "columns-grid-ko-dark.png");
    } finally {
      await browser.close();
      await db.end();
    }
  });
}

/** The `_metadata` schema made, the project row filled, and the shop database a team already has. */
async function fillShop(db: pg.Client) {
  await runInit(db);
  await db.query(
    `INSERT INTO _metadata.project (id, project_id, project_name, description, root_path, status, default_schema)
     VALUES (1, 'shop', 'Shop', 'An online shop', '/workspace/shop', 'DEVELOPMENT', 'shop')`,
  );
  await db.query(readFileSync(path.join("test", "fixtures", "sync-shop.sql"), "utf8"));
}

runScript("[screenshots] failed:", main);
