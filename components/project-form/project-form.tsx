"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { useLeaveGuard } from "@/components/app-shell/use-leave-guard";
import { useForm, type UseFormRegister } from "react-hook-form";
import { toast } from "sonner";
import { saveProjectAction } from "@/app/(editor)/project/actions";
import { saveVersioned } from "@/components/conflict/save-versioned";
import { useConflict } from "@/components/conflict/use-conflict";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Input, Textarea } from "@/components/ui/field";
import { PROJECT_JSON_COLUMNS, projectSchema, type ProjectJsonColumn, type ProjectValues } from "@/lib/schemas/project";
import { ProjectCoreFields, Section, type CoreValues } from "./project-core-fields";

const JSON_GROUPS: { title: "stack" | "generation" | "team" | "services" | "docs"; columns: ProjectJsonColumn[] }[] = [
  { title: "stack", columns: ["tech_stack", "database_config"] },
  { title: "generation", columns: ["generation_config", "custom_generators", "plugins"] },
  { title: "team", columns: ["team_members", "deployment_config", "environments"] },
  {
    title: "services",
    columns: ["api_config", "external_services", "dev_tools_config", "linting_config", "testing_config"],
  },
  { title: "docs", columns: ["documentation_config", "tags", "metadata"] },
];

export function ProjectForm({
  initial,
  readOnly,
}: {
  initial: ProjectValues;
  readOnly: { id: number; created_at: string; updated_at: string };
}) {
  const form = useForm<ProjectValues>({
    resolver: zodResolver(projectSchema),
    defaultValues: initial,
    mode: "onTouched",
  });
  const { register, formState, handleSubmit, reset, setError } = form;
  const [pending, startTransition] = useTransition();
  const [formError, setFormError] = useState<string | null>(null);
  const { ask, dialog } = useConflict("project");
  const [meta, setMeta] = useState(readOnly);
  const t = useTranslations("project");
  const c = useTranslations("common");
  const f = useTranslations("fields.project");
  const e = (name: keyof ProjectValues) => formState.errors[name]?.message as string | undefined;
  const leaveGuard = useLeaveGuard(formState.isDirty, t("leaveWhat"));

  const save = handleSubmit((values) =>
    startTransition(async () => {
      setFormError(null);
      const outcome = await saveVersioned({
        rowVersion: values.rowVersion,
        values,
        what: t("what"),
        save: (rowVersion) => saveProjectAction({ ...values, rowVersion }),
        toValues: (row) => row,
        ask,
      });
      if (outcome.kind === "saved" || outcome.kind === "theirs") {
        reset(outcome.row);
        setMeta((m) => ({ ...m, updated_at: outcome.row.rowVersion }));
        if (outcome.kind === "saved") toast.success(t("saved"));
      } else if (outcome.kind === "gone") {
        setFormError(t("gone"));
      } else {
        setFormError(outcome.formError);
        for (const [name, message] of Object.entries(outcome.fieldErrors)) setError(name as keyof ProjectValues, { message });
      }
    }),
  );

  return (
    <form noValidate onSubmit={save} className="space-y-5" aria-label={t("formLabel")}>
      {formError && <Alert tone="error">{formError}</Alert>}
      <ProjectCoreFields register={register as unknown as UseFormRegister<CoreValues>} errors={formState.errors} />
      <Section title={t("sections.database")}>
        <Field label={f("default_schema")} error={e("default_schema")}>
          {(p) => <Input {...p} {...register("default_schema")} placeholder="public" />}
        </Field>
        <Field label={f("owner_id")} error={e("owner_id")}>
          {(p) => <Input {...p} inputMode="numeric" {...register("owner_id")} />}
        </Field>
        <Field label={f("created_by")} error={e("created_by")}>
          {(p) => <Input {...p} inputMode="numeric" {...register("created_by")} />}
        </Field>
        <Field label={f("updated_by")} error={e("updated_by")}>
          {(p) => <Input {...p} inputMode="numeric" {...register("updated_by")} />}
        </Field>
        <Field label={f("last_generation_at")} error={e("last_generation_at")}>
          {(p) => <Input {...p} type="datetime-local" {...register("last_generation_at")} />}
        </Field>
        <Field label={f("last_sync_at")} error={e("last_sync_at")}>
          {(p) => <Input {...p} type="datetime-local" {...register("last_sync_at")} />}
        </Field>
        <Field label={f("readme_template")} error={e("readme_template")} className="sm:col-span-2">
          {(p) => <Textarea {...p} rows={4} className="font-mono text-xs" {...register("readme_template")} />}
        </Field>
      </Section>
      {JSON_GROUPS.map((group) => (
        <Section key={group.title} title={t(`sections.${group.title}`)} description={t("sections.jsonHint")}>
          {group.columns.map((column) => (
            <Field
              key={column}
              label={t("jsonLabel", { label: f(column) })}
              error={e(column)}
              hint={t("hints.example", { example: PROJECT_JSON_COLUMNS[column] })}
            >
              {(p) => (
                <Textarea {...p} rows={4} className="font-mono text-xs" spellCheck={false} {...register(column)} />
              )}
            </Field>
          ))}
        </Section>
      ))}
      <p className="text-xs text-zinc-500">
        {t("meta", { id: meta.id, created: meta.created_at, updated: meta.updated_at })}
      </p>
      <div className="sticky bottom-0 flex items-center gap-3 border-t border-zinc-200 bg-zinc-50/95 py-3">
        <Button type="submit" pending={pending} disabled={!formState.isDirty}>
          {c("save")}
        </Button>
        <Button variant="secondary" disabled={!formState.isDirty || pending} onClick={() => reset()}>
          {t("discardChanges")}
        </Button>
        {formState.isDirty && <span className="text-xs text-amber-700">{t("unsaved")}</span>}
      </div>
      {leaveGuard}
      {dialog}
    </form>
  );
}
