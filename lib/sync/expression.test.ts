import { describe, expect, it } from "vitest";
import { expressionProblem } from "./expression";

describe("expressionProblem: an expression cannot leave its slot in the statement", () => {
  it.each([
    ["now()"],
    ["'ACTIVE'::character varying"],
    ["(price > (0)::numeric)"],
    ["status IN ('a;b', 'c--d', '/*e*/')"],
    ["'it''s'"],
    ["E'back\\\\slash\\' quote'"],
    ['"Odd name" > 0'],
    ["'{}'::text[]"],
  ])("accepts %s", (text) => expect(expressionProblem(text)).toBeNull());

  it.each([
    ["", /empty/],
    ["1); DROP TABLE users; --", /closes more/],
    ["1; DROP TABLE users", /';'/],
    ["1 -- comment", /comments/],
    ["1 /* c */", /comments/],
    ["$$x$$", /\$/],
    ["$1", /\$/],
    ["(1", /not closed/],
    ["'open", /not closed/],
    ['"open', /not closed/],
    ["a) OR (b", /closes more/],
    ["x".repeat(4001), /4000/],
    ["1\0", /NUL/],
  ])("refuses %j", (text, message) => expect(expressionProblem(text)).toMatch(message));
});
