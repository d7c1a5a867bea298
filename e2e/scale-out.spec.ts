import { expect, test, type Page } from "@playwright/test";
import type pg from "pg";
import { PEER } from "../playwright.config";
import { e2eClient, freshEditor } from "./db";

// Scale-out: two app instances ("main" and "peer", see playwright.config.ts) on one PostgreSQL. Nothing is kept
// in an instance: a stale edit made through one instance is caught as a conflict against the other's, and the
// history holds every change from both.
let db: pg.Client;
let tableId: number;

test.beforeAll(async () => {
  db = await e2eClient();
  await freshEditor(db);
  // The History page below counts every table UPDATE in the log: start it empty, whatever earlier specs logged.
  await db.query("TRUNCATE _metadata.metadata_sync_log RESTART IDENTITY");
  tableId = (
    await db.query<{ id: number }>("INSERT INTO _metadata.mappings_table (table_name, label) VALUES ('orders', 'Orders') RETURNING id")
  ).rows[0].id;
});
test.afterAll(async () => {
  await db.end();
});

const label = async () =>
  (await db.query<{ label: string }>("SELECT label FROM _metadata.mappings_table WHERE id = $1", [tableId])).rows[0].label;

async function editLabel(page: Page, text: string) {
  await page.getByTestId(`cell-${tableId}-label`).dblclick();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.type(text);
  await page.keyboard.press("Enter");
}

test("the same row edited through two instances: the stale edit is a conflict, both changes are in the history", async ({ browser, baseURL }) => {
  test.setTimeout(180_000);
  const a = await (await browser.newContext({ baseURL })).newPage();
  const peerContext = await browser.newContext({ baseURL: PEER.url });
  const b = await peerContext.newPage();
  await a.goto("tables");
  await b.goto(`tables?token=${PEER.token}`);
  await expect(b).toHaveURL(`${PEER.url}tables`);
  await expect(a.getByTestId(`cell-${tableId}-label`)).toHaveText("Orders");
  await expect(b.getByTestId(`cell-${tableId}-label`)).toHaveText("Orders");

  await editLabel(a, "Orders (main)");
  await expect(a.getByTestId(`cell-${tableId}-label`)).toHaveText("Orders (main)");
  await expect.poll(label).toBe("Orders (main)");

  // The peer still holds the version it loaded: its edit must not overwrite main's silently.
  await editLabel(b, "Orders (peer)");
  const conflict = b.getByRole("dialog", { name: "Changed by someone else" });
  await expect(conflict).toContainText("Orders (main)");
  await expect(conflict).toContainText("Orders (peer)");
  expect(await label()).toBe("Orders (main)");
  await conflict.getByRole("button", { name: "Overwrite with mine" }).click();
  await expect(b.getByTestId(`cell-${tableId}-label`)).toHaveText("Orders (peer)");
  expect(await label()).toBe("Orders (peer)");

  // Main, reloaded, shows the peer's value, and its own stale grid would have conflicted in turn.
  await a.reload();
  await expect(a.getByTestId(`cell-${tableId}-label`)).toHaveText("Orders (peer)");

  // History, read through either instance, holds both changes in order.
  const log = await db.query<{ old_label: string; new_label: string }>(
    `SELECT old_data->>'label' AS old_label, new_data->>'label' AS new_label FROM _metadata.metadata_sync_log
      WHERE table_name = 'mappings_table' AND operation = 'UPDATE' AND record_id = $1 ORDER BY id`,
    [tableId],
  );
  expect(log.rows).toEqual([
    { old_label: "Orders", new_label: "Orders (main)" },
    { old_label: "Orders (main)", new_label: "Orders (peer)" },
  ]);
  for (const page of [a, b]) {
    await page.goto("history?table=mappings_table&operation=UPDATE");
    await expect(page.getByRole("list", { name: "History entries" }).getByRole("listitem")).toHaveCount(2);
  }
  await a.context().close();
  await peerContext.close();
});
