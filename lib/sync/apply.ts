import { createHash } from "node:crypto";
import type pg from "pg";
import type { DriftItem } from "./drift";
import type { PlanStatement } from "./plan";
import type { Problem } from "./probe";
import { loadSync, planFor, planScripts, type SyncOptions, type SyncState } from "./sync";
import { say } from "../i18n/messages";

export interface PlanPreview {
  items: DriftItem[];
  statements: (PlanStatement & { rows: number | null })[];
  notes: string[];
  problems: Problem[];
  up: string;
  down: string;
  destructive: number;
  /** Identifies this exact plan: apply refuses when the plan it would run is not the one reviewed. */
  digest: string;
}

export const LOCK_TIMEOUT = "5s";

/**
 * Identifies a plan by what it runs: each statement's SQL and whether it is destructive. Not by the up script's
 * text, whose `-- DESTRUCTIVE:` comments follow the reader's language: a plan reviewed in Korean and applied in
 * English is the same plan.
 */
const digestOf = (statements: readonly PlanStatement[]) =>
  createHash("sha256")
    .update(statements.map((s) => `${s.destructive ? "!" : " "}${s.sql}`).join("\n\0"))
    .digest("hex")
    .slice(0, 16);

/** The plan as the preview shows it, with the rows each destructive statement touches (from `state` when given). */
export async function previewPlan(meta: pg.ClientBase, options: SyncOptions & { itemIds?: string[]; state?: SyncState } = {}): Promise<PlanPreview> {
  const state = options.state ?? (await loadSync(meta, options));
  const plan = planFor(state, options.itemIds);
  const target = options.target ?? meta;
  const statements = [];
  for (const s of plan.statements) {
    let rows: number | null = null;
    if (s.countSql) rows = Number((await target.query<{ count: string }>(s.countSql)).rows[0].count);
    statements.push({ ...s, rows });
  }
  const { up, down } = planScripts(plan);
  return {
    items: plan.items,
    statements,
    notes: plan.notes,
    problems: state.canonical.problems,
    up,
    down,
    destructive: plan.statements.filter((s) => s.destructive).length,
    digest: digestOf(plan.statements),
  };
}

/** What the Plan page sends the browser: the scripts' first statements, not megabytes of SQL for 5,000 tables. */
export interface PlanView {
  statements: number;
  /** Destructive statements with their row counts (at most SHOWN_DESTRUCTIVE; `destructive` counts them all). */
  dangers: { sql: string; danger?: string; rows: number | null }[];
  destructive: number;
  rows: number;
  notes: string[];
  problems: Problem[];
  /** The up script's first SHOWN_STATEMENTS statements and the down script's first as many. */
  up: string;
  down: string;
  /** How many statements the shown scripts leave out (Download / Save migration file give everything). */
  hidden: number;
  digest: string;
}

// What the page shows is a start to review (the box shows ~35 lines at a time; Download and Save give everything):
// 200 CREATE TABLEs of 20 columns each way were ~270 kB, 50 ~70 kB of page, sent, parsed and laid out (the
// browser's first layout of 2 × 1,100 lines of text was the Plan page's longest task) before it was usable.
export const SHOWN_STATEMENTS = 20;
const SHOWN_DESTRUCTIVE = 100;

export function planView(preview: PlanPreview): PlanView {
  const destructive = preview.statements.filter((s) => s.destructive);
  const head = planScripts({ statements: preview.statements.slice(0, SHOWN_STATEMENTS), notes: [] }).up;
  const downHead = planScripts({ statements: preview.statements.slice(-SHOWN_STATEMENTS), notes: [] }).down;
  return {
    statements: preview.statements.length,
    dangers: destructive.slice(0, SHOWN_DESTRUCTIVE).map((s) => ({ sql: s.sql, danger: s.danger, rows: s.rows })),
    destructive: destructive.length,
    rows: destructive.reduce((n, s) => n + (s.rows ?? 0), 0),
    notes: preview.notes,
    problems: preview.problems,
    up: head,
    down: downHead,
    hidden: Math.max(0, preview.statements.length - SHOWN_STATEMENTS),
    digest: preview.digest,
  };
}

