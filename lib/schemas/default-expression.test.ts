import { describe, expect, it } from "vitest";
import { defaultExpression } from "./default-expression";

describe("defaultExpression", () => {
  it.each([
    ["ACTIVE", "'ACTIVE'"],
    ["  draft ", "'draft'"],
    ["it's", "'it''s'"],
    ["hello world", "'hello world'"],
    ["0", "0"],
    ["-1.5", "-1.5"],
    ["true", "true"],
    ["NULL", "NULL"],
    ["CURRENT_TIMESTAMP", "CURRENT_TIMESTAMP"],
    ["now()", "now()"],
    ["gen_random_uuid()", "gen_random_uuid()"],
    ["'{}'::jsonb", "'{}'::jsonb"],
    ["'ACTIVE'", "'ACTIVE'"],
    ["", ""],
  ])("%j → %j", (typed, stored) => {
    expect(defaultExpression(typed)).toBe(stored);
  });
});
