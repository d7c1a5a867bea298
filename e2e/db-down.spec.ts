import { readFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { expect, test } from "@playwright/test";
import type pg from "pg";
import { freePort } from "../lib/db/embedded";
import { e2eClient, freshEditor } from "./db";
import { startLauncher, waitForPage, type Launcher } from "./launcher";

/**
 * Issue 11, point 8: a database that stops answering is an outage, not "set up this project". The app reaches
 * the e2e database through a TCP relay this spec opens and closes; the app itself is never restarted.
 */
test.describe.configure({ timeout: 180_000 });

class Relay {
  private server: net.Server | null = null;
  private sockets = new Set<net.Socket>();
  constructor(readonly port: number, private readonly target: number) {}
  async open() {
    this.server = net.createServer((client) => {
      const upstream = net.connect(this.target, "127.0.0.1");
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on("close", () => this.sockets.delete(s));
        s.on("error", () => s.destroy());
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => this.server!.listen(this.port, "127.0.0.1", resolve));
  }
  async close() {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    this.server = null;
  }
}

let db: pg.Client;
let relay: Relay;
let launcher: Launcher | null = null;

test.beforeAll(async () => {
  db = await e2eClient();
  await freshEditor(db);
  await db.query("INSERT INTO _metadata.mappings_table (table_name, label) VALUES ('invoices', 'Invoices')");
  const { url } = JSON.parse(readFileSync(path.join(".data", "e2e", "running.json"), "utf8")) as { url: string };
  const target = new URL(url);
  relay = new Relay(await freePort(), Number(target.port));
  await relay.open();
  target.port = String(relay.port);
  launcher = await startLauncher(process.cwd(), { DATABASE_URL: target.toString() });
  await waitForPage(`${launcher.url}setup`, launcher);
});
test.afterAll(async () => {
  await launcher?.interrupt();
  await relay?.close();
  await db?.end();
});

test("the database stops answering: a banner says so, the page and what was typed stay, and it clears by itself", async ({ page }) => {
  const url = launcher!.url;
  await page.goto(`${url}tables`);
  await expect(page.getByRole("grid", { name: "Tables" })).toContainText("invoices");
  await page.getByPlaceholder(/Filter tables/).fill("inv");

  await relay.close();
  // The watch checks every 15 s, and at once when the window gets focus.
  await page.evaluate(() => window.dispatchEvent(new Event("focus")));
  const banner = page.getByRole("alert").filter({ hasText: "is not answering" });
  await expect(banner).toBeVisible({ timeout: 20_000 });
  await expect(banner).toContainText(`127.0.0.1:${relay.port}`);
  await expect(page).toHaveURL(/\/tables$/);
  await expect(page.getByPlaceholder(/Filter tables/)).toHaveValue("inv");

  // Another editor page during the outage: the shell and the banner, not the setup wizard.
  const other = await page.context().newPage();
  await other.goto(`${url}relations`);
  await expect(other).toHaveURL(/\/relations$/);
  await expect(other.getByRole("alert").filter({ hasText: "is not answering" })).toBeVisible();
  await expect(other.getByText("It loads by itself as soon as the database answers again.")).toBeVisible();

  await relay.open();
  await expect(banner).toBeHidden({ timeout: 20_000 });
  await expect(page.getByPlaceholder(/Filter tables/)).toHaveValue("inv");
  // The page left during the outage loads its content without a reload by the user.
  await expect(other.getByRole("heading", { name: "Relations", level: 1 })).toBeVisible({ timeout: 20_000 });
  await expect(other.getByRole("alert").filter({ hasText: "is not answering" })).toBeHidden();
});
