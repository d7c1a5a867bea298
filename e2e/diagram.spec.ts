import { readFileSync } from "node:fs";
import { expect, test, type Locator, type Page } from "@playwright/test";
import type pg from "pg";
import { e2eClient, freshEditor } from "./db";

// One journey: the model is built in the first test, the later ones use it.
test.describe.configure({ mode: "serial" });

let db: pg.Client;
test.beforeAll(async () => {
  db = await e2eClient();
  await freshEditor(db);
});
test.afterAll(async () => {
  await db.end();
});

const canvas = (page: Page) => page.getByTestId("diagram");
const line = (page: Page, field: string) => page.locator(`.react-flow__edge:has(g[data-relation="${field}"])`);
const box = (page: Page, table: string) => page.locator(`.react-flow__node:has([data-table="${table}"])`);

async function openDiagram(page: Page) {
  await page.goto("diagram");
  // ELK starts in a worker: on a busy machine the first layout takes a few seconds.
  await expect(canvas(page)).toHaveAttribute("data-layout", "done", { timeout: 30_000 });
}

async function newTable(page: Page, name: string) {
  await page.getByRole("button", { name: "New table" }).click();
  const dialog = page.getByRole("dialog", { name: "New table" });
  await dialog.getByRole("textbox", { name: "Table name" }).fill(name);
  await expect(dialog.getByRole("combobox", { name: "Key type" })).toHaveValue("BIGSERIAL");
  await dialog.getByRole("button", { name: "Create table" }).click();
  await expect(dialog).toBeHidden();
  await expect(box(page, name)).toBeVisible({ timeout: 30_000 });
}

/** A pointer drag, step by step, as a user does it (React Flow listens to mouse moves). */
async function drag(page: Page, from: Locator, to: Locator, offset = { x: 0, y: 0 }) {
  const a = (await from.boundingBox())!;
  const b = (await to.boundingBox())!;
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(b.x + b.width / 2 + offset.x, b.y + b.height / 2 + offset.y, { steps: 12 });
  await page.mouse.up();
}

/** Drags from a table's edge handle onto another table: the wizard opens prefilled. */
async function relate(page: Page, from: string, to: string, expected: { fk: string; reverse: string }) {
  await page.getByRole("button", { name: "Fit", exact: true }).click();
  await drag(page, box(page, from).locator('.react-flow__handle[data-handleid="s:"]'), box(page, to).locator("[data-table] > div").first());
  const dialog = page.getByRole("dialog", { name: "New relation" });
  await expect(dialog.getByRole("combobox", { name: "From table" })).toHaveValue(await tableId(from));
  await expect(dialog.getByRole("combobox", { name: "To table" })).toHaveValue(await tableId(to));
  await expect(dialog.getByRole("combobox", { name: "To column" })).toHaveValue("id");
  await expect(dialog.getByRole("checkbox", { name: "Create the foreign-key column" })).toBeChecked();
  await expect(dialog.getByText(`BIGINT, the type of ${to}.id (BIGSERIAL)`)).toBeVisible();
  await expect(dialog.getByRole("textbox", { name: "New column name" })).toHaveValue(expected.fk);
  await expect(dialog.getByRole("checkbox", { name: "Create the reverse relation" })).toBeChecked();
  await expect(dialog.getByRole("textbox", { name: "Reverse GraphQL field" })).toHaveValue(expected.reverse);
  await dialog.getByRole("button", { name: "Create relation" }).click();
  await expect(dialog).toBeHidden();
}

const tableId = async (name: string) =>
  String((await db.query<{ id: number }>("SELECT id FROM _metadata.mappings_table WHERE table_name = $1", [name])).rows[0].id);
const relations = async () =>
  (
    await db.query<{ r: string }>(
      `SELECT from_table || '.' || from_column || ' → ' || to_table || '.' || to_column || ' ' || relation_type || ' ' || graphql_field AS r
         FROM _metadata.mappings_relation ORDER BY id`,
    )
  ).rows.map((x) => x.r);
