import { PRINT_WIDTH, textWidth } from "./text-width";

/**
 * The SDL graphql-js's `print` writes (printSdl gives the same bytes) in prettier's layout, for what sdl.ts
 * prints: block-string descriptions get their quotes on lines of their own (prettier's way), blank lines in them
 * lose graphql-js's indentation, and every other line stays as it is, so long as it fits the print width and
 * holds no escape. null when the text has anything else (a carriage return, a description line ending in or made
 * of spaces, a line past the width, an escaped string): then prettier formats it itself. Tested against prettier
 * on the fixtures, awkward texts, widths around the limit and random models (pretty-sections.test.ts).
 */
export function prettierSdl(text: string): string | null {
  if (text.includes("\r")) return null;
  const lines = text.split("\n");
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const body = line.trimStart();
    const indent = line.slice(0, line.length - body.length);
    if (body.startsWith('"""')) {
      if (body !== '"""') {
        // A one-line description: graphql-js prints it only for a value without a newline, of at most 70
        // characters, not ending in a quote or backslash; describe() trims it.
        if (body.length < 7 || !body.endsWith('"""')) return null;
        const value = body.slice(3, -3);
        if (value.trim() !== value) return null;
        out.push(`${indent}"""`, indent + value, `${indent}"""`);
        continue;
      }
      out.push(line);
      for (i++; i < lines.length && lines[i] !== `${indent}"""`; i++) {
        const content = lines[i];
        if (content === indent) {
          out.push("");
          continue;
        }
        const value = content.slice(indent.length);
        if (!content.startsWith(indent) || value.trim() === "" || value.trimEnd() !== value) return null;
        out.push(content);
      }
      if (i === lines.length) return null;
      out.push(lines[i]);
      continue;
    }
    const width = textWidth(line);
    if (width < 0 || width > PRINT_WIDTH || line.includes("\\") || line.includes("#")) return null;
    out.push(line);
  }
  return out.join("\n");
}