/** A plan that was not run: nothing changed. `problems` lists what must be fixed in the metadata first. */
export class ApplyRefusedError extends Error {
  constructor(
    message: string,
    readonly problems: Problem[] = [],
  ) {
    super(message);
    this.name = "ApplyRefusedError";
  }
}

/** A statement failed: the transaction was rolled back, nothing changed. */
export class ApplyFailedError extends Error {
  constructor(
    readonly index: number,
    readonly statement: string,
    reason: string,
  ) {
    super(say("sync.apply.failed", { index: String(index + 1), reason, statement }));
    this.name = "ApplyFailedError";
  }
}

function reasonFor(error: unknown): string {
  const e = error as { code?: string; message?: string };
  console.error("[sync] apply statement failed:", e.message);
  const reasons = {
    "23502": "notNull",
    "23505": "unique",
    "23503": "foreignKey",
    "23514": "check",
    "55P03": "lock",
    "42P07": "exists",
    "42710": "exists",
    "2BP01": "depends",
    "42804": "convert",
    "22P02": "convert",
    "22001": "tooLong",
    "42501": "privilege",
    "57014": "cancelled",
  } as const;
  const reason = reasons[(e.code ?? "") as keyof typeof reasons] ?? "other";
  return say(`sync.apply.${reason}`, { timeout: LOCK_TIMEOUT });
}

export interface ApplyResult {
  statements: number;
  /** Drift left after the apply among the items it covered (empty when the plan did its job). */
  remaining: DriftItem[];
  up: string;
  down: string;
}

/**
 * Runs the plan in one transaction on the target, with a lock timeout, recomputing it inside the transaction
 * from the metadata only. Destructive statements need `allowDestructive`; `digest` (from the preview) makes
 * sure the plan run is the plan reviewed. Afterwards: project.last_sync_at and a metadata_sync_log entry.
 */
export async function applyPlan(
  meta: pg.ClientBase,
  options: SyncOptions & { itemIds?: string[]; allowDestructive?: boolean; digest?: string } = {},
): Promise<ApplyResult> {
  const target = options.target ?? meta;
  const started = Date.now();
  await target.query("BEGIN");
  let result: ApplyResult;
  let applied: DriftItem[] = [];
  try {
    await target.query(`SET LOCAL lock_timeout = '${LOCK_TIMEOUT}'`);
    const state = await loadSync(meta, { ...options, inTransaction: true });
    const plan = planFor(state, options.itemIds);
    applied = plan.items;
    if (state.canonical.problems.length) {
      throw new ApplyRefusedError(say("server.planProblems"), state.canonical.problems);
    }
    const { up, down } = planScripts(plan);
    if (options.digest && options.digest !== digestOf(plan.statements)) {
      throw new ApplyRefusedError(say("server.planChanged"));
    }
    const destructive = plan.statements.filter((s) => s.destructive).length;
    if (destructive && !options.allowDestructive) {
      throw new ApplyRefusedError(say("server.planDestructive", { count: destructive }));
    }
    for (const [i, s] of plan.statements.entries()) {
      try {
        await target.query(s.sql);
      } catch (error) {
        throw new ApplyFailedError(i, s.sql, reasonFor(error));
      }
    }
    const after = await loadSync(meta, { ...options, inTransaction: true });
    const covered = new Set(plan.items.map((i) => i.id));
    result = { statements: plan.statements.length, remaining: after.items.filter((i) => covered.has(i.id)), up, down };
    if (target === meta) await record(meta, result, plan.items, Date.now() - started);
    await target.query("COMMIT");
  } catch (error) {
    await target.query("ROLLBACK").catch(() => {});
    throw error;
  }
  if (target !== meta) await record(meta, result, applied, Date.now() - started);
  return result;
}

async function record(meta: pg.ClientBase, result: ApplyResult, items: DriftItem[], ms: number) {
  await meta.query("UPDATE _metadata.project SET last_sync_at = now() WHERE id = 1");
  await meta.query(
    `INSERT INTO _metadata.metadata_sync_log (table_name, operation, new_data, generation_time_ms)
     VALUES ('database', 'APPLY', $1::jsonb, $2)`,
    [JSON.stringify({ statements: result.statements, items: items.map((i) => i.id), up: result.up, down: result.down }), ms],
  );
}
