import { describe, expect, it, vi } from "vitest";
import { CELL_EDITS_BODY_LIMIT, MAX_CELL_EDITS } from "@/lib/actions/cell-edit-limits";
import { inLocale } from "@/lib/i18n/messages";
import { commitCells } from "./commit-cells";

const row = (id: number) => ({ id, rowVersion: "2026-01-01T00:00:00.000000Z" });

describe("commitCells", () => {
  it("sends the edits with each row's version, and hands the saved rows back", async () => {
    const save = vi.fn(async () => ({ ok: true as const, data: [row(1)] }));
    const replaceAll = vi.fn();
    expect(await commitCells({ changes: [{ row: row(1), columnId: "label", value: "x" }], save, replaceAll })).toBeNull();
    expect(save).toHaveBeenCalledWith({ edits: [{ id: 1, rowVersion: row(1).rowVersion, field: "label", value: "x" }] });
    expect(replaceAll).toHaveBeenCalledWith([row(1)]);
  });

  it("maps the action's per-cell errors back to the changes by index", async () => {
    const save = vi.fn(async () => ({ ok: false as const, formError: "Nothing was saved.", fieldErrors: { "edits.1": "Bad", other: "x" } }));
    const changes = [1, 2].map((id) => ({ row: row(id), columnId: "label", value: "v" }));
    expect(await commitCells({ changes, save, replaceAll: vi.fn() })).toEqual({ message: "Nothing was saved.", cells: { 1: "Bad" } });
  });

  it("refuses in words, without sending, more cells or more text than the server takes", async () => {
    const save = vi.fn();
    const tooMany = Array.from({ length: MAX_CELL_EDITS + 1 }, (_, i) => ({ row: row(i), columnId: "label", value: "v" }));
    expect((await commitCells({ changes: tooMany, save, replaceAll: vi.fn() }))?.message).toMatch(/5,001 cells are more than the 5,000/);
    const long = "가".repeat(CELL_EDITS_BODY_LIMIT / 3 / 100);
    const tooBig = Array.from({ length: 101 }, (_, i) => ({ row: row(i), columnId: "help_text", value: long }));
    expect((await commitCells({ changes: tooBig, save, replaceAll: vi.fn() }))?.message).toMatch(/hold 2\.\d MB of text, more than the 2\.0 MB/);
    // In the page's language (the grid's messages are made where the paste is planned).
    const korean = await inLocale("ko", () => commitCells({ changes: tooMany, save, replaceAll: vi.fn() }));
    expect(korean?.message).toBe("저장되지 않았습니다: 5,001개 셀은 한 번에 붙여넣을 수 있는 5,000개를 넘습니다.");
    expect(save).not.toHaveBeenCalled();
  });

  it("says the server did not answer when the call itself fails", async () => {
    const save = vi.fn(async () => {
      throw new TypeError("fetch failed");
    });
    expect(await commitCells({ changes: [{ row: row(1), columnId: "label", value: "x" }], save, replaceAll: vi.fn() })).toEqual({
      message: "The editor's server did not answer; nothing was saved. Try again.",
    });
  });
});
