"use client";

import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { ConnectionDisplay } from "@/lib/db/config";
import type { ProjectWizardValues } from "@/lib/schemas/project";

const SHOWN: (keyof ProjectWizardValues)[] = [
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
  "tech_stack",
  "package_manager",
  "node_version",
  "git_repository",
  "git_branch",
  "generation_output_dir",
  "generation_include_comments",
  "generation_prettier",
  "auto_generation",
  "watch_mode",
];

function shown(value: unknown, yesNo: (yes: boolean) => string): string {
  if (typeof value === "boolean") return yesNo(value);
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
  const t = useTranslations("setup");
  const f = useTranslations("fields.project");
  const databaseConfig = {
    host: connection.host,
    port: connection.port,
    database: connection.database,
    user: connection.user,
    ssl: connection.ssl,
  };
  return (
    <div className="space-y-5">
      <p className="text-sm text-zinc-700">{t.rich("review.intro", { code: (chunks) => <code>{chunks}</code> })}</p>
      <dl className="grid grid-cols-[12rem_1fr] gap-x-4 gap-y-1.5 rounded-lg border border-zinc-200 bg-white p-5 text-sm">
        {SHOWN.map((key) => (
          <div key={key} className="contents">
            <dt className="text-zinc-500">{f(key)}</dt>
            <dd className="whitespace-pre-wrap break-words font-mono text-xs leading-5">{shown(values[key], (yes) => t(yes ? "review.yes" : "review.no"))}</dd>
          </div>
        ))}
        <dt className="text-zinc-500">{t("review.databaseConfig")}</dt>
        <dd className="font-mono text-xs leading-5">
          {t("review.fromConnection", { json: JSON.stringify(databaseConfig) })}
        </dd>
      </dl>
      {formError && <Alert tone="error">{formError}</Alert>}
      <div className="flex gap-2">
        <Button variant="secondary" onClick={onBack} disabled={pending}>
          {t("back")}
        </Button>
        <Button onClick={onFinish} pending={pending}>
          {t("review.finish")}
        </Button>
      </div>
    </div>
  );
}