const position = async (table: string) =>
  (
    await db.query<{ x: number; y: number }>(
      "SELECT pos_x AS x, pos_y AS y FROM _metadata.diagram_layout l JOIN _metadata.mappings_table t ON t.id = l.table_id WHERE t.table_name = $1",
      [table],
    )
  ).rows[0] ?? null;
/** Where React Flow draws the box (its transform), in diagram coordinates. */
const drawnAt = async (page: Page, table: string) => {
  const transform = await box(page, table).evaluate((el) => (el as HTMLElement).style.transform);
  const [, x, y] = transform.match(/translate\((-?[\d.]+)px, ?(-?[\d.]+)px\)/)!;
  return { x: Math.round(Number(x)), y: Math.round(Number(y)) };
};

test("users, posts and comments modelled from the diagram alone: drag to relate, the wizard adds user_id BIGINT and the reverse", async ({ page }) => {
  // Three tables and three relations made through dialogs: a minute on a busy 2-core machine.
  test.slow();
  await page.goto("diagram");
  await expect(canvas(page)).toHaveAttribute("data-layout", "empty");
  for (const name of ["users", "posts", "comments"]) await newTable(page, name);

  await relate(page, "posts", "users", { fk: "user_id", reverse: "posts" });
  await relate(page, "comments", "posts", { fk: "post_id", reverse: "comments" });
  await relate(page, "comments", "users", { fk: "user_id", reverse: "comments" });

  const columns = await db.query<{ c: string }>(
    `SELECT table_name || '.' || pg_column || ' ' || pg_type AS c FROM _metadata.mappings_column ORDER BY table_name, sort_order`,
  );
  expect(columns.rows.map((r) => r.c)).toEqual([
    "comments.id BIGSERIAL",
    "comments.post_id BIGINT",
    "comments.user_id BIGINT",
    "posts.id BIGSERIAL",
    "posts.user_id BIGINT",
    "users.id BIGSERIAL",
  ]);
  expect(await relations()).toEqual([
    "posts.user_id → users.id ManyToOne user",
    "users.id → posts.user_id OneToMany posts",
    "comments.post_id → posts.id ManyToOne post",
    "posts.id → comments.post_id OneToMany comments",
    "comments.user_id → users.id ManyToOne user",
    "users.id → comments.user_id OneToMany comments",
  ]);
  // The diagram shows the new columns with their markers and the relations with their fields.
  await expect(box(page, "posts").locator('[data-column="user_id"]')).toContainText("FKuser_idBIGINT");
  await expect(canvas(page).locator('g[data-relation="posts"]')).toHaveCount(1);
  await expect(canvas(page).locator("g[data-relation]")).toHaveCount(6);
  // The boxes grew with their new columns: none covers another.
  const boxes = await canvas(page).locator(".react-flow__node").evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as DOMRect));
  const overlaps = boxes.filter((a, i) => boxes.some((b, j) => i < j && a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom));
  expect(overlaps).toEqual([]);
});

test("a dragged position survives a reload and a backup → restore", async ({ page }) => {
  await openDiagram(page);
  const before = await drawnAt(page, "users");
  await drag(page, box(page, "users").getByText("Users", { exact: true }), box(page, "users").getByText("Users", { exact: true }), { x: 150, y: 90 });
  await expect.poll(() => position("users")).not.toBeNull();
  const moved = (await position("users"))!;
  expect(moved).not.toEqual(before);
  expect(await drawnAt(page, "users")).toEqual(moved);

  await openDiagram(page);
  expect(await drawnAt(page, "users")).toEqual(moved);

  await page.goto("tools");
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download backup" }).click();
  const backupPath = await (await downloading).path();
  expect(JSON.parse(readFileSync(backupPath, "utf8")).tables.diagram_layout).toContainEqual(
    expect.objectContaining({ table_id: Number(await tableId("users")), pos_x: moved.x, pos_y: moved.y }),
  );

  await openDiagram(page);
  await drag(page, box(page, "users").getByText("Users", { exact: true }), box(page, "users").getByText("Users", { exact: true }), { x: -120, y: 160 });
  await expect.poll(async () => (await position("users"))?.x).not.toBe(moved.x);

  await page.goto("tools");
  await page.getByLabel("Backup file").setInputFiles(backupPath);
  await page.getByRole("button", { name: "Restore", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: /Restored [\d,]+ rows from/ })).toBeVisible();
  expect(await position("users")).toEqual(moved);
  await openDiagram(page);
  expect(await drawnAt(page, "users")).toEqual(moved);
});

