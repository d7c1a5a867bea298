/**
 * How long the editor waits on the database, and how many connections it uses: read from the environment once
 * per process (see README, Configuration). The defaults keep one locked table from taking every page down: an
 * edit stops waiting for a lock (lock timeout) before a page gives up waiting for a connection (pool timeout),
 * and transactions may use only part of the pool, so reads always find a connection.
 */
export interface DbLimits {
  /** Connections per editor process. */
  poolMax: number;
  /** How long a request waits for a free connection. */
  poolTimeoutMs: number;
  /** Connections transactions (edits) may hold at once; the rest are kept for reads. */
  writeSlots: number;
  statementTimeoutMs: number;
  lockTimeoutMs: number;
  /**
   * Behind PgBouncer in transaction mode: no startup parameters (PgBouncer refuses them) and nothing that
   * outlives a transaction; the timeouts are then set per transaction (SET LOCAL) only.
   */
  pgbouncer: boolean;
}

type Env = Record<string, string | undefined>;

function intSetting(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < min || value > max) {
    throw new Error(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

export function readDbLimits(env: Env = process.env): DbLimits {
  const poolMax = intSetting(env, "DB_POOL_MAX", 10, 2, 1000);
  return {
    poolMax,
    poolTimeoutMs: intSetting(env, "DB_POOL_TIMEOUT_MS", 5_000, 100, 600_000),
    // A quarter of the pool (at least one connection) stays free for reads.
    writeSlots: poolMax - Math.max(1, Math.floor(poolMax / 4)),
    statementTimeoutMs: intSetting(env, "DB_STATEMENT_TIMEOUT_MS", 15_000, 100, 3_600_000),
    lockTimeoutMs: intSetting(env, "DB_LOCK_TIMEOUT_MS", 3_000, 100, 3_600_000),
    pgbouncer: /^(1|true|yes|on)$/i.test(env.DB_PGBOUNCER?.trim() ?? ""),
  };
}

/** SET LOCAL for both timeouts, sent with BEGIN: the only form that holds behind PgBouncer. */
export function localTimeoutsSql(limits: DbLimits): string {
  return `SET LOCAL statement_timeout = ${limits.statementTimeoutMs}; SET LOCAL lock_timeout = ${limits.lockTimeoutMs}`;
}
