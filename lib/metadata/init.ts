import { readFileSync } from "node:fs";
import path from "node:path";
import type pg from "pg";

/** One progress step of the init SQL, delimited in the file by `-- @step key: label` lines. */
export interface InitStep {
  key: string;
  label: string;
  sql: string;
}

export interface StepResult {
  key: string;
  label: string;
  ok: boolean;
  ms: number;
  error?: string;
}

export class InitError extends Error {
  constructor(
    message: string,
    readonly results: StepResult[],
    readonly cause: unknown,
  ) {
    super(message);
    this.name = "InitError";
  }
}

export const INIT_SQL_FILE = "001_metadata_init.sql";

export function initSqlPath(): string {
  return path.join(process.cwd(), "sql", INIT_SQL_FILE);
}

export function readInitSql(): string {
  return readFileSync(initSqlPath(), "utf8");
}

/**
 * Splits the init file into steps. BEGIN/COMMIT lines are dropped: the runner owns the transaction, so
 * the same file stays runnable by psql and atomic either way. The preamble (advisory lock) is a step too.
 */
export function parseInitSteps(sql: string): InitStep[] {
  const steps: InitStep[] = [{ key: "lock", label: "Lock taken", sql: "" }];
  for (const line of sql.split("\n")) {
    const marker = line.match(/^-- @step ([a-z_]+): (.+)$/);
    if (marker) {
      steps.push({ key: marker[1], label: marker[2].trim(), sql: "" });
      continue;
    }
    if (/^\s*(BEGIN|COMMIT)\s*;\s*$/i.test(line)) continue;
    steps[steps.length - 1].sql += line + "\n";
  }
  return steps.filter((s) => s.sql.replace(/--.*$/gm, "").trim() !== "");
}

export function loadInitSteps(): InitStep[] {
  return parseInitSteps(readInitSql());
}

/**
 * Runs the steps in one transaction on `client`: every object is created, or (on any failure) none is.
 * Re-running on an initialized database changes nothing (the SQL is idempotent).
 */
export async function runInit(
  client: pg.ClientBase,
  options: { steps?: InitStep[]; onStep?: (result: StepResult) => void } = {},
): Promise<StepResult[]> {
  const steps = options.steps ?? loadInitSteps();
  const results: StepResult[] = [];
  await client.query("BEGIN");
  for (const step of steps) {
    const started = performance.now();
    try {
      await client.query(step.sql);
    } catch (error) {
      await client.query("ROLLBACK").catch(() => {});
      const failed: StepResult = {
        key: step.key,
        label: step.label,
        ok: false,
        ms: Math.round(performance.now() - started),
        error: error instanceof Error ? error.message : String(error),
      };
      results.push(failed);
      options.onStep?.(failed);
      throw new InitError(`Initialization failed at "${step.label}": ${failed.error}. Nothing was changed.`, results, error);
    }
    const ok: StepResult = { key: step.key, label: step.label, ok: true, ms: Math.round(performance.now() - started) };
    results.push(ok);
    options.onStep?.(ok);
  }
  await client.query("COMMIT");
  return results;
}
