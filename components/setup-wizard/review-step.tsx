"use client";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { ConnectionDisplay } from "@/lib/db/config";
import type { ProjectWizardValues } from "@/lib/schemas/project";

const LABELS: [keyof ProjectWizardValues, string][] = [
  ["project_id", "Project id"],
  ["project_name", "Project name"],
  ["description", "Description"],
  ["root_path", "Root path"],
  ["backend_path", "Backend path"],
  ["frontend_path", "Frontend path"],
  ["database_path", "Database path"],
  ["template", "Template"],
  ["status", "Status"],
  ["version", "Version"],
  ["tech_stack", "Tech stack"],
  ["package_manager", "Package manager"],
  ["node_version", "Node version"],
  ["git_repository", "Git repository"],
  ["git_branch", "Git branch"],
  ["generation_output_dir", "Output directory"],
  ["generation_include_comments", "Include comments"],
  ["generation_prettier", "Prettier"],
  ["auto_generation", "Auto generation"],
  ["watch_mode", "Watch mode"],
];

function shown(value: unknown): string {
  if (typeof value === "boolean") return value ? "yes" : "no";
  const text = String(value ?? "").trim();
  return text === "" ? "—" : text;
}

export function ReviewStep({
  values,
  connection,
  pending,
  formError,
  onFinish,
  onBack,
}: {
  values: ProjectWizardValues;
  connection: ConnectionDisplay;
  pending: boolean;
  formError: string | null;
  onFinish: () => void;
  onBack: () => void;
}) {
  const databaseConfig = {
    host: connection.host,
    port: connection.port,
    database: connection.database,
    user: connection.user,
    ssl: connection.ssl,
  };
  return (
    <div className="space-y-5">
      <p className="text-sm text-zinc-700">
        This row goes into <code>_metadata.project</code> (id = 1, the only row there can be).
      </p>
      <dl className="grid grid-cols-[12rem_1fr] gap-x-4 gap-y-1.5 rounded-lg border border-zinc-200 bg-white p-5 text-sm">
        {LABELS.map(([key, label]) => (
          <div key={key} className="contents">
            <dt className="text-zinc-500">{label}</dt>
            <dd className="whitespace-pre-wrap break-words font-mono text-xs leading-5">{shown(values[key])}</dd>
          </div>
        ))}
        <dt className="text-zinc-500">Database config</dt>
        <dd className="font-mono text-xs leading-5">
          {JSON.stringify(databaseConfig)} (from the connection; never the password)
        </dd>
      </dl>
      {formError && <Alert tone="error">{formError}</Alert>}
      <div className="flex gap-2">
        <Button variant="secondary" onClick={onBack} disabled={pending}>
          Back
        </Button>
        <Button onClick={onFinish} pending={pending}>
          Finish setup
        </Button>
      </div>
    </div>
  );
}
