/**
 * Spreadsheet text as Excel and Google Sheets put it on the clipboard: cells separated by tabs, rows by
 * newlines; a cell holding a tab, a newline or a quote is wrapped in double quotes, with its quotes doubled.
 * One parser for the grid's paste and the Paste rows dialog.
 */

/** A parsed row with the 1-based line of the text where it starts (quoted newlines span lines). */
export interface DelimitedRow {
  line: number;
  cells: string[];
}

/**
 * Splits `text` into rows of cells. `separator` is the cell separator (a tab by default). Quotes open a
 * quoted cell only at the start of a cell, as spreadsheets write them; elsewhere they are ordinary text.
 * A trailing newline does not make an empty last row.
 */
export function parseDelimited(text: string, separator = "\t"): DelimitedRow[] {
  const rows: DelimitedRow[] = [];
  let cells: string[] = [];
  let cell = "";
  let line = 1;
  let rowLine = 1;
  let i = 0;
  let atCellStart = true;
  const endRow = () => {
    cells.push(cell);
    rows.push({ line: rowLine, cells });
    cells = [];
    cell = "";
    atCellStart = true;
  };
  while (i < text.length) {
    const ch = text[i];
    if (atCellStart && ch === '"') {
      // A quoted cell: up to the closing quote; "" is one quote.
      let j = i + 1;
      let quoted = "";
      let closed = false;
      while (j < text.length) {
        if (text[j] === '"') {
          if (text[j + 1] === '"') {
            quoted += '"';
            j += 2;
            continue;
          }
          closed = true;
          j++;
          break;
        }
        if (text[j] === "\n") line++;
        quoted += text[j];
        j++;
      }
      if (closed) {
        cell = quoted.replace(/\r\n/g, "\n");
        i = j;
        atCellStart = false;
        continue;
      }
      // An unclosed quote is plain text (a cell that merely starts with a quote).
    }
    atCellStart = false;
    if (ch === separator) {
      cells.push(cell);
      cell = "";
      atCellStart = true;
      i++;
    } else if (ch === "\n" || ch === "\r") {
      i += ch === "\r" && text[i + 1] === "\n" ? 2 : 1;
      endRow();
      line++;
      rowLine = line;
    } else {
      cell += ch;
      i++;
    }
  }
  if (cell !== "" || cells.length > 0) endRow();
  return rows;
}

/** One cell as a spreadsheet writes it: quoted when it holds a tab, a newline or a quote (or starts with one). */
export function tsvCell(value: string): string {
  return /[\t\n\r"]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Rows of cells as tab-separated text (no trailing newline, as Sheets copies a range). */
export function toTsv(rows: readonly (readonly string[])[]): string {
  return rows.map((cells) => cells.map(tsvCell).join("\t")).join("\n");
}
