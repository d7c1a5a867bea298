import { z } from "zod";
import { PROJECT_STATUSES, PROJECT_TEMPLATES } from "./enums";
import { vmsg } from "../i18n/messages";
import { boundedString, dateTimeText, longText, requiredText, text, versionToken } from "./fields";
import { jsonText } from "./json-text";

/**
 * The project row as forms edit it: every value is text or boolean (what inputs hold); lib/metadata/project.ts
 * turns text into NULL, numbers, timestamps and JSON for the database. One schema for form and server action.
 */
const optionalInt = text(20).regex(/^(\d{1,15})?$/, { error: () => vmsg("wholeOrEmpty") });
const optionalTimestamp = dateTimeText(() => vmsg("dateTimeOrEmpty"));

export const PROJECT_ID_PATTERN = /^[a-z0-9]+(?:[-_][a-z0-9]+)*$/;

export const projectIdentitySchema = z.object({
  project_id: requiredText(100, "Project id").regex(PROJECT_ID_PATTERN, { error: () => vmsg("projectSlug") }),
  project_name: requiredText(200, "Project name"),
  description: boundedString(10_000),
});

export const projectWizardSchema = projectIdentitySchema.extend({
  root_path: requiredText(500, "Root path"),
  backend_path: text(200),
  frontend_path: text(200),
  database_path: text(200),
  template: z.enum(PROJECT_TEMPLATES, { error: () => vmsg("chooseTemplate") }),
  status: z.enum(PROJECT_STATUSES, { error: () => vmsg("chooseStatus") }),
  version: text(50).regex(/^(\d+\.\d+\.\d+([-+][0-9A-Za-z.-]+)?)?$/, { error: () => vmsg("versionLike") }),
  tech_stack: jsonText("object"),
  // VARCHAR(20) in the spec; PACKAGE_MANAGERS are suggestions, not a closed list.
  package_manager: text(20).regex(/^[a-z0-9@._-]*$/, { error: () => vmsg("packageManager") }),
  node_version: text(20).regex(/^(v?\d+(\.\d+){0,2})?$/, { error: () => vmsg("nodeVersion") }),
  git_repository: text(500).refine(
    (v) => v === "" || /^(https?:\/\/|ssh:\/\/|git@|git:\/\/|file:\/\/|\/)\S+$/.test(v),
    { error: () => vmsg("repositoryUrl") },
  ),
  git_branch: text(100).regex(/^([^\s~^:?*[\\]+)?$/, { error: () => vmsg("branchName") }),
  generation_output_dir: text(500),
  generation_include_comments: z.boolean(),
  generation_prettier: z.boolean(),
  auto_generation: z.boolean(),
  watch_mode: z.boolean(),
});
export type ProjectWizardValues = z.infer<typeof projectWizardSchema>;

/** Every JSONB column of the project row, with the spec's examples as hints. */
export const PROJECT_JSON_COLUMNS = {
  tech_stack: '{"backend": "Node.js + TypeScript + GraphQL", "frontend": "Next.js + React 19", "database": "PostgreSQL 16"}',
  database_config: '{"host": "localhost", "port": 5432, "database": "myapp_dev", "ssl": false}',
  generation_config: '{"outputDir": "./src/generated", "includeComments": true, "prettier": true}',
  team_members: '[{"id": 1, "name": "Kim", "role": "owner"}]',
  deployment_config: '{"provider": "docker", "registry": "ghcr.io/acme"}',
  environments: '{"dev": {"url": "http://localhost:3000"}, "prod": {"url": "https://app.example.com"}}',
  api_config: '{"graphqlPath": "/graphql", "playground": true}',
  external_services: '{"mail": "ses", "storage": "s3"}',
  dev_tools_config: '{"editor": "vscode"}',
  linting_config: '{"eslint": true, "prettier": true}',
  testing_config: '{"unit": "vitest", "e2e": "playwright"}',
  plugins: '["audit-log", "soft-delete"]',
  custom_generators: '[{"name": "openapi", "template": "./templates/openapi.hbs"}]',
  documentation_config: '{"outputDir": "./docs"}',
  tags: '["internal", "b2b"]',
  metadata: "{}",
} as const;
export type ProjectJsonColumn = keyof typeof PROJECT_JSON_COLUMNS;

/**
 * What keeps generation_config from meaning what it says, or null: the keys the code generators read must have
 * their type ("prettier": "no" was read as the default, true, without a word). Other keys are the project's own.
 */
export function generationConfigProblem(value: unknown): string | null {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return null; // jsonText("object") says so
  const v = value as Record<string, unknown>;
  if ("outputDir" in v && (typeof v.outputDir !== "string" || v.outputDir.trim() === "")) {
    return vmsg("generationConfigKey", { key: "outputDir", kind: "text" });
  }
  for (const key of ["includeComments", "prettier"]) {
    if (key in v && typeof v[key] !== "boolean") return vmsg("generationConfigKey", { key, kind: "boolean" });
  }
  return null;
}

export const projectSchema = projectWizardSchema
  .omit({
    tech_stack: true,
    generation_output_dir: true,
    generation_include_comments: true,
    generation_prettier: true,
  })
  .extend({
    default_schema: text(100),
    owner_id: optionalInt,
    created_by: optionalInt,
    updated_by: optionalInt,
    readme_template: longText,
    last_generation_at: optionalTimestamp,
    last_sync_at: optionalTimestamp,
    ...(Object.fromEntries(Object.keys(PROJECT_JSON_COLUMNS).map((k) => [k, jsonText("any")])) as Record<
      ProjectJsonColumn,
      ReturnType<typeof jsonText>
    >),
    generation_config: jsonText("object", generationConfigProblem),
    /** The row's version when the form was loaded: a save over someone else's change is refused. */
    rowVersion: versionToken,
  });
export type ProjectValues = z.infer<typeof projectSchema>;
