"use client";

import { useTranslations } from "next-intl";
import type { FieldErrors, UseFormRegister } from "react-hook-form";
import { Checkbox, Field, Input, Select, Textarea } from "@/components/ui/field";
import { PACKAGE_MANAGERS, PROJECT_STATUSES, PROJECT_TEMPLATES } from "@/lib/schemas/enums";
import type { ProjectWizardValues } from "@/lib/schemas/project";

/** The fields the wizard and the Project page share (both schemas have them under the same names). */
export type CoreValues = Omit<
  ProjectWizardValues,
  "tech_stack" | "generation_output_dir" | "generation_include_comments" | "generation_prettier"
>;

export function Section({
  title,
  description,
  children,
}: {
  title: string;
  description?: string;
  children: React.ReactNode;
}) {
  return (
    <fieldset className="rounded-lg border border-zinc-200 bg-white p-5">
      <legend className="px-1 text-sm font-semibold text-zinc-900">{title}</legend>
      {description && <p className="mb-4 text-xs text-zinc-500">{description}</p>}
      <div className="grid gap-4 sm:grid-cols-2">{children}</div>
    </fieldset>
  );
}

export function ProjectCoreFields({
  register,
  errors,
}: {
  register: UseFormRegister<CoreValues>;
  errors: FieldErrors<CoreValues>;
}) {
  const e = (name: keyof CoreValues) => errors[name]?.message as string | undefined;
  const t = useTranslations("project");
  const f = useTranslations("fields.project");
  return (
    <>
      <Section title={t("sections.identity")}>
        <Field label={f("project_id")} required error={e("project_id")} hint={t("hints.project_id")}>
          {(p) => <Input {...p} {...register("project_id")} autoComplete="off" spellCheck={false} />}
        </Field>
        <Field label={f("project_name")} required error={e("project_name")}>
          {(p) => <Input {...p} {...register("project_name")} />}
        </Field>
        <Field label={f("description")} error={e("description")} className="sm:col-span-2">
          {(p) => <Textarea {...p} rows={3} {...register("description")} />}
        </Field>
      </Section>
      <Section title={t("sections.paths")} description={t("sections.pathsHint")}>
        <Field
          label={f("root_path")}
          required
          error={e("root_path")}
          hint={t("hints.root_path")}
          className="sm:col-span-2"
        >
          {(p) => <Input {...p} {...register("root_path")} spellCheck={false} />}
        </Field>
        <Field label={f("backend_path")} error={e("backend_path")}>
          {(p) => <Input {...p} {...register("backend_path")} placeholder="./backend" spellCheck={false} />}
        </Field>
        <Field label={f("frontend_path")} error={e("frontend_path")}>
          {(p) => <Input {...p} {...register("frontend_path")} placeholder="./frontend" spellCheck={false} />}
        </Field>
        <Field label={f("database_path")} error={e("database_path")}>
          {(p) => <Input {...p} {...register("database_path")} placeholder="./database" spellCheck={false} />}
        </Field>
      </Section>
      <Section title={t("sections.project")}>
        <Field label={f("template")} error={e("template")}>
          {(p) => (
            <Select {...p} {...register("template")}>
              {PROJECT_TEMPLATES.map((t) => (
                <option key={t} value={t}>
                  {t}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field label={f("status")} error={e("status")}>
          {(p) => (
            <Select {...p} {...register("status")}>
              {PROJECT_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field label={f("version")} error={e("version")} hint={t("hints.version")}>
          {(p) => <Input {...p} {...register("version")} placeholder="1.0.0" />}
        </Field>
        <Field label={f("package_manager")} error={e("package_manager")}>
          {(p) => (
            <>
              <Input {...p} {...register("package_manager")} list="package-managers" placeholder="npm" />
              <datalist id="package-managers">
                {PACKAGE_MANAGERS.map((m) => (
                  <option key={m} value={m} />
                ))}
              </datalist>
            </>
          )}
        </Field>
        <Field label={f("node_version")} error={e("node_version")} hint={t("hints.node_version")}>
          {(p) => <Input {...p} {...register("node_version")} />}
        </Field>
      </Section>
      <Section title={t("sections.git")}>
        <Field
          label={f("git_repository")}
          error={e("git_repository")}
          hint={t("hints.git_repository")}
        >
          {(p) => <Input {...p} {...register("git_repository")} spellCheck={false} />}
        </Field>
        <Field label={f("git_branch")} error={e("git_branch")}>
          {(p) => <Input {...p} {...register("git_branch")} placeholder="main" spellCheck={false} />}
        </Field>
      </Section>
      <Section title={t("sections.codegen")}>
        <Checkbox
          label={f("auto_generation")}
          hint={t("hints.auto_generation")}
          {...register("auto_generation")}
        />
        <Checkbox label={f("watch_mode")} hint={t("hints.watch_mode")} {...register("watch_mode")} />
      </Section>
    </>
  );
}