test("export as SVG holds every table name; PNG downloads too", async ({ page }) => {
  await openDiagram(page);
  const svg = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export SVG" }).click();
  const file = await svg;
  expect(file.suggestedFilename()).toBe("diagram.svg");
  const text = readFileSync((await file.path())!, "utf8");
  expect(text).toMatch(/^<svg/);
  for (const name of ["users", "posts", "comments"]) expect(text).toContain(name);
  const png = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export PNG" }).click();
  const image = readFileSync((await (await png).path())!);
  expect(image.subarray(1, 4).toString()).toBe("PNG");
});

test("find a table: it is centred and its relations stand out; hide columns; its name opens it", async ({ page }) => {
  await openDiagram(page);
  await page.getByRole("searchbox", { name: "Find a table" }).fill("comm");
  await page.getByRole("listbox", { name: "Matching tables" }).getByRole("button", { name: /comments/ }).click();
  await expect(box(page, "comments")).toHaveClass(/selected/);
  // Its four lines stand out (highlightCss), the other two are dimmed.
  const opacities = () => canvas(page).locator(".react-flow__edge").evaluateAll((lines) => lines.map((l) => getComputedStyle(l).opacity).sort());
  await expect.poll(opacities).toEqual(["0.15", "0.15", "1", "1", "1", "1"]);
  await expect(line(page, "post").locator(".react-flow__edge-path")).toHaveCSS("stroke", "rgb(37, 99, 235)");
  await page.getByRole("checkbox", { name: "Hide columns" }).check();
  await expect(box(page, "posts").locator("[data-column]")).toHaveCount(0);
  await page.getByRole("checkbox", { name: "Hide columns" }).uncheck();
  await expect(box(page, "posts").locator("[data-column]")).toHaveCount(2);
  await page.getByRole("button", { name: "Fit", exact: true }).click();
  await box(page, "posts").getByRole("link", { name: "posts" }).click();
  await expect(page).toHaveURL(new RegExp(`/tables/${await tableId("posts")}$`));
});

test("zoomed out the boxes draw no rows; zoomed in again, a column's dot starts a relation from that column", async ({ page }) => {
  await openDiagram(page);
  await page.getByRole("button", { name: "Fit", exact: true }).click();
  await expect(box(page, "comments").locator("[data-column]")).toHaveCount(3);
  for (let i = 0; i < 6; i++) await page.getByRole("button", { name: "Zoom Out" }).click();
  await expect(box(page, "comments").locator("[data-column]")).toHaveCount(0);
  await expect(box(page, "comments").locator(".react-flow__handle")).toHaveCount(2);
  // The lines stay, ending where the rows are.
  await expect(canvas(page).locator("g[data-relation]")).toHaveCount(6);
  await page.getByRole("button", { name: "Fit", exact: true }).click();
  const dot = box(page, "comments").locator('.react-flow__handle[data-handleid="s:user_id"]');
  await expect(dot).toBeVisible();
  await drag(page, dot, box(page, "posts").locator("[data-table] > div").first());
  const dialog = page.getByRole("dialog", { name: "New relation" });
  await expect(dialog.getByRole("combobox", { name: "From table" })).toHaveValue(await tableId("comments"));
  await expect(dialog.getByRole("combobox", { name: "From column" })).toHaveValue("user_id");
  await expect(dialog.getByRole("combobox", { name: "To table" })).toHaveValue(await tableId("posts"));
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  expect((await relations()).length).toBe(6);
});

