import { describe, expect, it } from "vitest";
import { z } from "zod";
import { jsonText, jsonTextOf, parseJsonText, toJsonText } from "./json-text";

const message = (schema: z.ZodType, text: string) => {
  const result = schema.safeParse(text);
  return result.success ? null : result.error.issues.map((i) => i.message);
};

describe("jsonTextOf", () => {
  const shape = jsonTextOf(z.array(z.object({ columns: z.array(z.string()).min(1, "needs a column"), type: z.string() })));

  it("empty (or blank) text means NULL and passes", () => {
    expect(message(shape, "")).toBeNull();
    expect(message(shape, "  \n ")).toBeNull();
  });

  it("malformed JSON fails once, with the parser's message", () => {
    const problems = message(shape, "[{columns: 1}]")!;
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^Not valid JSON: /);
  });

  it("a value of the wrong shape fails with the path of the first problem", () => {
    expect(message(shape, '[{"columns": ["a"], "type": "UNIQUE"}, {"columns": [], "type": "BTREE"}]')).toEqual([
      "1.columns: needs a column",
    ]);
    expect(message(shape, '{"columns": ["a"]}')).toHaveLength(1);
  });

  it("a root-level problem has no path prefix", () => {
    const positive = jsonTextOf(z.number().positive("must be positive"));
    expect(message(positive, "-1")).toEqual(["must be positive"]);
  });

  it("the text is kept as typed (the schema checks it; the caller parses it)", () => {
    expect(shape.parse('[ {"columns": ["a"], "type": "x"} ]')).toBe('[ {"columns": ["a"], "type": "x"} ]');
  });
});

describe("jsonText", () => {
  it("object, array or any (object or array)", () => {
    expect(message(jsonText("object"), "[]")).toEqual(["Must be a JSON object: { ... }"]);
    expect(message(jsonText("array"), "{}")).toEqual(["Must be a JSON array: [ ... ]"]);
    expect(message(jsonText(), '"text"')).toEqual(["Must be a JSON object or array"]);
    expect(message(jsonText(), "null")).toEqual(["Must be a JSON object or array"]);
    expect(message(jsonText(), "[1]")).toBeNull();
    expect(message(jsonText(), "{}")).toBeNull();
    expect(message(jsonText("object"), "{oops}")![0]).toMatch(/^Not valid JSON: /);
  });

  it("parseJsonText / toJsonText", () => {
    expect(parseJsonText("")).toBeNull();
    expect(parseJsonText(' {"a": [1]} ')).toEqual({ a: [1] });
    expect(toJsonText(null)).toBe("");
    expect(toJsonText(undefined)).toBe("");
    expect(JSON.parse(toJsonText([{ value: "A" }]))).toEqual([{ value: "A" }]);
  });
});
