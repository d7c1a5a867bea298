import "server-only";
import { getPool } from "../db/pool";
import { METADATA_SCHEMA, REQUIRED_EXTENSIONS } from "./catalog";
import { getProject } from "./project";
import { getSetupState, type SetupState } from "./setup-state";

/**
 * The editor's per-request gate, made cheap. The full check (getSetupState: connection facts, ~8 catalog
 * queries, a comparison with expected-catalog.json) runs once; afterwards each request reads one fingerprint of
 * the `_metadata` catalog, beside the project row, and reuses the full result while the fingerprint is unchanged.
 *
 * The fingerprint is built from the system catalogs' row versions (xmin): any DDL on the schema, its columns,
 * defaults, constraints, indexes, triggers, functions, enums, comments or the two extensions writes a new
 * catalog row, so it changes. A change that is harmless (a GRANT, say) only costs one full check.
 *
 * It runs before every page, so it reads the schema's own rows through the catalogs' indexes: pg_class is scanned
 * once for the schema's relations (it has no index on the namespace alone) and their columns, defaults, triggers
 * and comments are looked up by those oids. Joining pg_attribute to pg_class instead made the planner scan all of
 * pg_attribute: 140–360 ms per request on a database of 5,000 tables (290,000 attribute rows, load ≈ 11), 14–21 ms
 * this way, with the same fingerprint.
 */
const FINGERPRINT_SQL = `
  WITH n AS (SELECT oid, xmin FROM pg_namespace WHERE nspname = $1),
       cls AS MATERIALIZED (SELECT c.oid, c.xmin FROM pg_class c JOIN n ON c.relnamespace = n.oid)
  SELECT md5(concat_ws('|',
    n.xmin::text,
    (SELECT string_agg(c.oid::text || ':' || c.xmin::text, ',' ORDER BY c.oid) FROM cls c),
    (SELECT string_agg(a.attrelid::text || '.' || a.attnum || ':' || a.xmin::text, ',' ORDER BY a.attrelid, a.attnum)
       FROM pg_attribute a WHERE a.attrelid = ANY (ARRAY(SELECT oid FROM cls))),
    (SELECT string_agg(d.oid::text || ':' || d.xmin::text, ',' ORDER BY d.oid)
       FROM pg_attrdef d WHERE d.adrelid = ANY (ARRAY(SELECT oid FROM cls))),
    (SELECT string_agg(k.oid::text || ':' || k.xmin::text, ',' ORDER BY k.oid) FROM pg_constraint k WHERE k.connamespace = n.oid),
    (SELECT string_agg(t.oid::text || ':' || t.xmin::text, ',' ORDER BY t.oid)
       FROM pg_trigger t WHERE t.tgrelid = ANY (ARRAY(SELECT oid FROM cls))),
    (SELECT string_agg(p.oid::text || ':' || p.xmin::text, ',' ORDER BY p.oid) FROM pg_proc p WHERE p.pronamespace = n.oid),
    (SELECT string_agg(e.oid::text || ':' || e.xmin::text, ',' ORDER BY e.oid)
       FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid WHERE t.typnamespace = n.oid),
    (SELECT string_agg(d.objoid::text || '.' || d.objsubid || ':' || d.xmin::text, ',' ORDER BY d.objoid, d.objsubid)
       FROM pg_description d WHERE d.objoid = ANY (ARRAY(SELECT oid FROM cls) || n.oid)),
    (SELECT string_agg(x.extname || ':' || x.xmin::text, ',' ORDER BY x.extname) FROM pg_extension x WHERE x.extname = ANY($2))
  )) AS fingerprint
  FROM n`;

type Ready = Extract<SetupState, { kind: "ready" }>;
let verified: { fingerprint: string; state: Ready } | null = null;
/** The last ready state this process saw: once the editor has worked, an outage is an outage, not a setup. */
let lastReady: Ready | null = null;

export function lastReadyState(): Ready | null {
  return lastReady;
}

async function fingerprint(): Promise<string | null> {
  const { rows } = await getPool().query<{ fingerprint: string }>(FINGERPRINT_SQL, [METADATA_SCHEMA, [...REQUIRED_EXTENSIONS]]);
  return rows[0]?.fingerprint ?? null;
}

/** getSetupState's answer, from the last full check while the catalog has not changed since. */
export async function getReadyState(): Promise<SetupState> {
  const known = verified;
  if (known) {
    // Any failure here (an outage, a dropped schema) is left to the full check, which explains it.
    const [current, project] = await Promise.all([fingerprint().catch(() => null), getProject().catch(() => null)]);
    if (current === known.fingerprint && project) return (lastReady = { ...known.state, project });
  }
  // Taken before the full check: a change made during it shows up as a new fingerprint next time.
  const before = await fingerprint().catch(() => null);
  const state = await getSetupState();
  verified = state.kind === "ready" && before ? { fingerprint: before, state } : null;
  if (state.kind === "ready") lastReady = state;
  return state;
}
