import { describe, expect, it } from "vitest";
import { cellCommand, nextCellPosition, type GridShape } from "./grid-keyboard";

const shape: GridShape = { rowCount: 100, colCount: 6, headerColCount: 5, pageRows: 10 };
const none = { ctrlKey: false, metaKey: false, altKey: false, shiftKey: false };

describe("nextCellPosition", () => {
  it("moves with arrows and stops at the edges, the header row being row -1", () => {
    expect(nextCellPosition("ArrowDown", false, { row: 0, col: 0 }, shape)).toEqual({ row: 1, col: 0 });
    expect(nextCellPosition("ArrowDown", false, { row: 99, col: 0 }, shape)).toEqual({ row: 99, col: 0 });
    expect(nextCellPosition("ArrowUp", false, { row: 0, col: 2 }, shape)).toEqual({ row: -1, col: 2 });
    expect(nextCellPosition("ArrowUp", false, { row: -1, col: 2 }, shape)).toEqual({ row: -1, col: 2 });
    expect(nextCellPosition("ArrowLeft", false, { row: 3, col: 0 }, shape)).toEqual({ row: 3, col: 0 });
    expect(nextCellPosition("ArrowRight", false, { row: 3, col: 5 }, shape)).toEqual({ row: 3, col: 5 });
  });

  it("keeps the header row to data columns (no actions column there)", () => {
    expect(nextCellPosition("ArrowUp", false, { row: 0, col: 5 }, shape)).toEqual({ row: -1, col: 4 });
    expect(nextCellPosition("End", false, { row: -1, col: 0 }, shape)).toEqual({ row: -1, col: 4 });
  });

  it("jumps with Home/End, Ctrl+Home/End and pages", () => {
    expect(nextCellPosition("Home", false, { row: 7, col: 3 }, shape)).toEqual({ row: 7, col: 0 });
    expect(nextCellPosition("End", false, { row: 7, col: 3 }, shape)).toEqual({ row: 7, col: 5 });
    expect(nextCellPosition("Home", true, { row: 7, col: 3 }, shape)).toEqual({ row: 0, col: 0 });
    expect(nextCellPosition("End", true, { row: 7, col: 3 }, shape)).toEqual({ row: 99, col: 5 });
    expect(nextCellPosition("PageDown", false, { row: 95, col: 1 }, shape)).toEqual({ row: 99, col: 1 });
    expect(nextCellPosition("PageUp", false, { row: 5, col: 1 }, shape)).toEqual({ row: 0, col: 1 });
    expect(nextCellPosition("PageDown", false, { row: -1, col: 1 }, shape)).toEqual({ row: 10, col: 1 });
  });

  it("handles an empty grid", () => {
    const empty = { ...shape, rowCount: 0 };
    expect(nextCellPosition("ArrowDown", false, { row: -1, col: 0 }, empty)).toEqual({ row: -1, col: 0 });
    expect(nextCellPosition("End", true, { row: -1, col: 0 }, empty)).toEqual({ row: -1, col: 4 });
  });
});

describe("cellCommand", () => {
  const on = (key: string, kind: string, mods = {}) =>
    cellCommand({ ...none, key, ...mods }, { row: 2, col: 1 }, shape, { kind, isActions: false });

  it("starts editing text and number cells by typing, not others", () => {
    expect(on("x", "text")).toEqual({ type: "edit", draft: "x" });
    expect(on("5", "number")).toEqual({ type: "edit", draft: "5" });
    expect(on("Backspace", "text")).toEqual({ type: "edit", draft: "" });
    expect(on("x", "select")).toBeNull();
    expect(on("x", "readonly")).toBeNull();
    expect(on("c", "text", { ctrlKey: true })).toBeNull();
  });

  it("activates with Enter/F2 and toggles checkboxes with Space", () => {
    expect(on("Enter", "readonly")).toEqual({ type: "activate" });
    expect(on("F2", "text")).toEqual({ type: "activate" });
    expect(on(" ", "checkbox")).toEqual({ type: "toggle" });
  });

  it("leaves Enter and Space in the header to the sort button", () => {
    const header = (key: string) =>
      cellCommand({ ...none, key }, { row: -1, col: 1 }, shape, { kind: "text", isActions: false });
    expect(header("Enter")).toBeNull();
    expect(header(" ")).toBeNull();
    expect(header("ArrowDown")).toEqual({ type: "move", to: { row: 0, col: 1 } });
  });
});
