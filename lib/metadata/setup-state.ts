import "server-only";
import { describeConnection, type ConnectionDisplay, type ConnectionSource } from "../db/config";
import { toUserError } from "../db/errors";
import { inLocale } from "../i18n/messages";
import { requestLocale } from "../i18n/request-locale";
import { getConnection, getPool, NotConfiguredError } from "../db/pool";
import { readCatalog } from "./catalog";
import { compareCatalog, type CheckSummary } from "./check";
import { getProject, type ProjectRow } from "./project";

export interface ConnectionFacts {
  source: ConnectionSource;
  display: ConnectionDisplay;
  label: string;
  serverVersion: string;
  currentUser: string;
  isSuperuser: boolean;
  canCreateSchema: boolean;
  extensions: { name: string; installed: boolean; available: boolean; trusted: boolean; canCreate: boolean }[];
}

export type SetupState =
  | { kind: "not_configured"; message: string }
  | { kind: "unreachable"; message: string; label?: string }
  | { kind: "error"; message: string; label?: string }
  | { kind: "needs_init"; facts: ConnectionFacts; summary: CheckSummary }
  | { kind: "needs_project"; facts: ConnectionFacts; summary: CheckSummary }
  | { kind: "ready"; facts: ConnectionFacts; summary: CheckSummary; project: ProjectRow };

/** Server version, identity and the privileges the init needs (schema creation, the two extensions). */
export async function readConnectionFacts(): Promise<ConnectionFacts> {
  const connection = getConnection();
  const pool = getPool();
  const { rows } = await pool.query<{
    version: string;
    current_user: string;
    superuser: boolean;
    can_create: boolean;
  }>(
    `SELECT current_setting('server_version') AS version, current_user,
            (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS superuser,
            has_database_privilege(current_database(), 'CREATE') AS can_create`,
  );
  const facts = rows[0];
  const ext = await pool.query<{ name: string; installed: boolean; available: boolean; trusted: boolean }>(
    `SELECT n.name,
            EXISTS (SELECT 1 FROM pg_extension e WHERE e.extname = n.name) AS installed,
            EXISTS (SELECT 1 FROM pg_available_extensions a WHERE a.name = n.name) AS available,
            COALESCE((SELECT bool_or(v.trusted) FROM pg_available_extension_versions v WHERE v.name = n.name), false) AS trusted
       FROM unnest(ARRAY['btree_gin', 'pg_trgm']) AS n(name)`,
  );
  return {
    source: connection.source,
    display: connection.display,
    label: describeConnection(connection.display),
    serverVersion: facts.version.split(" ")[0],
    currentUser: facts.current_user,
    isSuperuser: facts.superuser,
    canCreateSchema: facts.superuser || facts.can_create,
    extensions: ext.rows.map((e) => ({
      ...e,
      canCreate: e.installed || (e.available && (facts.superuser || (e.trusted && facts.can_create))),
    })),
  };
}

/** Where a visitor belongs: the wizard while the schema or the project row is missing, else the editor. */
export async function getSetupState(): Promise<SetupState> {
  let facts: ConnectionFacts;
  try {
    facts = await readConnectionFacts();
  } catch (error) {
    if (error instanceof NotConfiguredError) return { kind: "not_configured", message: error.message };
    let label: string | undefined;
    try {
      label = describeConnection(getConnection().display);
    } catch {
      label = undefined;
    }
    const display = label ? getConnection().display : undefined;
    const locale = await requestLocale();
    return { kind: "unreachable", message: inLocale(locale, () => toUserError(error, display).message), label };
  }
  try {
    const summary = compareCatalog(await readCatalog(getPool()));
    if (!summary.complete) return { kind: "needs_init", facts, summary };
    const project = await getProject();
    if (!project) return { kind: "needs_project", facts, summary };
    return { kind: "ready", facts, summary, project };
  } catch (error) {
    // Reachable, but the schema cannot be read (a revoked privilege, say): say so rather than crash.
    const locale = await requestLocale();
    return { kind: "error", message: inLocale(locale, () => toUserError(error, facts.display).message), label: facts.label };
  }
}
