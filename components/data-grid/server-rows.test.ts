import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { NextIntlClientProvider } from "next-intl";
import { describe, expect, it } from "vitest";
import type { ColumnDef } from "@tanstack/react-table";
import messages from "../../messages/en.json";
import { DataGrid, SERVER_ROWS, type DataGridProps } from "./data-grid";

interface Item {
  id: number;
  name: string;
  size: number;
}

const columns: ColumnDef<Item, unknown>[] = [
  { accessorKey: "name", header: "Name" },
  { accessorKey: "size", header: "Size" },
];
const data: Item[] = Array.from({ length: 2000 }, (_, i) => ({ id: i + 1, name: `column_${i + 1}`, size: i * 7 }));

/** The grid's HTML, and how many rows it made a Row for (getRowId is called once per Row built). */
function render(props: Partial<DataGridProps<Item>>, asBrowser: boolean) {
  let built = 0;
  const grid = createElement(DataGrid<Item>, {
    data,
    columns,
    getRowId: (row: Item) => {
      built++;
      return String(row.id);
    },
    ariaLabel: "Items",
    layoutKey: null,
    ...props,
  });
  const g = globalThis as { window?: unknown };
  // The first render in the browser (hydration) is this same render with a window: every row's Row built.
  if (asBrowser) g.window = {};
  try {
    const html = renderToString(createElement(NextIntlClientProvider, { locale: "en", messages, timeZone: "UTC", children: grid }));
    return { html, built };
  } finally {
    if (asBrowser) delete g.window;
  }
}

describe("DataGrid's server render", () => {
  it("builds the first window's rows only, and draws what hydration draws with every row", () => {
    const server = render({}, false);
    const browser = render({}, true);
    expect(server.html).toBe(browser.html);
    expect(server.built).toBeLessThanOrEqual(SERVER_ROWS);
    expect(browser.built).toBe(data.length);
    expect(server.html).toContain('aria-rowcount="2001"');
    const drawn = [...server.html.matchAll(/aria-rowindex="(\d+)"/g)].map((m) => Number(m[1]));
    // The header row, then data rows from the first: fewer than the rows built, and more than none.
    expect(drawn.length).toBeGreaterThan(10);
    expect(Math.max(...drawn)).toBeLessThanOrEqual(SERVER_ROWS + 1);
  });

  it("builds every row when a filter decides which rows come first", () => {
    const server = render({ globalFilter: "column_19" }, false);
    expect(server.built).toBe(data.length);
    expect(server.html).toBe(render({ globalFilter: "column_19" }, true).html);
  });
});
