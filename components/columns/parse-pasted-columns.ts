import { deriveColumnDefaults } from "@/lib/metadata/derive";
import { newColumnSchema, type NewColumnValues } from "@/lib/schemas/column";
import { defaultExpression } from "@/lib/schemas/default-expression";
import { parseDelimited, type DelimitedRow } from "@/lib/tsv";
import { say } from "@/lib/i18n/messages";

/** What a pasted spreadsheet column can fill, in the order used when there is no header row. */
export const PASTE_FIELDS = ["name", "type", "label", "required", "unique", "default", "help"] as const;
type PasteField = (typeof PASTE_FIELDS)[number];

/** Header names, English and Korean, case and spaces ignored. */
const HEADERS: Record<PasteField, string[]> = {
  name: ["name", "column", "columnname", "pg_column", "컬럼명", "컬럼", "칼럼명", "칼럼", "열이름", "필드명"],
  type: ["type", "pg_type", "datatype", "타입", "유형", "자료형", "데이터타입", "데이터형식"],
  label: ["label", "라벨", "레이블", "표시명", "표시이름"],
  required: ["required", "is_required", "notnull", "필수", "필수여부"],
  unique: ["unique", "is_unique", "고유", "유니크", "중복불가"],
  default: ["default", "defaultvalue", "기본값", "디폴트"],
  help: ["help", "help_text", "helptext", "도움말", "설명"],
};
const byHeader = new Map(Object.entries(HEADERS).flatMap(([f, names]) => names.map((n) => [n, f as PasteField])));
const headerKey = (cell: string) => cell.trim().toLowerCase().replace(/[\s-]+/g, "");

const YES = new Set(["y", "yes", "true", "1", "o", "✓", "v", "x", "예", "네", "필수", "true"]);
const NO = new Set(["", "n", "no", "false", "0", "-", "아니오", "아니요"]);

export interface PastedColumn extends NewColumnValues {
  help_text?: string;
  pg_constraints?: string;
}

export interface PasteParse {
  rows: PastedColumn[];
  /** The line of the pasted text each row came from. */
  lines: number[];
  /** Every bad line, with its line number in the pasted text. */
  problems: string[];
  /** The fields the columns were read as (from the header row, or by position). */
  fields: PasteField[];
  header: boolean;
}

/** Rows with tabs are read as a spreadsheet copies them (quoted cells); other lines split on , or ; outside parentheses. */
function rowsOf(text: string): DelimitedRow[] {
  if (text.includes("\t")) return parseDelimited(text);
  return text.split(/\r?\n/).map((line, i) => ({ line: i + 1, cells: line.split(/[;,](?![^(]*\))/) }));
}

/**
 * Spreadsheet rows of columns: name, type, label, required, unique, default, help (or any of them, in any
 * order, named by an English or Korean header row: 컬럼명 / 타입 / 라벨 / 필수 / 고유 / 기본값 / 도움말).
 * Every line is checked by the Add-column schema; all problems are reported at once, each with its line.
 */
export function parsePastedColumns(text: string): PasteParse {
  const all = rowsOf(text).filter((r) => r.cells.some((c) => c.trim() !== ""));
  const first = all[0]?.cells.map((c) => byHeader.get(headerKey(c)));
  const header = Boolean(first && first.filter(Boolean).length >= 2 && first[0] !== undefined);
  const fields: PasteField[] = header ? first!.map((f) => f ?? ("" as PasteField)) : [...PASTE_FIELDS];
  const rows: PastedColumn[] = [];
  const lines: number[] = [];
  const problems: string[] = [];
  const seen = new Map<string, number>();
  for (const { line, cells } of header ? all.slice(1) : all) {
    const get = (f: PasteField) => {
      const i = fields.indexOf(f);
      return i >= 0 ? (cells[i] ?? "").trim() : "";
    };
    const name = get("name");
    const lineProblems: string[] = [];
    const flag = (f: PasteField, fallback: boolean) => {
      const v = get(f).toLowerCase();
      if (YES.has(v)) return true;
      if (v === "") return fallback;
      if (NO.has(v)) return false;
      lineProblems.push(say("grid.pasteNotYesNo", { field: f, value: get(f) }));
      return fallback;
    };
    const d = deriveColumnDefaults(name, get("type"), get("label"));
    const candidate = {
      pg_column: name,
      pg_type: get("type"),
      label: d.label,
      graphql_field: d.graphql_field,
      graphql_type: d.graphql_type,
      form_type: d.form_type,
      is_required: flag("required", d.is_required),
      is_unique: flag("unique", false),
      is_primary_key: d.is_primary_key,
    };
    const parsed = newColumnSchema.safeParse(candidate);
    if (!parsed.success) lineProblems.push(...new Set(parsed.error.issues.map((i) => i.message)));
    if (name && seen.has(name)) lineProblems.push(say("grid.pasteAlsoOnLine", { name, line: seen.get(name)! }));
    if (name && !seen.has(name)) seen.set(name, line);
    if (lineProblems.length > 0) {
      problems.push(say("grid.pasteLine", { line, name: name || "?", problems: lineProblems.join("; ") }));
      continue;
    }
    const row: PastedColumn = { ...parsed.data! };
    if (get("help")) row.help_text = get("help");
    if (get("default")) row.pg_constraints = JSON.stringify({ default: defaultExpression(get("default")) });
    rows.push(row);
    lines.push(line);
  }
  return { rows, lines, problems, fields, header };
}