test("while the wheel zooms, a shield over the boxes takes the pointer; once the zoom has ended a box is picked again", async ({ page }) => {
  await openDiagram(page);
  await page.getByRole("button", { name: "Fit", exact: true }).click();
  const header = (await box(page, "posts").locator("[data-table] > div").first().boundingBox())!;
  const at = { x: header.x + header.width / 2, y: header.y + header.height / 2 };
  const pane = (await canvas(page).boundingBox())!;
  // What the pointer meets: a table's box, or else the element's class (the pane, or the shield's viewport).
  const under = (x: number, y: number) =>
    page.evaluate(([x, y]) => {
      const el = document.elementFromPoint(x, y);
      return el?.closest("[data-table]")?.getAttribute("data-table") ?? el?.getAttribute("class") ?? null;
    }, [x, y]);
  expect(await under(at.x, at.y)).toBe("posts");
  // The floor under the boxes takes no pointer: the pane's empty corner is the pane.
  expect(await under(pane.x + 8, pane.y + 8)).toContain("react-flow__pane");
  // At rest (once idle after the Fit) the view is already a compositor layer, so the wheel's first step makes none.
  const layer = () => page.evaluate(() => document.querySelector<HTMLElement>(".react-flow__viewport")!.style.willChange);
  await expect.poll(layer).toBe("transform");
  // Looked at as the move starts (it ends 150 ms after the wheel's last step).
  await page.evaluate(([x, y]) => {
    const viewport = document.querySelector('[data-testid="diagram"] .react-flow__viewport')!;
    (window as unknown as { __shield: string | null }).__shield = null;
    new MutationObserver((_, observer) => {
      if (!viewport.hasAttribute("data-moving")) return;
      (window as unknown as { __shield: string | null }).__shield = document.elementFromPoint(x, y)?.getAttribute("class") ?? "";
      observer.disconnect();
    }).observe(viewport, { attributes: true, attributeFilter: ["data-moving"] });
  }, [at.x, at.y]);
  await page.mouse.move(at.x, at.y);
  await page.mouse.wheel(0, -100);
  await expect.poll(() => page.evaluate(() => (window as unknown as { __shield: string | null }).__shield)).toContain("react-flow__viewport");
  await expect(canvas(page).locator(".react-flow__viewport")).not.toHaveAttribute("data-moving");
  // The zoom changed the scale: the layer is made again (drawn sharp at the new zoom) once idle.
  await expect.poll(layer).toBe("transform");
  // Zoomed around the pointer, the same box is under it, and a click picks it.
  expect(await under(at.x, at.y)).toBe("posts");
  await page.mouse.click(at.x, at.y);
  await expect(box(page, "posts")).toHaveClass(/\bselected\b/);
});

test("a drag of the pane right after a wheel zoom: the shield stays until the drag ends, and the drag moves the view", async ({ page }) => {
  await openDiagram(page);
  await page.getByRole("button", { name: "Fit", exact: true }).click();
  const pane = (await canvas(page).boundingBox())!;
  const at = { x: pane.x + 8, y: pane.y + 8 };
  const offset = () =>
    page.evaluate(() => {
      const m = new DOMMatrix(getComputedStyle(document.querySelector(".react-flow__viewport")!).transform);
      return { x: m.e, y: m.f };
    });
  await page.mouse.move(at.x, at.y);
  await page.mouse.wheel(0, -100);
  // Pressed within the zoom's 150 ms (its end comes 150 ms after the wheel's step) and dragged for longer than that.
  await page.mouse.down();
  const before = await offset();
  for (let i = 1; i <= 10; i++) {
    await page.mouse.move(at.x + i * 10, at.y + i * 5);
    await page.waitForTimeout(40);
  }
  // The zoom's end came meanwhile: it leaves the shield to the drag (and drew no rows in the middle of it).
  await expect(canvas(page).locator(".react-flow__viewport")).toHaveAttribute("data-moving", "");
  await page.mouse.up();
  await expect(canvas(page).locator(".react-flow__viewport")).not.toHaveAttribute("data-moving");
  const after = await offset();
  expect(Math.round(after.x - before.x)).toBe(100);
  expect(Math.round(after.y - before.y)).toBe(50);
});

/** What each frame showed while recording (startFrames … stopFrames): the view's zoom, a user's move, the dots. */
interface Frame {
  zoom: number;
  moving: boolean;
  /** The composite modes of the viewport's animations. */
  animations: string[];
  /** The computed transform is the inline one React Flow wrote (an animation changes nothing you see). */
  asWritten: boolean;
  dots: boolean;
}

