import { describe, expect, it } from "vitest";
import { parsePastedColumns } from "./parse-pasted-columns";

describe("parsePastedColumns", () => {
  it("reads a Korean header row, in any column order, with required / unique / default / help", () => {
    const parsed = parsePastedColumns("타입\t컬럼명\t라벨\t필수\t고유\t기본값\t도움말\nVARCHAR(20)\tstatus\t상태\tY\tN\tACTIVE\t주문 상태\nTEXT\temail\t이메일\t\t예\t\t");
    expect(parsed.header).toBe(true);
    expect(parsed.problems).toEqual([]);
    expect(parsed.rows).toMatchObject([
      { pg_column: "status", pg_type: "VARCHAR(20)", label: "상태", is_required: true, is_unique: false, help_text: "주문 상태", pg_constraints: '{"default":"\'ACTIVE\'"}' },
      { pg_column: "email", pg_type: "TEXT", label: "이메일", is_unique: true },
    ]);
    expect(parsed.rows[1].pg_constraints).toBeUndefined();
  });

  it("reads an English header and Excel quoting (a help text with a tab, a newline and quotes)", () => {
    const parsed = parsePastedColumns('Name\tType\tHelp\nbio\tTEXT\t"Say ""hi"",\tthen\nmore"\nage\tINTEGER\t');
    expect(parsed.problems).toEqual([]);
    expect(parsed.rows.map((r) => [r.pg_column, r.help_text])).toEqual([
      ["bio", 'Say "hi",\tthen\nmore'],
      ["age", undefined],
    ]);
  });

  it("without a header reads name, type, label, required, unique, default, help by position; commas outside parentheses", () => {
    const parsed = parsePastedColumns("total,NUMERIC(12,2),합계,yes,no,0,in won");
    expect(parsed.header).toBe(false);
    expect(parsed.rows).toMatchObject([{ pg_column: "total", pg_type: "NUMERIC(12,2)", label: "합계", is_required: true, pg_constraints: '{"default":"0"}', help_text: "in won" }]);
  });

  it("reports every bad line at once with its line number (quoted newlines counted)", () => {
    const parsed = parsePastedColumns('컬럼명\t타입\t도움말\nok\tTEXT\t"two\nlines"\nBad Name\tTEXT\t\nnotype\t\t\nok\tINT\t\nflag\tTEXT\t\n');
    expect(parsed.rows.map((r) => r.pg_column)).toEqual(["ok", "flag"]);
    expect(parsed.problems).toHaveLength(3);
    expect(parsed.problems[0]).toMatch(/^Line 4 \(Bad Name\): /);
    expect(parsed.problems[1]).toMatch(/^Line 5 \(notype\): PostgreSQL type is required/);
    expect(parsed.problems[2]).toBe('Line 6 (ok): "ok" is also on line 2');
  });

  it("refuses a required cell that is neither yes nor no", () => {
    expect(parsePastedColumns("name\ttype\trequired\nx\tTEXT\tmaybe").problems).toEqual(['Line 2 (x): required: "maybe" is not yes or no']);
  });
});
