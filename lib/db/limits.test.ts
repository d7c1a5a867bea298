import { describe, expect, it } from "vitest";
import { localTimeoutsSql, readDbLimits } from "./limits";

describe("readDbLimits", () => {
  it("defaults: the lock timeout below the pool timeout, a quarter of the pool kept for reads", () => {
    const limits = readDbLimits({});
    expect(limits).toEqual({
      poolMax: 10,
      poolTimeoutMs: 5_000,
      writeSlots: 8,
      statementTimeoutMs: 15_000,
      lockTimeoutMs: 3_000,
      pgbouncer: false,
    });
    expect(limits.lockTimeoutMs).toBeLessThan(limits.poolTimeoutMs);
  });
  it("reads the variables", () => {
    const limits = readDbLimits({ DB_POOL_MAX: "20", DB_LOCK_TIMEOUT_MS: "500", DB_STATEMENT_TIMEOUT_MS: "60000", DB_PGBOUNCER: "1" });
    expect(limits).toMatchObject({ poolMax: 20, writeSlots: 15, lockTimeoutMs: 500, statementTimeoutMs: 60_000, pgbouncer: true });
    expect(readDbLimits({ DB_POOL_MAX: "2" }).writeSlots).toBe(1);
    expect(localTimeoutsSql(limits)).toBe("SET LOCAL statement_timeout = 60000; SET LOCAL lock_timeout = 500");
  });
  it.each([["DB_POOL_MAX", "1"], ["DB_POOL_MAX", "ten"], ["DB_LOCK_TIMEOUT_MS", "-5"], ["DB_STATEMENT_TIMEOUT_MS", "1e3"], ["DB_POOL_TIMEOUT_MS", "5s"]])(
    "refuses %s=%j, naming the variable",
    (name, value) => expect(() => readDbLimits({ [name]: value })).toThrow(name),
  );
});
