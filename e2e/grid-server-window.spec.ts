import { expect, test } from "@playwright/test";
import type pg from "pg";
import { e2eClient, freshEditor } from "./db";

/**
 * The server draws a long grid's first window only (it builds no row for the rest: components/data-grid's
 * SERVER_ROWS); the page must hydrate onto that HTML without a mismatch and then scroll to every row.
 */
test.describe.configure({ mode: "serial" });

let db: pg.Client;
let tableId: string;
test.beforeAll(async () => {
  db = await e2eClient();
  await freshEditor(db);
  tableId = (
    await db.query<{ id: string }>("INSERT INTO _metadata.mappings_table (table_name, label) VALUES ('long', 'Long') RETURNING id")
  ).rows[0].id;
  await db.query(
    `INSERT INTO _metadata.mappings_column (table_id, schema_name, table_name, pg_column, pg_type, label, sort_order)
     SELECT t.id, t.schema_name, t.table_name, format('field_%s', i), 'TEXT', format('Field %s', i), i
       FROM _metadata.mappings_table t CROSS JOIN generate_series(1, 400) i WHERE t.id = $1`,
    [tableId],
  );
});
const cellOf = async (pgColumn: string) =>
  `cell-${(await db.query<{ id: string }>("SELECT id FROM _metadata.mappings_column WHERE pg_column = $1", [pgColumn])).rows[0].id}-pg_column`;
test.afterAll(async () => {
  await db.end();
});

test("a 400-row grid: the server's first rows hydrate without a mismatch, and scrolling reaches the last row", async ({ page, request }) => {
  // What the server sends: the row count and height of all 400 rows, the first rows only.
  const html = await (await request.get(`tables/${tableId}`)).text();
  expect(html).toContain('aria-rowcount="401"');
  const served = [...html.matchAll(/aria-rowindex="(\d+)"/g)].map((m) => Number(m[1]));
  expect(served).toContain(2);
  expect(Math.max(...served)).toBeLessThan(60);

  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" || message.type() === "warning") problems.push(message.text());
  });
  page.on("pageerror", (error) => problems.push(error.message));
  await page.goto(`tables/${tableId}`);
  const grid = page.getByRole("grid", { name: "Columns" });
  await expect(grid).toHaveAttribute("aria-rowcount", "401");
  await expect(page.getByTestId(await cellOf("field_1"))).toHaveText("field_1");
  // Hydrated: the filter reaches React and the grid draws its answer.
  const filter = page.getByLabel("Filter columns");
  await filter.fill("field_399");
  await expect(page.getByTestId(await cellOf("field_399"))).toHaveText("field_399");
  await expect(page.getByTestId(await cellOf("field_1"))).toHaveCount(0);
  await filter.fill("");
  await grid.evaluate((el) => el.parentElement!.scrollTo(0, el.scrollHeight));
  await expect(page.getByTestId(await cellOf("field_400"))).toHaveText("field_400");
  expect(problems.filter((p) => /hydrat|did not match|server rendered/i.test(p))).toEqual([]);
});
