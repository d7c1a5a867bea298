import path from "node:path";
import type { ProjectWizardValues } from "../schemas/project";

type Env = Record<string, string | undefined>;

/** Slug for project_id: lower-case words joined by "-". */
export function slugify(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 100);
}

/** Wizard and CLI defaults: the spec's PROJECT_* variables first, then what can be derived. */
export function projectDefaults(env: Env, database: string, serverVersion?: string): ProjectWizardValues {
  const root = env.PROJECT_ROOT_PATH?.trim() || process.cwd();
  const id = slugify(env.PROJECT_ID?.trim() || database || path.basename(root)) || "my-project";
  return {
    project_id: id,
    project_name: env.PROJECT_NAME?.trim() || id,
    description: env.PROJECT_DESCRIPTION?.trim() ?? "",
    root_path: root,
    backend_path: "./backend",
    frontend_path: "./frontend",
    database_path: "./database",
    template: "BASIC",
    status: "PLANNING",
    version: "1.0.0",
    tech_stack: JSON.stringify(
      { backend: "Node.js + TypeScript + GraphQL", frontend: "Next.js + React 19", database: `PostgreSQL ${serverVersion ?? ""}`.trim() },
      null,
      2,
    ),
    package_manager: "npm",
    node_version: process.versions.node,
    git_repository: env.PROJECT_GIT_REPOSITORY?.trim() ?? "",
    git_branch: "main",
    generation_output_dir: "./src/generated",
    generation_include_comments: true,
    generation_prettier: true,
    auto_generation: true,
    watch_mode: true,
  };
}
