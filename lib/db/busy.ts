import type pg from "pg";
import { say } from "../i18n/messages";

/** The database did not answer in time because of other work (a lock, a full pool): not an outage. */
export class DatabaseBusyError extends Error {
  readonly code = "busy";
  constructor(message: string) {
    super(message);
    this.name = "DatabaseBusyError";
  }
}

/** Transactions allowed at once on one pool; waiters give up after `timeoutMs` with a DatabaseBusyError. */
export class WriteSlots {
  private free: number;
  private readonly waiting: (() => void)[] = [];

  constructor(
    readonly size: number,
    private readonly timeoutMs: number,
  ) {
    this.free = size;
  }

  async acquire(): Promise<() => void> {
    if (this.free > 0) {
      this.free--;
      return this.releaser();
    }
    await new Promise<void>((resolve, reject) => {
      const grant = () => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        this.waiting.splice(this.waiting.indexOf(grant), 1);
        reject(
          new DatabaseBusyError(say("server.busyQueue", { count: this.size })),
        );
      }, this.timeoutMs);
      this.waiting.push(grant);
    });
    return this.releaser();
  }

  private releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      if (next) next();
      else this.free++;
    };
  }
}

export interface LockHolder {
  pid: number;
  user: string | null;
  application: string | null;
  state: string | null;
  since: Date | null;
}

/**
 * Who holds a lock on a `_metadata` table, for the "busy" message after a lock timeout: the session with the
 * strongest lock, then the oldest transaction, among those not themselves waiting for a lock. Best effort: the
 * holder may be gone by now, and a failure here must not hide the original error.
 */
export async function findLockHolder(db: Pick<pg.Pool, "query">): Promise<LockHolder | null> {
  try {
    const { rows } = await db.query<LockHolder>(
      `SELECT a.pid, a.usename AS user, a.application_name AS application, a.state, a.xact_start AS since
         FROM pg_locks l
         JOIN pg_class c ON c.oid = l.relation
         JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = '_metadata'
         JOIN pg_stat_activity a ON a.pid = l.pid
        WHERE l.granted AND l.pid <> pg_backend_pid() AND a.wait_event_type IS DISTINCT FROM 'Lock'
        ORDER BY array_position(ARRAY['AccessExclusiveLock', 'ExclusiveLock', 'ShareRowExclusiveLock', 'ShareLock',
                   'ShareUpdateExclusiveLock', 'RowExclusiveLock', 'RowShareLock', 'AccessShareLock'], l.mode::text),
                 a.xact_start NULLS LAST
        LIMIT 1`,
    );
    return rows[0] ?? null;
  } catch {
    return null;
  }
}

export function describeLockHolder(holder: LockHolder): string {
  const details = [
    holder.user && say("server.lockUser", { user: holder.user }),
    holder.application && say("server.lockApplication", { application: holder.application }),
    holder.since && say("server.lockSince", { time: holder.since.toISOString().slice(11, 19) }),
  ].filter(Boolean);
  const session = say("server.lockSession", { pid: String(holder.pid) });
  return details.length ? `${session} (${details.join(", ")})` : session;
}