const startFrames = (page: Page) =>
  page.evaluate(() => {
    const w = window as unknown as { __frames: Frame[]; __stop: boolean };
    w.__frames = [];
    w.__stop = false;
    const viewport = document.querySelector<HTMLElement>('[data-testid="diagram"] .react-flow__viewport')!;
    const tick = () => {
      const computed = new DOMMatrix(getComputedStyle(viewport).transform);
      const written = new DOMMatrix(viewport.style.transform);
      w.__frames.push({
        zoom: computed.a,
        moving: viewport.hasAttribute("data-moving"),
        animations: viewport.getAnimations().map((a) => (a.effect as KeyframeEffect).composite),
        // To a thousandth (of a pixel, of the scale): the computed matrix is single precision.
        asWritten: (["a", "d", "e", "f"] as const).every((k) => Math.abs(computed[k] - written[k]) < 1e-3),
        dots: document.querySelector('[data-testid="diagram"] .react-flow__background') !== null,
      });
      if (!w.__stop) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
const stopFrames = (page: Page) =>
  page.evaluate(() => {
    const w = window as unknown as { __frames: Frame[]; __stop: boolean };
    w.__stop = true;
    return w.__frames;
  });
const zoomOf = (page: Page) => page.evaluate(() => new DOMMatrix(getComputedStyle(document.querySelector(".react-flow__viewport")!).transform).a);

test("a wheel zoom: a do-nothing animation while the view is one layer, and the dots come once a zoom in has ended", async ({ page }) => {
  await openDiagram(page);
  await page.getByRole("button", { name: "Fit", exact: true }).click();
  const pane = (await canvas(page).boundingBox())!;
  await page.mouse.move(pane.x + pane.width / 2, pane.y + pane.height / 2);
  const viewport = canvas(page).locator(".react-flow__viewport");
  await expect.poll(() => viewport.evaluate((v) => (v as HTMLElement).style.willChange)).toBe("transform");
  expect(await zoomOf(page)).toBeGreaterThan(0.25);
  await expect(canvas(page).locator(".react-flow__background")).toHaveCount(1);

  // A step in, at a zoom the layer is kept at: the move runs the additive animation, which changes nothing seen.
  await startFrames(page);
  await page.mouse.wheel(0, -100);
  await expect(viewport).not.toHaveAttribute("data-moving");
  let frames = await stopFrames(page);
  const during = frames.filter((f) => f.moving);
  expect(during.length).toBeGreaterThan(0);
  expect(during.every((f) => f.animations.length === 1 && f.animations[0] === "add")).toBe(true);
  expect(frames.every((f) => f.asWritten)).toBe(true);
  expect(await viewport.evaluate((v) => v.getAnimations().length)).toBe(0);

  // Out below 0.25: the dots go.
  for (let i = 0; i < 3; i++) await page.mouse.wheel(0, 500);
  await expect(viewport).not.toHaveAttribute("data-moving");
  expect(await zoomOf(page)).toBeLessThan(0.25);
  await expect(canvas(page).locator(".react-flow__background")).toHaveCount(0);

  // In past 0.25 again: no dots while the zoom lasts (nor past the layer's drop, where no animation runs), then they come.
  await startFrames(page);
  for (let i = 0; i < 3; i++) await page.mouse.wheel(0, -500);
  await expect(viewport).not.toHaveAttribute("data-moving");
  await expect(canvas(page).locator(".react-flow__background")).toHaveCount(1);
  frames = await stopFrames(page);
  const past = frames.filter((f) => f.moving && f.zoom >= 0.25);
  expect(past.length).toBeGreaterThan(0);
  expect(past.some((f) => f.dots)).toBe(false);
  expect(past.some((f) => f.animations.length > 0)).toBe(false);
  expect(frames.every((f) => f.asWritten)).toBe(true);
});

test("after a search's jump the boxes' rows wait for a pause in the typing: a search typed meanwhile does not wait for them", async ({ page }) => {
  await openDiagram(page);
  await page.getByRole("button", { name: "Fit", exact: true }).click();
  for (let i = 0; i < 6; i++) await page.getByRole("button", { name: "Zoom Out" }).click();
  await expect(box(page, "comments").locator("[data-column]")).toHaveCount(0);
  const search = page.getByRole("searchbox", { name: "Find a table" });
  await search.fill("comments");
  await page.getByRole("listbox", { name: "Matching tables" }).waitFor();
  // From before the Enter on, a key every 50 ms for a second: the found box is selected and centred at once, and no
  // box draws its rows while the keys keep coming.
  const typing = page.evaluate(
    () =>
      new Promise<{ selected: boolean; rows: number }>((resolve) => {
        let selected = false;
        let rows = 0;
        let n = 0;
        const id = setInterval(() => {
          document.dispatchEvent(new KeyboardEvent("keydown", { key: "F13", bubbles: true }));
          selected ||= document.querySelector('.react-flow__node.selected [data-table="comments"]') !== null;
          rows = Math.max(rows, document.querySelectorAll("[data-testid='diagram'] [data-column]").length);
          if (++n === 20) {
            clearInterval(id);
            resolve({ selected, rows });
          }
        }, 50);
      }),
  );
  await search.press("Enter");
  expect(await typing).toEqual({ selected: true, rows: 0 });
  // Once the keys stop, the rows come.
  await expect(box(page, "comments").locator("[data-column]")).toHaveCount(3);
});

test("a relation deleted on the diagram: select its line, Delete, its reverse goes too; Undo brings both back", async ({ page }) => {
  await openDiagram(page);
  await page.getByRole("button", { name: "Fit", exact: true }).click();
  await expect(canvas(page).locator("g[data-relation]")).toHaveCount(6);
  // A relation and its reverse share their line: the keyboard picks the one (a focused line, Enter selects it).
  await line(page, "post").focus();
  await page.keyboard.press("Enter");
  await expect(canvas(page).locator('g[data-relation="post"]')).toHaveAttribute("data-selected", "true");
  await expect(page.getByText("relation post selected")).toBeVisible();
  await page.keyboard.press("Delete");
  const dialog = page.getByRole("dialog", { name: "Delete relation?" });
  await expect(dialog).toContainText("comments.post_id → posts.id (ManyToOne post)");
  await expect(dialog.getByRole("checkbox", { name: "Also delete its reverse relation" })).toBeChecked();
  await expect(dialog).toContainText("posts.id → comments.post_id (OneToMany comments)");
  await dialog.getByRole("button", { name: "Delete" }).click();
  await expect(dialog).toBeHidden();
  await expect.poll(async () => (await relations()).filter((r) => r.includes("comments.post_id"))).toEqual([]);
  // Both lines go from the diagram; the boxes and their columns stay.
  await expect(canvas(page).locator("g[data-relation]")).toHaveCount(4);
  await expect(canvas(page).locator('g[data-relation="post"]')).toHaveCount(0);
  await expect(box(page, "comments").locator('[data-column="post_id"]')).toBeVisible();

  await page.getByRole("button", { name: "Undo" }).click();
  await expect.poll(async () => (await relations()).length).toBe(6);
  await expect(canvas(page).locator("g[data-relation]")).toHaveCount(6);

  // A click on the line selects the one drawn on top; the button does what Delete does; Cancel keeps everything.
  await line(page, "post").click({ force: true });
  await expect(page.getByText(/relation (post|comments) selected/)).toBeVisible();
  await page.getByRole("button", { name: "Delete relation" }).click();
  await expect(dialog.getByRole("checkbox", { name: "Also delete its reverse relation" })).toBeChecked();
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  expect((await relations()).length).toBe(6);
});

test("deleting a relation offers its reverse, and both go", async ({ page }) => {
  await page.goto("relations");
  await page.getByRole("button", { name: "Delete relation posts.user_id" }).click();
  const dialog = page.getByRole("dialog", { name: "Delete relation?" });
  await expect(dialog.getByRole("checkbox", { name: "Also delete its reverse relation" })).toBeChecked();
  await expect(dialog).toContainText("users.id → posts.user_id (OneToMany posts)");
  await dialog.getByRole("button", { name: "Delete" }).click();
  await expect(dialog).toBeHidden();
  expect((await relations()).filter((r) => r.includes("posts.user_id"))).toEqual([]);
  expect((await relations()).length).toBe(4);
});

test("ELK's worker is started by the page's HTML, before its JavaScript, and lays the diagram out", async ({ page }) => {
  const html = await (await page.request.get("diagram")).text();
  expect(html).toContain('new Worker("/metadata-editor/elk-worker.js")');
  const script = await page.request.get("elk-worker.js");
  expect(script.status()).toBe(200);
  expect(script.headers()["content-type"]).toContain("text/javascript");
  const messages: string[] = [];
  page.on("console", (message) => messages.push(message.text()));
  const worker = page.waitForEvent("worker");
  await openDiagram(page);
  expect((await worker).url()).toMatch(/\/metadata-editor\/elk-worker\.js$/);
  // Had the worker failed, the layout would have run on the page's thread and said so in the console.
  expect(messages.filter((m) => m.includes("[diagram]"))).toEqual([]);
  // One worker: the layout took the one the HTML started.
  expect(page.workers()).toHaveLength(1);
});

test("with four tables or more to place, the page's HTML asks ELK for the first layout and the page takes its answer", async ({ page }) => {
  // Self-contained: four tables of its own, none with a dragged place.
  await db.query("DELETE FROM _metadata.diagram_layout");
  await db.query(
    `INSERT INTO _metadata.mappings_table (table_name, label, graphql_type, primary_key)
     SELECT t, t, initcap(t), 'id' FROM unnest(ARRAY['early_a', 'early_b', 'early_c', 'early_d']) t ON CONFLICT DO NOTHING`,
  );
  const html = await (await page.request.get("diagram")).text();
  expect(html).toContain('"early-graph"');
  // Every layout asked of ELK's worker, by its message id: the warm-up ("early"), the HTML's ("early-graph": posted,
  // or in the name of the worker that replaces the HTML's when that one has not answered yet), and any the page asks
  // itself (elk-api numbers them).
  await page.addInitScript(`(() => {
    const post = Worker.prototype.postMessage;
    const Original = window.Worker;
    window.__layouts = [];
    Worker.prototype.postMessage = function (message) {
      if (message && message.cmd === "layout") window.__layouts.push(message.id);
      return post.apply(this, arguments);
    };
    window.Worker = function (url, options) {
      const name = (options && options.name) || "";
      const at = name.indexOf(":{");
      if (name.startsWith("diagram-first-layout:")) window.__layouts.push(JSON.parse(name.slice(at + 1)).id);
      return new Original(url, options);
    };
    window.Worker.prototype = Original.prototype;
  })()`);
  await openDiagram(page);
  await expect(box(page, "early_d")).toBeVisible();
  expect(await page.evaluate("window.__layouts")).toEqual(["early", "early-graph"]);
  // Opened again, the layout kept in this browser is drawn and ELK is not asked at all.
  await openDiagram(page);
  await expect(box(page, "early_d")).toBeVisible();
  expect(await page.evaluate("window.__layouts")).toEqual(["early"]);
});

test("search-and-focus far away: the table found is drawn in the jump's frame, the boxes far from the new view become empty frames after it; a drag in the overview map draws what it reaches while it goes on", async ({ page }) => {
  // Two tables of their own, kept where a drag would have put them: 40,000 px apart, so at 100 % each is far outside
  // the other's area (detail-view.ts: the view and one view's size beyond each side).
  await db.query(
    `INSERT INTO _metadata.mappings_table (table_name, label, graphql_type, primary_key)
     SELECT t, t, initcap(t), 'id' FROM unnest(ARRAY['far_west', 'far_east']) t ON CONFLICT DO NOTHING`,
  );
  await db.query(
    `INSERT INTO _metadata.diagram_layout (table_id, pos_x, pos_y)
     SELECT id, CASE table_name WHEN 'far_west' THEN -20000 ELSE 20000 END, 0 FROM _metadata.mappings_table
      WHERE table_name IN ('far_west', 'far_east')
     ON CONFLICT (table_id) DO UPDATE SET pos_x = EXCLUDED.pos_x, pos_y = EXCLUDED.pos_y`,
  );
  await openDiagram(page);
  const node = async (name: string) => canvas(page).locator(`.react-flow__node[data-id="${await tableId(name)}"]`);
  const search = page.getByRole("searchbox", { name: "Find a table" });
  for (const [found, far] of [
    ["far_west", "far_east"],
    ["far_east", "far_west"],
  ]) {
    await search.fill(found);
    await page.getByRole("listbox", { name: "Matching tables" }).waitFor();
    // Each frame from the Enter on: whether the box found is drawn (its content, not an empty frame) and selected.
    const frames = page.evaluate(
      (name) =>
        new Promise<boolean[]>((resolve) => {
          const seen: boolean[] = [];
          const tick = () => {
            seen.push(document.querySelector(`.react-flow__node.selected [data-table="${name}"]`) !== null);
            if (seen.length < 10) requestAnimationFrame(tick);
            else resolve(seen);
          };
          requestAnimationFrame(tick);
        }),
      found,
    );
    await search.press("Enter");
    const drawn = await frames;
    // Drawn from the frame the jump shows on (the first or the second frame after the key), and then in every one.
    expect(drawn.slice(2)).not.toContain(false);
    // The other one is outside the new view's area: once the jump's frames are drawn it is an empty frame of its size.
    await expect((await node(far)).locator("[data-table]")).toHaveCount(0);
    await expect((await node(found)).locator(`[data-table="${found}"]`)).toBeVisible();
  }
  // A drag in the overview map is a move with no user's event on the diagram, as a jump is. From far_east to
  // far_west and on: the pointer moves every 4 ms (several times a frame) for 600 ms, by the way left to far_west and
  // then a pixel to and fro. far_west is drawn while the drag goes on: each of the drag's frames does not put the
  // waiting area off again.
  const map = canvas(page).getByRole("img", { name: "Overview map" });
  const m = (await map.boundingBox())!;
  const start = { x: m.x + m.width - 8, y: m.y + m.height / 2 };
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  const drawnWhileDragging = await page.evaluate(
    ({ id, start, target }) =>
      new Promise<boolean>((resolve) => {
        const svg = document.querySelector<SVGSVGElement>('[data-testid="diagram"] .react-flow__minimap-svg')!;
        const viewport = document.querySelector('[data-testid="diagram"] .react-flow__viewport')!;
        const pane = document.querySelector('[data-testid="diagram"] .react-flow')!.getBoundingClientRect();
        const drawn = () => document.querySelector(`.react-flow__node[data-id="${id}"] [data-table]`) !== null;
        let seen = false;
        let { x } = start;
        let i = 0;
        const tick = setInterval(() => {
          seen ||= drawn();
          const t = new DOMMatrix(getComputedStyle(viewport).transform);
          const left = target - (pane.width / 2 - t.e) / t.a;
          const step = (left / svg.viewBox.baseVal.width) * svg.getBoundingClientRect().width;
          x += Math.abs(step) < 1 ? (i % 2 ? 1 : -1) : Math.max(-20, Math.min(20, step));
          window.dispatchEvent(new MouseEvent("mousemove", { clientX: x, clientY: start.y, buttons: 1, bubbles: true, view: window }));
          if (++i < 150) return;
          clearInterval(tick);
          resolve(seen);
        }, 4);
      }),
    { id: await tableId("far_west"), start, target: -20000 + 120 },
  );
  await page.mouse.up();
  expect(drawnWhileDragging).toBe(true);
  // A table near the one found (users, posts … are laid out around the origin, far from both) is drawn again once
  // the view comes back to them.
  await page.getByRole("button", { name: "Fit", exact: true }).click();
  await search.fill("users");
  await search.press("Enter");
  await expect(box(page, "users")).toHaveClass(/selected/);
  await expect((await node("posts")).locator('[data-table="posts"]')).toBeVisible();
  await expect((await node("far_east")).locator("[data-table]")).toHaveCount(0);
});
