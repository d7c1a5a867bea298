/**
 * Defaults, checks and partial-index conditions are SQL expressions stored in the metadata, so they cannot be
 * sent as $n values. Before the server parses one (probe.ts), this makes sure it cannot leave its slot in the
 * statement: no statement separator, no comment, no dollar quoting, parentheses balanced and never closing
 * more than they opened. The server's own re-printed text (pg_get_expr) is what then reaches DDL.
 */
import { say } from "../i18n/messages";

export const MAX_EXPRESSION_LENGTH = 4000;

export function expressionProblem(text: string): string | null {
  if (text.trim() === "") return say("sync.expression.empty");
  if (text.length > MAX_EXPRESSION_LENGTH) return say("sync.expression.tooLong", { max: String(MAX_EXPRESSION_LENGTH) });
  if (text.includes("\0")) return say("sync.expression.nul");
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === "'") {
      const escapes = i > 0 && /[eE]/.test(text[i - 1]) && (i < 2 || !/[A-Za-z0-9_]/.test(text[i - 2]));
      i = skipQuoted(text, i, "'", escapes);
      if (i < 0) return say("sync.expression.stringOpen");
    } else if (ch === '"') {
      i = skipQuoted(text, i, '"', false);
      if (i < 0) return say("sync.expression.nameOpen");
    } else if (ch === ";") {
      return say("sync.expression.semicolon");
    } else if (ch === "$") {
      return say("sync.expression.dollar");
    } else if ((ch === "-" && text[i + 1] === "-") || (ch === "/" && text[i + 1] === "*")) {
      return say("sync.expression.comment");
    } else if (ch === "(") {
      depth++;
    } else if (ch === ")") {
      depth--;
      if (depth < 0) return say("sync.expression.closesMore");
    }
  }
  return depth === 0 ? null : say("sync.expression.notClosed");
}

/** Index of the closing quote, or -1. Doubled quotes stay inside; with E'' strings a backslash escapes too. */
function skipQuoted(text: string, start: number, quote: string, backslashEscapes: boolean): number {
  for (let i = start + 1; i < text.length; i++) {
    if (backslashEscapes && text[i] === "\\") {
      i++;
      continue;
    }
    if (text[i] === quote) {
      if (text[i + 1] === quote) {
        i++;
        continue;
      }
      return i;
    }
  }
  return -1;
}
