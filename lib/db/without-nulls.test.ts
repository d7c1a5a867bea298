import { describe, expect, it } from "vitest";
import { rowsWithoutNulls, withoutNulls } from "./pool";

describe("rowsWithoutNulls", () => {
  it("gives what withoutNulls gives for every row, whatever its NULL fields and field order", () => {
    const rows: Record<string, unknown>[] = [];
    for (let i = 0; i < 200; i++) {
      const row: Record<string, unknown> = { id: i };
      for (let f = 0; f < 40; f++) row[`field_${f}`] = (f * 7 + i) % 5 < 2 ? null : f % 3 ? `v${i}.${f}` : f === 3 ? false : i * f;
      rows.push(row);
    }
    rows.push({ field_0: "other order", id: 999 }, { id: 1000 }, { id: 1001, extra: null, more: 0 });
    const expected = rows.map(withoutNulls);
    const got = rowsWithoutNulls(rows);
    expect(got).toEqual(expected);
    for (let i = 0; i < rows.length; i++) {
      expect(Object.keys(got[i])).toEqual(Object.keys(expected[i]));
      expect(got[i]).not.toBe(rows[i]);
    }
    // The source rows are left as they were.
    expect(rows[0].field_0).toBeNull();
    expect(rowsWithoutNulls([])).toEqual([]);
  });
});
