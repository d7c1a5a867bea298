import type pg from "pg";
import type { ConnectionDisplay } from "../db/config";
import { getPool, maybeOne, type Queryable } from "../db/pool";
import { inTransaction } from "../db/transaction";
import { parseJsonText, toJsonText } from "../schemas/json-text";
import {
  PROJECT_JSON_COLUMNS,
  type ProjectJsonColumn,
  type ProjectValues,
  type ProjectWizardValues,
} from "../schemas/project";
import { rowVersionSql, updateIfVersion, type Entity } from "./versioned-row";
import { say } from "../i18n/messages";

/** The project row as the database returns it (JSONB parsed, timestamps as Date). */
export interface ProjectRow {
  id: number;
  project_id: string;
  project_name: string;
  description: string | null;
  root_path: string;
  backend_path: string | null;
  frontend_path: string | null;
  database_path: string | null;
  template: string | null;
  status: string | null;
  version: string | null;
  package_manager: string | null;
  node_version: string | null;
  default_schema: string | null;
  auto_generation: boolean | null;
  watch_mode: boolean | null;
  git_repository: string | null;
  git_branch: string | null;
  owner_id: number | null;
  readme_template: string | null;
  created_by: number | null;
  updated_by: number | null;
  last_generation_at: Date | null;
  last_sync_at: Date | null;
  created_at: Date | null;
  updated_at: Date | null;
  /** The concurrency token every edit carries back (versioned-row.ts); `version` is the project's semver. */
  rowVersion: string;
  [json: string]: unknown;
}

export class ProjectExistsError extends Error {
  constructor() {
    super(say("server.projectExists"));
    this.name = "ProjectExistsError";
  }
}

export async function getProject(db?: Queryable): Promise<ProjectRow | null> {
  return maybeOne<ProjectRow>(
    `SELECT r.*, ${rowVersionSql("project")} AS "rowVersion" FROM _metadata.project r WHERE r.id = 1`,
    [],
    db,
  );
}

const nullIfEmpty = (v: string) => (v.trim() === "" ? null : v);

/** A JSONB parameter: pg would send a JS array as a PostgreSQL array literal, so JSON is sent as text. */
const jsonb = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));

/** The wizard's values plus database_config from the live connection (never the password). */
export async function createProject(db: Queryable, values: ProjectWizardValues, connection: ConnectionDisplay): Promise<ProjectRow> {
  const generationConfig = {
    outputDir: values.generation_output_dir || "./src/generated",
    includeComments: values.generation_include_comments,
    prettier: values.generation_prettier,
  };
  const databaseConfig = {
    host: connection.host,
    port: connection.port,
    database: connection.database,
    user: connection.user,
    ssl: connection.ssl,
  };
  const row = await maybeOne<ProjectRow>(
    `INSERT INTO _metadata.project AS r (
       id, project_id, project_name, description, root_path, backend_path, frontend_path, database_path,
       template, status, version, tech_stack, package_manager, node_version, database_config,
       generation_config, auto_generation, watch_mode, git_repository, git_branch)
     VALUES (1, $1, $2, $3, $4, COALESCE($5, './backend'), COALESCE($6, './frontend'), COALESCE($7, './database'),
       $8, $9, COALESCE($10, '1.0.0'), $11, COALESCE($12, 'npm'), $13, $14, $15, $16, $17, $18, COALESCE($19, 'main'))
     ON CONFLICT (id) DO NOTHING
     RETURNING r.*, ${rowVersionSql("project")} AS "rowVersion"`,
    [
      values.project_id,
      values.project_name,
      nullIfEmpty(values.description),
      values.root_path,
      nullIfEmpty(values.backend_path),
      nullIfEmpty(values.frontend_path),
      nullIfEmpty(values.database_path),
      values.template,
      values.status,
      nullIfEmpty(values.version),
      jsonb(parseJsonText(values.tech_stack)),
      nullIfEmpty(values.package_manager),
      nullIfEmpty(values.node_version),
      jsonb(databaseConfig),
      jsonb(generationConfig),
      values.auto_generation,
      values.watch_mode,
      nullIfEmpty(values.git_repository),
      nullIfEmpty(values.git_branch),
    ],
    db,
  );
  if (!row) throw new ProjectExistsError();
  return row;
}

const TEXT_COLUMNS = [
  "project_id",
  "project_name",
  "description",
  "root_path",
  "backend_path",
  "frontend_path",
  "database_path",
  "template",
  "status",
  "version",
  "package_manager",
  "node_version",
  "default_schema",
  "git_repository",
  "git_branch",
  "readme_template",
] as const;
const INT_COLUMNS = ["owner_id", "created_by", "updated_by"] as const;
const TIMESTAMP_COLUMNS = ["last_generation_at", "last_sync_at"] as const;
const BOOL_COLUMNS = ["auto_generation", "watch_mode"] as const;
const JSON_COLUMNS = Object.keys(PROJECT_JSON_COLUMNS) as ProjectJsonColumn[];

const PROJECT: Entity<ProjectRow> = { table: "project", read: (_id, db) => getProject(db) };

/** Every editable column, in one UPDATE guarded by the row version the form was loaded with. */
export async function updateProject(values: ProjectValues, db: pg.Pool | pg.ClientBase = getPool()): Promise<ProjectRow> {
  const row: Record<string, unknown> = {};
  for (const c of TEXT_COLUMNS) {
    const required = c === "project_id" || c === "project_name" || c === "root_path";
    row[c] = required ? values[c] : nullIfEmpty(values[c]);
  }
  for (const c of INT_COLUMNS) row[c] = nullIfEmpty(values[c]);
  // The form shows local time (localDateTime below); convert back in the same time zone.
  for (const c of TIMESTAMP_COLUMNS) row[c] = values[c] ? new Date(values[c]).toISOString() : null;
  for (const c of BOOL_COLUMNS) row[c] = values[c];
  for (const c of JSON_COLUMNS) row[c] = jsonb(parseJsonText(values[c]));
  return inTransaction(db, (client) => updateIfVersion(PROJECT, 1, values.rowVersion, row, client));
}

function localDateTime(d: Date | null): string {
  if (!d) return "";
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The row → the Project page's form values. */
export function projectToValues(row: ProjectRow): ProjectValues {
  const str = (v: unknown) => (v === null || v === undefined ? "" : String(v));
  return {
    project_id: row.project_id,
    project_name: row.project_name,
    description: str(row.description),
    root_path: row.root_path,
    backend_path: str(row.backend_path),
    frontend_path: str(row.frontend_path),
    database_path: str(row.database_path),
    template: (row.template ?? "BASIC") as ProjectValues["template"],
    status: (row.status ?? "PLANNING") as ProjectValues["status"],
    version: str(row.version),
    package_manager: str(row.package_manager),
    node_version: str(row.node_version),
    git_repository: str(row.git_repository),
    git_branch: str(row.git_branch),
    auto_generation: row.auto_generation ?? false,
    watch_mode: row.watch_mode ?? false,
    default_schema: str(row.default_schema),
    owner_id: str(row.owner_id),
    created_by: str(row.created_by),
    updated_by: str(row.updated_by),
    readme_template: str(row.readme_template),
    last_generation_at: localDateTime(row.last_generation_at),
    last_sync_at: localDateTime(row.last_sync_at),
    ...(Object.fromEntries(JSON_COLUMNS.map((c) => [c, toJsonText(row[c])])) as Record<ProjectJsonColumn, string>),
    rowVersion: row.rowVersion,
  };
}
